import DiffEngine
import Foundation
import GRDB

/// Comments as stored: their rows and reply threads, before their anchors are brought up to date.
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
}
