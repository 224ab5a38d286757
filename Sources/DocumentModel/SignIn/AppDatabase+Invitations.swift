import Foundation
import GRDB

/// Invitation links: how a person gets a password, and how the first admin is created in a browser.
extension AppDatabase {
    /// Creates an account for `email` with an invitation; an account that already has this email gets a new
    /// invitation instead (the link of the first one may have expired or been lost), which voids the earlier ones.
    /// An account whose person has chosen a password is refused: a link would let its holder take it over.
    public func invite(email: String, name: String, admin: Bool, by actor: Actor) async throws -> (Account, IssuedInvitation) {
        try NewAccount(name: name, email: email).requireValid()
        let secret = Secret.random()
        return try await write { db in
            let existing = try db.row("SELECT * FROM account WHERE email = ?", [EmailAddress.normalized(email)]).map(Self.account)
            if let existing {
                try Self.requireActive(db, existing.id)
                try Self.requireNoPassword(db, accountID: existing.id)
            }
            let account = try existing ?? Self.insertAccount(db, name: name, admin: admin, email: email, by: actor)
            return (account, try Self.insertInvitation(db, secret: secret, accountID: account.id, by: actor))
        }
    }

    /// A new invitation for an existing account; `email` sets the account's address first (it needs one). Voids
    /// the account's earlier links; refused once the person has chosen a password.
    public func invite(accountID: Int64, email: String?, by actor: Actor) async throws -> IssuedInvitation {
        if let email, !EmailAddress.isPlausible(email) {
            throw DocumentModelError.invalid("email", "must be an email address such as name@example.org")
        }
        let secret = Secret.random()
        return try await write { db in
            guard let account = try db.row("SELECT * FROM account WHERE id = ?", [accountID]).map(Self.account) else {
                throw DocumentModelError.notFound("account")
            }
            try Self.requireActive(db, accountID)
            try Self.requireNoPassword(db, accountID: accountID)
            if let email = email.map(EmailAddress.normalized), email != account.email {
                if try db.value(Bool.self, "SELECT 1 FROM account WHERE email = ?", [email]) != nil {
                    throw DocumentModelError.conflict("another account has this email")
                }
                try db.run("UPDATE account SET email = ? WHERE id = ?", [email, accountID])
            } else if account.email == nil {
                throw DocumentModelError.invalid("email", "the account has no email yet: give one")
            }
            return try Self.insertInvitation(db, secret: secret, accountID: accountID, by: actor)
        }
    }

    /// A first-run setup link, when no admin exists yet; nil once one does.
    public func setupInvitationIfNoAdmin() async throws -> IssuedInvitation? {
        let secret = Secret.random()
        return try await write { db in
            guard try db.value(Bool.self, "SELECT 1 FROM account WHERE admin") == nil else { return nil }
            return try Self.insertInvitation(db, secret: secret, accountID: nil, by: .commandLine)
        }
    }

    /// What the link with this secret is now.
    public func invitationStatus(token: String, now: Date = Date()) throws -> InvitationStatus {
        guard Secret.looksValid(token) else { return .unknown }
        return try read { db in try Self.invitationStatus(db, token: token, now: now).status }
    }

    /// Sets the invited account's password, uses up the link and starts a session. Any other session of the
    /// account ends: a new password means whoever had the old one is out.
    public func acceptInvitation(token: String, password: NewPassword) async throws -> SignedIn {
        try password.requireValid()
        // bcrypt runs before the write, away from the request threads: the transaction only stores its result.
        let hash = try await heavyWork.run { [passwords] in passwords.hash(password.password) }
        let session = Secret.random()
        return try await write { db in
            let (status, id) = try Self.invitationStatus(db, token: token, now: Date())
            guard case .valid(let account?) = status else { throw Self.refusal(status) }
            try db.run("UPDATE invitation SET usedAt = ? WHERE id = ?", [Date(), id])
            try Self.setPasswordHash(db, hash, accountID: account.id, by: Actor(accountID: account.id, group: nil))
            return SignedIn(account: account, sessionToken: try Self.insertSession(db, secret: session, accountID: account.id))
        }
    }

