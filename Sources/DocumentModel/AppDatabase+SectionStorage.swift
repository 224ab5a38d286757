import Foundation
import GRDB

/// Row-level helpers behind the section operations; all run inside the caller's transaction.
extension AppDatabase {
    static func validateText(heading: String, body: String, message: String?) throws {
        var errors: [FieldError] = []
        TextRules.check(heading, field: "heading", maxLength: TextRules.maxHeadingLength, singleLine: true, into: &errors)
        TextRules.check(body, field: "body", maxLength: TextRules.maxBodyLength, allowEmpty: true, into: &errors)
        if let message {
            TextRules.check(message, field: "message", maxLength: TextRules.maxMessageLength, allowEmpty: true, into: &errors)
        }
        guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
    }

    static func requireCurrent(_ section: Section, ifMatch: Int) throws {
        if section.removed { throw DocumentModelError.conflict("the section has been removed from the strategy") }
        guard section.revision == ifMatch else {
            throw DocumentModelError.preconditionFailed(currentRevision: section.revision)
        }
    }

    static func requireLiveSection(_ db: Database, strategyID: Int64, id: Int64, field: String) throws {
        let live = try db.value(Bool.self, "SELECT 1 FROM section WHERE id = ? AND strategyId = ? AND removedAt IS NULL", [id, strategyID]
        )
        guard live != nil else { throw DocumentModelError.invalid(field, "is not a section of this strategy") }
    }

    static func siblingCount(_ db: Database, strategyID: Int64, parentID: Int64?, excluding: Int64? = nil) throws -> Int {
        try db.value(Int.self, """
                SELECT COUNT(*) FROM section
                WHERE strategyId = ? AND parentId IS ? AND removedAt IS NULL AND id IS NOT ?
                """, [strategyID, parentID, excluding]
        ) ?? 0
    }

    /// Moves the live siblings at `from` and after by `delta`, keeping positions dense (1…n).
    static func shiftSiblings(
        _ db: Database, strategyID: Int64, parentID: Int64?, from position: Int, by delta: Int, excluding: Int64? = nil
    ) throws {
        try db.run( """
                UPDATE section SET position = position + ?
                WHERE strategyId = ? AND parentId IS ? AND removedAt IS NULL AND position >= ? AND id IS NOT ?
                """, [delta, strategyID, parentID, position, excluding]
        )
    }

    static func isInSubtree(_ db: Database, candidate: Int64, root: Int64) throws -> Bool {
        try db.value(Bool.self, """
                WITH RECURSIVE ancestor(id) AS (
                    SELECT ? UNION SELECT section.parentId FROM section JOIN ancestor ON section.id = ancestor.id
                    WHERE section.parentId IS NOT NULL
                ) SELECT 1 FROM ancestor WHERE id = ?
                """, [candidate, root]
        ) != nil
    }

    /// Inserts a revision; `known` maps chunks of the current text to their ids so unchanged chunks cost nothing.
    static func insertRevision(
        _ db: Database, sectionID: Int64, number: Int, heading: String, body: String, actor: Actor, message: String?,
        source: RevisionSource, known: [Substring: Int64] = [:], chunkList: Data? = nil, at date: Date = Date()
    ) throws {
        let chunkIDs = try chunkList ?? BodyStore.store(body, known: known, in: db)
        try db.run( """
                INSERT INTO revision (sectionId, number, heading, chunkIds, authorId, groupKey, message, source, sourceRef, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [
                sectionID, number, heading, chunkIDs, actor.accountID, actor.group, message, source.kind, source.reference,
                date,
            ]
        )
    }

    /// A section of the strategy with its current text; 404 when it belongs to another strategy.
    static func loadSection(_ db: Database, strategyID: Int64, id: Int64) throws -> Section {
        try loadSectionForUpdate(db, strategyID: strategyID, id: id, keepingChunkIDs: false).section
    }

    /// The section plus the ids of its current chunks, which the next revision can reuse.
    static func loadSectionForUpdate(
        _ db: Database, strategyID: Int64, id: Int64, keepingChunkIDs: Bool = true
    ) throws -> (section: Section, chunkIDs: [Substring: Int64]) {
        guard let row = try db.row( """
                SELECT section.*, revision.heading, revision.chunkIds, revision.createdAt, revision.authorId
                FROM section JOIN revision ON revision.sectionId = section.id AND revision.number = section.currentRevision
                WHERE section.id = ? AND section.strategyId = ?
                """, [id, strategyID]
        ) else { throw DocumentModelError.notFound("section") }
        let removed = row["removedAt"] as Date? != nil
        let body = keepingChunkIDs
            ? try BodyStore.load(row["chunkIds"], in: db)
            : BodyStore.Loaded(text: try BodyStore.loadText(row["chunkIds"], in: db), chunkIDs: [:])
        let section = Section(
            id: id, strategyID: strategyID, number: removed ? nil : try outlineNumber(db, id: id),
            parentID: row["parentId"], position: row["position"], heading: row["heading"],
            body: body.text, revision: row["currentRevision"],
            updatedAt: row["createdAt"], updatedBy: row["authorId"], removed: removed
        )
        return (section, body.chunkIDs)
    }

    /// Positions are kept dense, so a live section's number is the chain of its ancestors' positions.
    static func outlineNumber(_ db: Database, id: Int64) throws -> String {
        let positions = try db.values(Int.self, """
                WITH RECURSIVE chain(id, parentId, position, depth) AS (
                    SELECT id, parentId, position, 0 FROM section WHERE id = ?
                    UNION ALL
                    SELECT section.id, section.parentId, section.position, chain.depth + 1
                    FROM section JOIN chain ON section.id = chain.parentId
                ) SELECT position FROM chain ORDER BY depth DESC
                """, [id]
        )
        return positions.map(String.init).joined(separator: ".")
    }

    static func revision(_ db: Database, _ row: Row) throws -> Revision {
        let sourceKind: String = row["source"]
        return Revision(
            sectionID: row["sectionId"], number: row["number"], heading: row["heading"],
            body: try BodyStore.loadText(row["chunkIds"], in: db), authorID: row["authorId"], authorName: row["authorName"],
            group: row["groupKey"], message: row["message"],
            source: RevisionSource(kind: sourceKind, reference: row["sourceRef"]) ?? .edit, createdAt: row["createdAt"]
        )
    }
}
