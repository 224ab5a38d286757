import Foundation
import GRDB

/// Reading and writing revision rows: a section with its current text, a new revision, the `If-Match` check;
/// all run inside the caller's transaction.
extension AppDatabase {
    static func requireCurrent(_ section: Section, ifMatch: RevisionMatch) throws {
        if section.removed { throw DocumentModelError.conflict("the section has been removed from the strategy") }
        guard ifMatch.matches(section.revision) else {
            throw DocumentModelError.preconditionFailed(currentRevision: section.revision)
        }
    }

    /// Inserts a revision; `known` maps chunks of the current text to their ids so unchanged chunks cost nothing.
    static func insertRevision(
        _ db: Database, sectionID: Int64, number: Int, heading: String, body: String, actor: Actor, message: String?,
        source: RevisionSource, known: [Substring: Int64] = [:], chunkList: Data? = nil, at date: Date = Date()
    ) throws {
        let chunkIDs = try chunkList ?? BodyStore.store(body, known: known, in: db)
        try db.run(
            """
            INSERT INTO revision (sectionId, number, heading, chunkIds, authorId, groupKey, message, source, sourceRef, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
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
        guard
            let row = try db.row(
                """
                SELECT section.*, revision.heading, revision.chunkIds, revision.createdAt, revision.authorId
                FROM section JOIN revision ON revision.sectionId = section.id AND revision.number = section.currentRevision
                WHERE section.id = ? AND section.strategyId = ?
                """, [id, strategyID]
            )
        else { throw DocumentModelError.notFound("section") }
        let removed = row["removedAt"] as Date? != nil
        let body =
            keepingChunkIDs
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

    /// Revision `number` of a section with its author's name; 404 when the section has no such revision.
    static func loadRevision(_ db: Database, sectionID: Int64, number: Int) throws -> Revision {
        guard
            let row = try db.row(
                """
                SELECT revision.*, account.name AS authorName FROM revision JOIN account ON account.id = revision.authorId
                WHERE sectionId = ? AND number = ?
                """, [sectionID, number]
            )
        else { throw DocumentModelError.notFound("revision") }
        return try revision(db, row)
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
