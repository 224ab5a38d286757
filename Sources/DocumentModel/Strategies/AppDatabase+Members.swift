import Foundation
import GRDB

extension AppDatabase {
    /// Whether `setMember` created the membership or changed an existing one.
    public enum MemberChange: Sendable { case created, changed }

    /// Gives an account a role (and group, and for a translator the target languages) in a strategy (admin or
    /// facilitator).
    public func setMember(
        strategyID: Int64, accountID: Int64, role: Role, group: String?, languages: [String] = [], by account: Account
    ) async throws -> (Membership, MemberChange) {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .manageMembers)
            guard let member = try db.row("SELECT name FROM account WHERE id = ?", [accountID]) else {
                throw DocumentModelError.notFound("account")
            }
            if role.requiresGroup && group == nil {
                throw DocumentModelError.invalid("group", "a \(role.rawValue) must belong to a stakeholder group")
            }
            if let group, !access.strategy.groups.contains(where: { $0.key == group }) {
                throw DocumentModelError.invalid("group", "is not a stakeholder group of this strategy")
            }
            let languages = try Self.translatorLanguages(languages, role: role, strategy: access.strategy)
            let existing = try Self.fetchMembership(db, strategyID: strategyID, accountID: accountID)
            try db.run(
                """
                INSERT INTO membership (strategyId, accountId, role, groupKey, languages) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (strategyId, accountId) DO UPDATE SET role = excluded.role, groupKey = excluded.groupKey,
                    languages = excluded.languages
                """, [strategyID, accountID, role.rawValue, group, languages.joined(separator: " ")]
            )
            let membership = Membership(
                strategyID: strategyID, accountID: accountID, accountName: member["name"], role: role, group: group,
                languages: languages
            )
            if existing != membership {
                try Self.appendActivity(
                    db, strategyID: strategyID, actor: access.actor, action: existing == nil ? .memberAdded : .memberChanged,
                    subject: "account/\(accountID)",
                    detail: ["role": role.rawValue, "group": group ?? "", "languages": languages.joined(separator: " ")]
                )
            }
            return (membership, existing == nil ? .created : .changed)
        }
    }

    /// A translator translates into one or more of the strategy's target languages; nobody else has languages.
    private static func translatorLanguages(_ languages: [String], role: Role, strategy: Strategy) throws -> [String] {
        guard role == .translator else {
            if !languages.isEmpty { throw DocumentModelError.invalid("languages", "only a translator has languages") }
            return []
        }
        var errors = FieldErrors()
        let tags = LanguageTag.canonical(languages, field: "languages", into: &errors)
        for (index, tag) in tags.enumerated() where !strategy.translations.contains(tag) {
            errors.add(
                "languages/\(index)",
                "'\(tag)' is not a translation of this strategy (\(strategy.translations.isEmpty ? "it has none yet" : strategy.translations.joined(separator: ", ")))"
            )
        }
        if languages.isEmpty { errors.add("languages", "a translator translates into at least one of the strategy's languages") }
        try errors.throwIfAny()
        return tags
    }

    public func removeMember(strategyID: Int64, accountID: Int64, by account: Account) async throws {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .manageMembers)
            try db.run(
                "DELETE FROM membership WHERE strategyId = ? AND accountId = ?", [strategyID, accountID]
            )
            guard db.changesCount > 0 else { throw DocumentModelError.notFound("member") }
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .memberRemoved, subject: "account/\(accountID)"
            )
        }
    }

    /// The account someone who manages a strategy's members means by a name or an email (the Members page's
    /// **Person**): an email matches exactly, case aside; a name when exactly one account has it. Otherwise 422,
    /// saying why. Only those who may manage the members ask, so nobody else learns who has an account.
    public func findPerson(_ text: String, strategyID: Int64, by account: Account) async throws -> Account {
        let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .manageMembers)
            guard !wanted.isEmpty else { throw DocumentModelError.invalid("person", "must name a person, by name or email") }
            if wanted.contains("@") {
                guard let row = try db.row("SELECT * FROM account WHERE email = ? COLLATE NOCASE AND deactivatedAt IS NULL", [wanted]) else {
                    throw DocumentModelError.invalid("person", "no account has this email: an administrator invites new people first")
                }
                return Self.account(row)
            }
            let rows = try db.rows("SELECT * FROM account WHERE name = ? COLLATE NOCASE AND deactivatedAt IS NULL LIMIT 2", [wanted])
            guard rows.count == 1 else {
                throw DocumentModelError.invalid(
                    "person",
                    rows.isEmpty
                        ? "nobody has this name: give the email, or ask an administrator to invite the person"
                        : "several people have this name: give the email"
                )
            }
            return Self.account(rows[0])
        }
    }

    public func members(strategyID: Int64, for account: Account) async throws -> [Membership] {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try db.rows(
                """
                SELECT membership.*, account.name FROM membership JOIN account ON account.id = membership.accountId
                WHERE strategyId = ? ORDER BY accountId
                """, [strategyID]
            ).map(Self.membership)
        }
    }

    /// Every strategy membership of one account, for `GET /me`.
    public func memberships(accountID: Int64) async throws -> [Membership] {
        try read { db in
            try db.rows(
                """
                SELECT membership.*, account.name FROM membership JOIN account ON account.id = membership.accountId
                WHERE accountId = ? ORDER BY strategyId
                """, [accountID]
            ).map(Self.membership)
        }
    }

    static func fetchMembership(_ db: Database, strategyID: Int64, accountID: Int64) throws -> Membership? {
        try db.row(
            """
            SELECT membership.*, account.name FROM membership JOIN account ON account.id = membership.accountId
            WHERE strategyId = ? AND accountId = ?
            """, [strategyID, accountID]
        ).map(membership)
    }

    static func membership(_ row: Row) -> Membership {
        let roleText: String = row["role"]
        return Membership(
            strategyID: row["strategyId"], accountID: row["accountId"], accountName: row["name"],
            role: Role(rawValue: roleText) ?? .observer, group: row["groupKey"], languages: languageList(row["languages"])
        )
    }
}
