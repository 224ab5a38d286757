import Foundation
import GRDB

extension AppDatabase {
    /// Creates an account with its first token; the token's text is returned here and never again.
    public func createAccount(name: String, admin: Bool, email: String? = nil, by actor: Actor) async throws -> (Account, IssuedToken) {
        try NewAccount(name: name, email: email).requireValid()
        let token = TokenCodec.generate()
        return try await write { db in
            let account = try Self.insertAccount(db, name: name, admin: admin, email: email, by: actor)
            return (account, try Self.insertToken(db, token: token, accountID: account.id))
        }
    }

    /// Inserts a valid account inside the caller's transaction; an email another account has is a conflict.
    static func insertAccount(_ db: Database, name: String, admin: Bool, email: String?, by actor: Actor) throws -> Account {
        let email = email.map(EmailAddress.normalized)
        if let email, try db.value(Bool.self, "SELECT 1 FROM account WHERE email = ?", [email]) != nil {
            throw DocumentModelError.conflict("another account has this email")
        }
        let now = Date()
        try db.run("INSERT INTO account (name, admin, createdAt, email) VALUES (?, ?, ?, ?)", [name, admin, now, email])
        let account = Account(id: db.lastInsertedRowID, name: name, admin: admin, createdAt: now, email: email)
        try appendActivity(
            db, strategyID: nil, actor: actor, action: .accountCreated, subject: "account/\(account.id)",
            detail: ["name": name, "admin": admin ? "true" : "false"]
        )
        return account
    }

    public func accounts(after: Int64?, limit: Int) async throws -> Page<Account> {
        try read { db in
            let rows = try db.rows(
                "SELECT * FROM account WHERE id > ? ORDER BY id LIMIT ?", [after ?? 0, limit + 1]
            )
            let accounts = rows.prefix(limit).map(Self.account)
            return Page(items: accounts, nextAfter: rows.count > limit ? accounts.last?.id : nil)
        }
    }

    public func account(id: Int64) async throws -> Account? {
        try read { db in
            try db.row("SELECT * FROM account WHERE id = ?", [id]).map(Self.account)
        }
    }

    /// The account a bearer token belongs to, if the token exists, is not revoked and its account is active.
    /// Its last use is written at most every few minutes: a request should not cost a write each time.
    public func authenticate(token: String, now: Date = Date()) async throws -> Account? {
        guard TokenCodec.looksValid(token) else { return nil }
        let hash = TokenCodec.hash(token)
        // One statement needs no wrapping transaction; skipping GRDB's BEGIN/COMMIT pair matters on every request.
        let found = try readSingleStatement { db in
            try db.row(
                """
                SELECT account.*, token.id AS tokenId, token.lastUsedAt AS tokenLastUsedAt
                FROM token JOIN account ON account.id = token.accountId
                WHERE token.hash = ? AND token.revokedAt IS NULL AND account.deactivatedAt IS NULL
                """, [hash]
            ).map { (Self.account($0), $0["tokenId"] as Int64, $0["tokenLastUsedAt"] as Date?) }
        }
        guard let (account, tokenID, lastUsed) = found else { return nil }
        if lastUsed.map({ now.timeIntervalSince($0) >= SignInPolicy.tokenTouchInterval }) ?? true {
            try await write { db in try db.run("UPDATE token SET lastUsedAt = ? WHERE id = ?", [now, tokenID]) }
        }
        return account
    }

    /// A new token for the account; `name` says what it is for (a script, a laptop) and may be nil from the API.
    public func issueToken(accountID: Int64, name: String? = nil, by actor: Actor) async throws -> IssuedToken {
        if let name {
            var errors = FieldErrors()
            errors.text(name, field: "name", maxLength: TextRules.maxNameLength, singleLine: true)
            try errors.throwIfAny()
        }
        let token = TokenCodec.generate()
        return try await write { db in
            try Self.requireAccount(db, accountID)
            try Self.requireActive(db, accountID)
            let issued = try Self.insertToken(db, token: token, accountID: accountID, name: name)
            try Self.appendActivity(
                db, strategyID: nil, actor: actor, action: .tokenIssued, subject: "account/\(accountID)/token/\(issued.id)"
            )
            return issued
        }
    }

    /// The account's tokens; 404 for an account that does not exist.
    public func tokens(accountID: Int64) async throws -> [TokenInfo] {
        try read { db in
            guard try db.value(Bool.self, "SELECT 1 FROM account WHERE id = ?", [accountID]) != nil else {
                throw DocumentModelError.notFound("account")
            }
            return try db.rows("SELECT * FROM token WHERE accountId = ? ORDER BY id", [accountID]).map {
                TokenInfo(
                    id: $0["id"], accountID: $0["accountId"], prefix: $0["prefix"], createdAt: $0["createdAt"],
                    revokedAt: $0["revokedAt"], name: $0["name"], lastUsedAt: $0["lastUsedAt"]
                )
            }
        }
    }

    /// Revokes a token; effective on the next request because every request looks the token up again.
    public func revokeToken(accountID: Int64, tokenID: Int64, by actor: Actor) async throws {
        try await write { db in
            try db.run(
                "UPDATE token SET revokedAt = COALESCE(revokedAt, ?) WHERE id = ? AND accountId = ?", [Date(), tokenID, accountID]
            )
            guard db.changesCount > 0 else { throw DocumentModelError.notFound("token") }
            try Self.appendActivity(
                db, strategyID: nil, actor: actor, action: .tokenRevoked, subject: "account/\(accountID)/token/\(tokenID)"
            )
        }
    }

    static func insertToken(_ db: Database, token: String, accountID: Int64, name: String? = nil) throws -> IssuedToken {
        let displayPrefix = String(token.prefix(TokenCodec.prefix.count + 4))
        try db.run(
            "INSERT INTO token (accountId, hash, prefix, createdAt, name) VALUES (?, ?, ?, ?, ?)",
            [accountID, TokenCodec.hash(token), displayPrefix, Date(), name]
        )
        return IssuedToken(id: db.lastInsertedRowID, accountID: accountID, token: token)
    }

    static func account(_ row: Row) -> Account {
        Account(
            id: row["id"], name: row["name"], admin: row["admin"], createdAt: row["createdAt"], email: row["email"],
            language: row["language"], timeZone: row["timeZone"]
        )
    }
}
