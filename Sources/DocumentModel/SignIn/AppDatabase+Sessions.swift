import Foundation
import GRDB

/// Browser sessions: a random secret in a cookie, stored as its hash, ended by sign-out, by idleness, by age, or
/// by a new password.
extension AppDatabase {
    /// The account a session cookie belongs to, if the session is still good; refreshes its last-seen time.
    public func account(sessionToken token: String, now: Date = Date()) async throws -> Account? {
        guard Secret.looksValid(token) else { return nil }
        let hash = Secret.hash(token)
        let found = try read { db -> (Account, Date)? in
            guard
                let row = try db.row(
                    """
                    SELECT account.*, webSession.createdAt AS sessionCreatedAt, webSession.lastSeenAt AS sessionLastSeenAt
                    FROM webSession JOIN account ON account.id = webSession.accountId
                    WHERE webSession.hash = ? AND account.deactivatedAt IS NULL
                    """, [hash]
                )
            else { return nil }
            let created: Date = row["sessionCreatedAt"]
            let lastSeen: Date = row["sessionLastSeenAt"]
            guard now.timeIntervalSince(lastSeen) < SignInPolicy.sessionIdleLimit,
                now.timeIntervalSince(created) < SignInPolicy.sessionAbsoluteLimit
            else { return nil }
            return (Self.account(row), lastSeen)
        }
        guard let (account, lastSeen) = found else { return nil }
        if now.timeIntervalSince(lastSeen) >= SignInPolicy.sessionTouchInterval {
            try await write { db in try db.run("UPDATE webSession SET lastSeenAt = ? WHERE hash = ?", [now, hash]) }
        }
        return account
    }

    /// Checks an email and password; a session on success. An unknown email costs the same time as a wrong
    /// password and gives the same answer (nil), so the answer does not tell which accounts exist.
    public func signIn(email: String, password: String) async throws -> SignedIn? {
        let email = EmailAddress.normalized(email)
        guard password.count <= PasswordPolicy.maxLength else { return nil }
        let stored = try read { db -> (Account, String?)? in
            // A deactivated account is answered as an unknown one is.
            try db.row("SELECT * FROM account WHERE email = ? AND deactivatedAt IS NULL", [email]).map {
                (Self.account($0), $0["passwordHash"])
            }
        }
        let passwords = self.passwords
        let matches = try await heavyWork.run {
            guard let hash = stored?.1 else {
                passwords.spendVerifyTime(password)
                return false
            }
            return passwords.verify(password, hash: hash)
        }
        guard matches, let account = stored?.0 else { return nil }
        let session = Secret.random()
        return try await write { db in
            try Self.appendActivity(
                db, strategyID: nil, actor: Actor(accountID: account.id, group: nil), action: .sessionStarted, subject: "account/\(account.id)")
            return SignedIn(account: account, sessionToken: try Self.insertSession(db, secret: session, accountID: account.id))
        }
    }

    /// Ends the session with this secret (sign-out); nothing happens for an unknown one.
    public func endSession(token: String) async throws {
        guard Secret.looksValid(token) else { return }
        let hash = Secret.hash(token)
        try await write { db in try db.run("DELETE FROM webSession WHERE hash = ?", [hash]) }
    }

    /// Changes a signed-in person's password after checking the current one; every other session ends.
    public func changePassword(accountID: Int64, current: String, new password: NewPassword, keeping sessionToken: String) async throws {
        let stored = try read { db in try db.value(String.self, "SELECT passwordHash FROM account WHERE id = ?", [accountID]) }
        var errors = FieldErrors()
        password.validate(into: &errors)
        let passwords = self.passwords
        let currentMatches = try await heavyWork.run { stored.map { passwords.verify(current, hash: $0) } ?? false }
        if !currentMatches { errors.add("currentPassword", "is not your current password") }
        try errors.throwIfAny()
        let hash = try await heavyWork.run { passwords.hash(password.password) }
        let kept = Secret.hash(sessionToken)
        try await write { db in
            try Self.setPasswordHash(db, hash, accountID: accountID, by: Actor(accountID: accountID, group: nil), keeping: kept)
        }
    }

    static func insertSession(_ db: Database, secret: String, accountID: Int64) throws -> String {
        let now = Date()
        try db.run(
            "INSERT INTO webSession (hash, accountId, createdAt, lastSeenAt) VALUES (?, ?, ?, ?)",
            [Secret.hash(secret), accountID, now, now]
        )
        try db.run("UPDATE account SET lastSignInAt = ? WHERE id = ?", [now, accountID])
        // Expired sessions are swept as new ones start, so the table holds only live ones and a few stale.
        try db.run(
            "DELETE FROM webSession WHERE lastSeenAt < ? OR createdAt < ?",
            [now.addingTimeInterval(-SignInPolicy.sessionIdleLimit), now.addingTimeInterval(-SignInPolicy.sessionAbsoluteLimit)]
        )
        return secret
    }

    /// Stores a new password hash, voids every unused invitation link of the account and ends every session of
    /// the account but `kept`.
    static func setPasswordHash(_ db: Database, _ hash: String, accountID: Int64, by actor: Actor, keeping kept: Data? = nil) throws {
        try db.run("UPDATE account SET passwordHash = ? WHERE id = ?", [hash, accountID])
        try db.run(
            "UPDATE invitation SET voidedAt = ? WHERE accountId = ? AND usedAt IS NULL AND voidedAt IS NULL", [Date(), accountID]
        )
        try db.run("DELETE FROM webSession WHERE accountId = ? AND hash IS NOT ?", [accountID, kept])
        try appendActivity(db, strategyID: nil, actor: actor, action: .passwordSet, subject: "account/\(accountID)")
    }
}

extension AppDatabase {
    /// Sets a password directly, for the command line and the demo (people set theirs through an invitation).
    public func setPassword(accountID: Int64, _ password: NewPassword, by actor: Actor) async throws {
        try password.requireValid()
        let passwords = self.passwords
        let hash = try await heavyWork.run { passwords.hash(password.password) }
        try await write { db in
            guard try db.value(Bool.self, "SELECT 1 FROM account WHERE id = ?", [accountID]) != nil else {
                throw DocumentModelError.notFound("account")
            }
            try Self.setPasswordHash(db, hash, accountID: accountID, by: actor)
        }
    }
}
