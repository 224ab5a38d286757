import DiffEngine
import Foundation
import GRDB

/// Loading comments with their threads, and following their passages onto the current text.
extension AppDatabase {
    /// Comments as stored, before their anchors are brought up to date.
    struct StoredComment {
        var comment: Comment
        var tracked: TrackedPassage?
        var original: Range<Int>?
    }

    static let commentColumns = "comment.*, account.name AS authorName"

    /// The comments `sql` selects (it must select `commentColumns` from `comment JOIN account`), with their replies.
    static func storedComments(_ db: Database, strategyID: Int64, sql: String, arguments: StatementArguments) throws -> [StoredComment] {
        var stored = try db.rows(sql, arguments).map(storedComment)
        guard let first = stored.first?.comment.number, let last = stored.last?.comment.number else { return stored }
        let replies = try db.rows(
            """
            SELECT commentReply.*, account.name AS authorName FROM commentReply JOIN account ON account.id = commentReply.authorId
            WHERE strategyId = ? AND commentNumber BETWEEN ? AND ?
              AND commentNumber IN (SELECT value FROM json_each(?)) ORDER BY commentNumber, id
            """, [strategyID, min(first, last), max(first, last), "[" + stored.map { String($0.comment.number) }.joined(separator: ",") + "]"]
        )
        var byNumber: [Int: [CommentReply]] = [:]
        for row in replies {
            byNumber[row["commentNumber"], default: []].append(
                CommentReply(
                    id: row["id"], authorID: row["authorId"], authorName: row["authorName"], group: row["groupKey"],
                    body: row["body"], createdAt: row["createdAt"]
                )
            )
        }
        for index in stored.indices { stored[index].comment.replies = byNumber[stored[index].comment.number] ?? [] }
        return stored
    }

    private static func storedComment(_ row: Row) -> StoredComment {
        let revision: Int? = row["revision"]
        var anchor: CommentAnchor?
        var tracked: TrackedPassage?
        var original: Range<Int>?
        if let revision, let start: Int = row["anchorStart"], let end: Int = row["anchorEnd"] {
            let status = AnchorStatus(rawValue: row["trackedStatus"] ?? "") ?? .anchored
            let trackedStart: Int? = row["trackedStart"], trackedEnd: Int? = row["trackedEnd"]
            let range = trackedStart.flatMap { lower in trackedEnd.map { lower..<max(lower, $0) } }
            tracked = TrackedPassage(revision: row["trackedRevision"] ?? revision, status: status, range: range)
            original = start..<end
            anchor = CommentAnchor(
                revision: revision, start: start, end: end, quote: row["quote"] ?? "", contextBefore: row["contextBefore"] ?? "",
                contextAfter: row["contextAfter"] ?? "", status: status, currentRevision: revision, currentStart: nil,
                currentEnd: nil, currentText: nil
            )
        }
        let comment = Comment(
            strategyID: row["strategyId"], number: row["number"], sectionID: row["sectionId"], amendment: row["amendmentNumber"],
            anchor: anchor, kind: CommentKind(rawValue: row["kind"]) ?? .general, body: row["body"], suggestion: row["suggestion"],
            authorID: row["authorId"], authorName: row["authorName"], group: row["groupKey"],
            disposition: (row["disposition"] as String?).flatMap(Disposition.init), response: row["response"],
            resolvedBy: row["resolvedBy"], resolvedAt: row["resolvedAt"], appliedRevision: row["appliedRevision"], replies: [],
            createdAt: row["createdAt"]
        )
        return StoredComment(comment: comment, tracked: tracked, original: original)
    }

