import Foundation
import GRDB

/// What administrators do with people: see every account, withdraw an invitation, deactivate and reactivate.
extension AppDatabase {
    /// Every account, by name, with its sign-in and invitation state; administrators only.
    public func people(by admin: Account, now: Date = Date()) async throws -> [PersonSummary] {
        try admin.require(.managePeople)
        return try read { db in
            // The newest unused, unvoided link of each account says whether an invitation is pending or expired.
            try db.rows(
                """
                SELECT account.*, account.passwordHash IS NOT NULL AS hasPassword,
                    (SELECT max(expiresAt) FROM invitation
                        WHERE invitation.accountId = account.id AND usedAt IS NULL AND voidedAt IS NULL) AS invitationExpiresAt
                FROM account ORDER BY name COLLATE NOCASE, id
                """
            ).map { row in
                let hasPassword: Bool = row["hasPassword"]
                let expiresAt: Date? = row["invitationExpiresAt"]
                let invitation: PersonSummary.Invitation =
                    switch expiresAt {
                    case .some(let date) where !hasPassword: date > now ? .pending(expiresAt: date) : .expired
                    default: .none
                    }
                return PersonSummary(
                    account: Self.account(row), hasPassword: hasPassword, lastSignInAt: row["lastSignInAt"],
                    deactivatedAt: row["deactivatedAt"], invitation: invitation
                )
            }
        }
    }

    /// Voids the account's pending invitation links: whoever holds one can no longer set a password with it.
    public func withdrawInvitation(accountID: Int64, by admin: Account) async throws {
        try admin.require(.managePeople)
        try await write { db in
            try Self.requireAccount(db, accountID)
            try db.run(
                "UPDATE invitation SET voidedAt = ? WHERE accountId = ? AND usedAt IS NULL AND voidedAt IS NULL", [Date(), accountID]
            )
            guard db.changesCount > 0 else { throw DocumentModelError.conflict("no invitation of this person is pending") }
            try Self.appendActivity(
                db, strategyID: nil, actor: Actor(accountID: admin.id, group: nil), action: .invitationWithdrawn,
                subject: "account/\(accountID)"
            )
        }
    }

    /// Ends an account's use of the service at once: its sessions end, its tokens are revoked and its pending
    /// links void. Its history (amendments, comments, sign-offs, memberships) stays. An admin cannot deactivate
    /// their own account, so the service always keeps the admin who could undo it.
    public func deactivate(accountID: Int64, by admin: Account) async throws {
        try admin.require(.managePeople)
        guard accountID != admin.id else {
            throw DocumentModelError.conflict("you cannot deactivate your own account: another administrator can")
        }
        try await write { db in
            try Self.requireAccount(db, accountID)
            let now = Date()
            try db.run("UPDATE account SET deactivatedAt = COALESCE(deactivatedAt, ?) WHERE id = ?", [now, accountID])
            try db.run("UPDATE token SET revokedAt = COALESCE(revokedAt, ?) WHERE accountId = ?", [now, accountID])
            try db.run("DELETE FROM webSession WHERE accountId = ?", [accountID])
            try db.run(
                "UPDATE invitation SET voidedAt = ? WHERE accountId = ? AND usedAt IS NULL AND voidedAt IS NULL", [now, accountID]
            )
            try Self.appendActivity(
                db, strategyID: nil, actor: Actor(accountID: admin.id, group: nil), action: .accountDeactivated,
                subject: "account/\(accountID)"
            )
        }
    }

    /// Lets a deactivated account sign in again with its password. Its revoked tokens stay revoked: the person
    /// creates new ones.
    public func reactivate(accountID: Int64, by admin: Account) async throws {
        try admin.require(.managePeople)
        try await write { db in
            try Self.requireAccount(db, accountID)
            try db.run("UPDATE account SET deactivatedAt = NULL WHERE id = ? AND deactivatedAt IS NOT NULL", [accountID])
            guard db.changesCount > 0 else { throw DocumentModelError.conflict("this account is active") }
            try Self.appendActivity(
                db, strategyID: nil, actor: Actor(accountID: admin.id, group: nil), action: .accountReactivated,
                subject: "account/\(accountID)"
            )
        }
    }

    static func requireAccount(_ db: Database, _ accountID: Int64) throws {
        guard try db.value(Bool.self, "SELECT 1 FROM account WHERE id = ?", [accountID]) != nil else {
            throw DocumentModelError.notFound("account")
        }
    }

    /// Refuses what only an active account may receive (a new invitation).
    static func requireActive(_ db: Database, _ accountID: Int64) throws {
        if try db.value(Bool.self, "SELECT 1 FROM account WHERE id = ? AND deactivatedAt IS NOT NULL", [accountID]) != nil {
            throw DocumentModelError.conflict("this account is deactivated: reactivate it first")
        }
    }
}
