import Foundation
import GRDB

extension AppDatabase {
    /// Cuts a draft (facilitator): fixes the live tree and every section's current revision under the next number.
    public func createDraft(strategyID: Int64, title: String, note: String?, by account: Account) async throws -> Draft {
        try authorizeThenValidate(NewDraft(title: title, note: note), strategyID: strategyID, action: .cutDraft, by: account)
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .cutDraft)
            let number = (try db.value(Int.self, "SELECT MAX(number) FROM draft WHERE strategyId = ?", [strategyID]) ?? 0) + 1
            try db.run(
                "INSERT INTO draft (strategyId, number, title, note, authorId, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                [strategyID, number, title, note, account.id, Date()]
            )
            for (ordinal, entry) in try Self.liveOutline(db, strategyID: strategyID).enumerated() {
                try db.run(
                    """
                    INSERT INTO draftSection (strategyId, draftNumber, sectionId, parentId, position, ordinal, outlineNumber, revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [strategyID, number, entry.id, entry.parentID, entry.position, ordinal, entry.number, entry.revision]
                )
                try Self.freezeTranslations(db, strategy: access.strategy, draft: number, sectionID: entry.id, revision: entry.revision)
            }
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .draftCreated, subject: "draft/\(number)",
                detail: ["title": title]
            )
            return try Self.loadDraft(db, strategyID: strategyID, number: number, withBodies: false)
        }
    }

    public func drafts(strategyID: Int64, after: Int64?, limit: Int, for account: Account) async throws -> Page<Draft> {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let rows = try db.rows(
                """
                SELECT draft.*, account.name AS authorName,
                       (SELECT COUNT(*) FROM draftSection WHERE strategyId = draft.strategyId AND draftNumber = draft.number) AS sectionCount
                FROM draft JOIN account ON account.id = draft.authorId
                WHERE draft.strategyId = ? AND draft.number > ? ORDER BY draft.number LIMIT ?
                """, [strategyID, after ?? 0, limit + 1]
            )
            let drafts = rows.prefix(limit).map { Self.draft($0, sections: []) }
            return Page(items: drafts, nextAfter: rows.count > limit ? drafts.last.map { Int64($0.number) } : nil)
        }
    }

    /// A draft with every section's heading and body as the draft fixed them.
    public func draft(strategyID: Int64, number: Int, for account: Account) async throws -> Draft {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadDraft(db, strategyID: strategyID, number: number, withBodies: true)
        }
    }

    /// Compares draft `from` with draft `to` (either may be the later one).
    /// What changed between two drafts; with `language` (one of the strategy's translations), between their texts
    /// in that language as each draft froze it.
    public func compareDrafts(
        strategyID: Int64, from: Int, to: Int, language: String? = nil, for account: Account
    ) async throws -> DraftComparison {
        let access = try authorize(strategyID: strategyID, action: .read, for: account)
        let language = try language.flatMap { $0 == access.strategy.language ? nil : try access.targetLanguage($0) }
        return try await heavyWork.run {
            guard let language else { return try self.compareDrafts(strategyID: strategyID, from: from, to: to) }
            return try self.compareDrafts(strategy: access.strategy, from: from, to: to, language: language)
        }
    }

    /// The comparison in a target language: each draft's sections with their headings and bodies as its frozen
    /// translation has them (untranslated units in the source), compared text for text.
    private func compareDrafts(strategy: Strategy, from: Int, to: Int, language: String) throws -> DraftComparison {
        try read { db in
            func translated(_ number: Int) throws -> [DraftSection] {
                let draft = try Self.loadDraft(db, strategyID: strategy.id, number: number, withBodies: true)
                let snapshot = draft.sections.map {
                    SnapshotSection(
                        id: $0.sectionID, parentID: $0.parentID, number: $0.number, heading: $0.heading, body: $0.body ?? "",
                        revision: $0.revision
                    )
                }
                let texts = try Self.translatedSnapshot(db, strategy: strategy, snapshot, language: language, draft: number)
                return zip(draft.sections, texts).map { section, text in
                    var section = section
                    section.heading = text.heading
                    section.body = text.body
                    return section
                }
            }
            return DraftComparer.compare(from: from, try translated(from), to: to, try translated(to), comparingLoadedBodies: true) { _, _ in "" }
        }
    }

    private func compareDrafts(strategyID: Int64, from: Int, to: Int) throws -> DraftComparison {
        try read { db in
            let before = try Self.loadDraft(db, strategyID: strategyID, number: from, withBodies: false)
            let after = try Self.loadDraft(db, strategyID: strategyID, number: to, withBodies: false)
            let statement = try db.cachedStatement(sql: "SELECT chunkIds FROM revision WHERE sectionId = ? AND number = ?")
            return try DraftComparer.compare(from: from, before.sections, to: to, after.sections) { sectionID, revision in
                guard let list = try Data.fetchOne(statement, arguments: [sectionID, revision]) else {
                    throw DocumentModelError.notFound("revision")
                }
                return try BodyStore.loadText(list, in: db)
            }
        }
    }

    static func loadDraft(_ db: Database, strategyID: Int64, number: Int, withBodies: Bool) throws -> Draft {
        guard
            let row = try db.row(
                """
                SELECT draft.*, account.name AS authorName, 0 AS sectionCount
                FROM draft JOIN account ON account.id = draft.authorId WHERE draft.strategyId = ? AND draft.number = ?
                """, [strategyID, number]
            )
        else { throw DocumentModelError.notFound("draft") }
        let sections = try db.rows(
            """
            SELECT draftSection.*, revision.heading, revision.chunkIds
            FROM draftSection JOIN revision ON revision.sectionId = draftSection.sectionId AND revision.number = draftSection.revision
            WHERE draftSection.strategyId = ? AND draftSection.draftNumber = ? ORDER BY draftSection.ordinal
            """, [strategyID, number]
        ).map { row in
            DraftSection(
                sectionID: row["sectionId"], number: row["outlineNumber"], parentID: row["parentId"], position: row["position"],
                heading: row["heading"], revision: row["revision"],
                body: withBodies ? try BodyStore.loadText(row["chunkIds"], in: db) : nil
            )
        }
        var draft = Self.draft(row, sections: sections)
        draft.sectionCount = sections.count
        return draft
    }

    static func draft(_ row: Row, sections: [DraftSection]) -> Draft {
        Draft(
            strategyID: row["strategyId"], number: row["number"], title: row["title"], note: row["note"],
            authorID: row["authorId"], authorName: row["authorName"], createdAt: row["createdAt"], sections: sections,
            sectionCount: row["sectionCount"]
        )
    }
}
