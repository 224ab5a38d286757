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
    public func compareDrafts(strategyID: Int64, from: Int, to: Int, for account: Account) async throws -> DraftComparison {
        _ = try authorize(strategyID: strategyID, action: .read, for: account)
        return try await heavyWork.run { try self.compareDrafts(strategyID: strategyID, from: from, to: to) }
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
