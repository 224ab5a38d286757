import Foundation
import GRDB

extension AppDatabase {
    /// Loads the strategy and the caller's membership and applies the access policy, inside `db`'s transaction.
    public func createStrategy(_ new: NewStrategy, by account: Account) async throws -> Strategy {
        try Self.requireAdminThenValidate(new, by: account, action: .createStrategy)
        let groups = new.groups ?? StakeholderGroup.defaults
        let (language, translations) = new.languages(fallback: account.language)
        let actor = Actor(accountID: account.id, group: nil)
        return try await write { db in
            let now = Date()
            try db.run(
                "INSERT INTO strategy (title, summary, phase, createdAt, language, translations) VALUES (?, ?, ?, ?, ?, ?)",
                [new.title, new.summary, Phase.drafting.rawValue, now, language, translations.joined(separator: " ")]
            )
            let id = db.lastInsertedRowID
            for (index, group) in groups.enumerated() {
                try db.run(
                    "INSERT INTO stakeholderGroup (strategyId, key, name, position) VALUES (?, ?, ?, ?)", [id, group.key, group.name, index]
                )
            }
            try Self.appendActivity(
                db, strategyID: id, actor: actor, action: .strategyCreated, subject: "strategy/\(id)",
                detail: ["title": new.title]
            )
            return Strategy(
                id: id, title: new.title, summary: new.summary, phase: .drafting, groups: groups, createdAt: now, language: language,
                translations: translations
            )
        }
    }

    /// The strategies the account belongs to (all of them for an admin), oldest first.
    public func strategies(visibleTo account: Account, after: Int64?, limit: Int) async throws -> Page<Strategy> {
        try read { db in
            let ids: [Int64]
            if account.admin {
                ids = try db.values(
                    Int64.self, "SELECT id FROM strategy WHERE id > ? ORDER BY id LIMIT ?", [after ?? 0, limit + 1]
                )
            } else {
                ids = try db.values(
                    Int64.self, "SELECT strategyId FROM membership WHERE accountId = ? AND strategyId > ? ORDER BY strategyId LIMIT ?",
                    [account.id, after ?? 0, limit + 1]
                )
            }
            let strategies = try ids.prefix(limit).compactMap { try Self.fetchStrategy(db, id: $0) }
            return Page(items: strategies, nextAfter: ids.count > limit ? strategies.last?.id : nil)
        }
    }

    public func strategy(id: Int64, for account: Account) async throws -> Access {
        try read { db in try Self.authorize(db, account: account, strategyID: id, action: .read) }
    }

    /// Changes title, summary and/or phase (facilitator). The phase only moves forward, one step at a time,
    /// up to final review; adoption needs the groups' sign-off on a draft.
    /// Changes title, summary, phase or languages; `ifMatch`, when given, must match the strategy's `version`
    /// (412 otherwise).
    public func updateStrategy(
        id: Int64, title: String?, summary: String?, phase: Phase? = nil, languages: LanguageChange? = nil,
        ifMatch: RevisionMatch? = nil, by account: Account
    ) async throws -> Strategy {
        try authorizeThenValidate(
            StrategyUpdate(title: title, summary: summary, language: languages?.language, translations: languages?.translations),
            strategyID: id, action: .editStrategy, by: account
        )
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: id, action: .editStrategy)
            var strategy = access.strategy
            if let ifMatch, !ifMatch.matches(strategy.version) {
                throw DocumentModelError.preconditionFailed(currentRevision: strategy.version)
            }
            var changed: [String: String] = [:]
            if let title, title != strategy.title {
                strategy.title = title
                changed["title"] = title
            }
            if let summary, summary != strategy.summary {
                strategy.summary = summary
                changed["summary"] = "changed"
            }
            if let phase, phase != strategy.phase {
                guard phase != .adopted else {
                    throw DocumentModelError.conflict("a strategy is adopted on a draft every group has approved, not by changing its phase")
                }
                guard phase == strategy.phase.next else {
                    throw DocumentModelError.conflict(
                        "the phase moves forward one step at a time (drafting → consultation → final-review); it is '\(strategy.phase.rawValue)'"
                    )
                }
                changed["phase"] = phase.rawValue
                changed["previousPhase"] = strategy.phase.rawValue
                strategy.phase = phase
            }
            if let languages { try Self.apply(languages, to: &strategy, changed: &changed) }
            guard !changed.isEmpty else { return strategy }
            strategy.version += 1
            try db.run(
                """
                UPDATE strategy SET title = ?, summary = ?, phase = ?, version = ?, language = ?, translations = ?,
                    requireTranslations = ?
                WHERE id = ?
                """,
                [
                    strategy.title, strategy.summary, strategy.phase.rawValue, strategy.version, strategy.language,
                    strategy.translations.joined(separator: " "), strategy.requireTranslations, id,
                ]
            )
            try Self.appendActivity(
                db, strategyID: id, actor: access.actor, action: changed["phase"] != nil ? .strategyPhaseChanged : .strategyUpdated,
                subject: "strategy/\(id)", detail: changed
            )
            return strategy
        }
    }

    /// Applies a change of languages; a new source language may not be one of the (new or kept) targets.
    private static func apply(_ change: LanguageChange, to strategy: inout Strategy, changed: inout [String: String]) throws {
        var errors = FieldErrors()
        let language = change.language.flatMap(LanguageTag.canonical) ?? strategy.language
        let translations = change.translations.map { LanguageTag.canonical($0, field: "translations", into: &errors) } ?? strategy.translations
        if translations.contains(language) {
            throw DocumentModelError.invalid(
                change.translations == nil ? "language" : "translations", "the source language (\(language)) cannot also be a translation"
            )
        }
        if language != strategy.language {
            changed["language"] = language
            strategy.language = language
        }
        if translations != strategy.translations {
            changed["translations"] = translations.joined(separator: " ")
            strategy.translations = translations
        }
        if let require = change.requireTranslations, require != strategy.requireTranslations {
            changed["requireTranslations"] = String(require)
            strategy.requireTranslations = require
        }
    }

    static func fetchStrategy(_ db: Database, id: Int64) throws -> Strategy? {
        try db.row(
            """
            SELECT strategy.*,
                   (SELECT group_concat(key || char(31) || name, char(30))
                    FROM (SELECT key, name FROM stakeholderGroup WHERE strategyId = strategy.id ORDER BY position)) AS groupList
            FROM strategy WHERE id = ?
            """, [id]
        ).map(strategy)
    }

    /// Language tags stored as one space-separated column (tags never contain a space).
    static func languageList(_ text: String?) -> [String] {
        (text ?? "").split(separator: " ").map(String.init)
    }

    /// A strategy from a row holding its columns and `groupList` (key US name, groups separated by RS: control
    /// characters that validated names can never contain).
    static func strategy(_ row: Row) -> Strategy {
        let list: String = row["groupList"] ?? ""
        let groups = list.split(separator: "\u{1E}").map { entry in
            let parts = entry.split(separator: "\u{1F}", maxSplits: 1, omittingEmptySubsequences: false)
            return StakeholderGroup(key: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : String(parts[0]))
        }
        let phaseText: String = row["phase"]
        return Strategy(
            id: row["id"], title: row["title"], summary: row["summary"], phase: Phase(rawValue: phaseText) ?? .adopted,
            groups: groups, createdAt: row["createdAt"], adoptedDraft: row["adoptedDraft"], version: row["version"],
            language: row["language"], translations: languageList(row["translations"]),
            requireTranslations: row["requireTranslations"]
        )
    }
}