    /// The comments with their anchors on each section's revision in `targets` (default: the current one), plus
    /// the tracked positions that moved forward, for `rememberAnchors`.
    ///
    /// A passage is mapped from the revision its comment last tracked, with one position map per distinct
    /// (section, revision) pair, so a read costs one diff per revision pair at most and none once remembered.
    static func anchoredComments(
        _ db: Database, _ stored: [StoredComment], targets: [Int64: Int] = [:]
    ) throws -> (comments: [Comment], advanced: [(number: Int, passage: TrackedPassage)]) {
        var bodies: [Int64: (revision: Int, bytes: [UInt8])] = [:]
        var maps: [String: PositionMap] = [:]
        var comments: [Comment] = []
        var advanced: [(number: Int, passage: TrackedPassage)] = []
        comments.reserveCapacity(stored.count)
        for item in stored {
            var comment = item.comment
            guard var anchor = comment.anchor, let original = item.original, var tracked = item.tracked else {
                comments.append(comment)
                continue
            }
            let sectionID = comment.sectionID
            if bodies[sectionID] == nil {
                let revision =
                    try targets[sectionID]
                    ?? db.value(Int.self, "SELECT currentRevision FROM section WHERE id = ?", [sectionID]) ?? anchor.revision
                bodies[sectionID] = (revision, Array(try revisionText(db, sectionID: sectionID, number: revision).body.utf8))
            }
            let target = bodies[sectionID]!
            // Start from the remembered position unless it lies beyond the target (a draft's older revision).
            if tracked.revision > target.revision {
                tracked = TrackedPassage(revision: anchor.revision, status: .anchored, range: original)
            }
            if tracked.revision < target.revision {
                let key = "\(sectionID):\(tracked.revision)"
                if maps[key] == nil {
                    let before = try revisionText(db, sectionID: sectionID, number: tracked.revision).body
                    maps[key] = PositionMap(before: before, after: String(decoding: target.bytes, as: UTF8.self))
                }
                tracked = PassageAnchor.follow(
                    tracked, to: target.revision, through: maps[key]!, body: target.bytes, quote: anchor.quote, original: original
                )
                if targets[sectionID] == nil { advanced.append((comment.number, tracked)) }
            }
            anchor.status = tracked.status
            anchor.currentRevision = tracked.revision
            anchor.currentStart = tracked.range?.lowerBound
            anchor.currentEnd = tracked.range?.upperBound
            anchor.currentText = tracked.range.map { PassageAnchor.text(target.bytes, $0) }
            comment.anchor = anchor
            comments.append(comment)
        }
        return (comments, advanced)
    }

    /// Stores passages that reads mapped forward, after the response has gone: a cache, so losing a race or a
    /// crash costs only a recomputation. An older position never overwrites a newer one.
    func rememberAnchors(strategyID: Int64, _ advanced: [(number: Int, passage: TrackedPassage)]) {
        guard !advanced.isEmpty else { return }
        Task.detached { [self] in
            try? await write { db in
                for (number, passage) in advanced {
                    try db.run(
                        """
                        UPDATE comment SET trackedRevision = ?, trackedStatus = ?, trackedStart = ?, trackedEnd = ?
                        WHERE strategyId = ? AND number = ? AND trackedRevision < ?
                        """,
                        [
                            passage.revision, passage.status.rawValue, passage.range?.lowerBound, passage.range?.upperBound,
                            strategyID, number, passage.revision,
                        ]
                    )
                }
            }
        }
    }

    /// One comment with its current anchor; 404 when the strategy has no such comment.
    static func loadComment(
        _ db: Database, strategyID: Int64, number: Int
    ) throws -> (comment: Comment, advanced: [(number: Int, passage: TrackedPassage)]) {
        let stored = try storedComments(
            db, strategyID: strategyID,
            sql: "SELECT \(commentColumns) FROM comment JOIN account ON account.id = comment.authorId WHERE strategyId = ? AND number = ?",
            arguments: [strategyID, number]
        )
        guard !stored.isEmpty else { throw DocumentModelError.notFound("comment") }
        let result = try anchoredComments(db, stored)
        return (result.comments[0], result.advanced)
    }
}