    /// Creates the first admin through the setup link and signs them in; refused once an admin exists.
    public func completeSetup(token: String, _ input: FirstAdmin) async throws -> SignedIn {
        try input.requireValid()
        let hash = try await heavyWork.run { [passwords] in passwords.hash(input.password.password) }
        let session = Secret.random()
        return try await write { db in
            let (status, id) = try Self.invitationStatus(db, token: token, now: Date())
            guard case .valid(nil) = status else { throw Self.refusal(status) }
            try db.run("UPDATE invitation SET usedAt = ? WHERE id = ?", [Date(), id])
            let account = try Self.insertAccount(db, name: input.name, admin: true, email: input.email, by: .commandLine)
            try Self.setPasswordHash(db, hash, accountID: account.id, by: Actor(accountID: account.id, group: nil))
            return SignedIn(account: account, sessionToken: try Self.insertSession(db, secret: session, accountID: account.id))
        }
    }

    /// Issues a link for `accountID` (nil: the setup link). Only the newest link of an account works: the earlier
    /// ones are voided here, so a forwarded or leaked older link cannot be used after a new one was sent.
    static func insertInvitation(_ db: Database, secret: String, accountID: Int64?, by actor: Actor) throws -> IssuedInvitation {
        let now = Date()
        let expiresAt = now.addingTimeInterval(SignInPolicy.invitationLifetime)
        try db.run(
            "UPDATE invitation SET voidedAt = ? WHERE accountId IS ? AND usedAt IS NULL AND voidedAt IS NULL", [now, accountID]
        )
        try db.run(
            "INSERT INTO invitation (accountId, hash, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
            [accountID, Secret.hash(secret), now, expiresAt]
        )
        try appendActivity(
            db, strategyID: nil, actor: actor, action: accountID == nil ? .setupLinkIssued : .invitationIssued,
            subject: accountID.map { "account/\($0)" } ?? "setup"
        )
        return IssuedInvitation(token: secret, expiresAt: expiresAt, accountID: accountID)
    }

    /// The link's status and row id. A setup link stops being valid as soon as any admin exists.
    static func invitationStatus(_ db: Database, token: String, now: Date) throws -> (status: InvitationStatus, id: Int64) {
        guard Secret.looksValid(token), let row = try db.row("SELECT * FROM invitation WHERE hash = ?", [Secret.hash(token)])
        else { return (.unknown, 0) }
        let id: Int64 = row["id"]
        if (row["usedAt"] as Date?) != nil { return (.used, id) }
        if (row["voidedAt"] as Date?) != nil { return (.voided, id) }
        if (row["expiresAt"] as Date) <= now { return (.expired, id) }
        guard let accountID: Int64 = row["accountId"] else {
            let adminExists = try db.value(Bool.self, "SELECT 1 FROM account WHERE admin") != nil
            return (adminExists ? .unknown : .valid(account: nil), id)
        }
        guard let accountRow = try db.row("SELECT * FROM account WHERE id = ?", [accountID]) else { return (.unknown, id) }
        // A person with a password signs in with it; no link may set another one.
        if (accountRow["passwordHash"] as String?) != nil { return (.voided, id) }
        if (accountRow["deactivatedAt"] as Date?) != nil { return (.voided, id) }
        return (.valid(account: Self.account(accountRow)), id)
    }

    /// Refuses a link for an account whose person has a password: they sign in with it, and a forgotten one is
    /// reset, never replaced through an invitation (whoever held the link would take the account over).
    static func requireNoPassword(_ db: Database, accountID: Int64) throws {
        if try db.value(Bool.self, "SELECT 1 FROM account WHERE id = ? AND passwordHash IS NOT NULL", [accountID]) != nil {
            throw DocumentModelError.conflict("this person has a password already and signs in with it")
        }
    }

    /// The error for a link that cannot be used.
    static func refusal(_ status: InvitationStatus) -> DocumentModelError {
        switch status {
        case .used: .conflict("this link has been used already")
        case .expired: .conflict("this link has expired")
        case .voided: .conflict("this link is no longer valid")
        case .valid, .unknown: .notFound("invitation")
        }
    }
}
