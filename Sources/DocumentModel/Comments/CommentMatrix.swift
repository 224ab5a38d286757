import Foundation
import GRDB

/// One row of the comment matrix: the table a working group reviews comments in, one row per comment.
public struct CommentMatrixRow: Sendable, Equatable {
    public var number: Int
    public var group: String?
    public var author: String
    /// The section's outline number (in the draft, when the matrix is for a draft); nil for a removed section.
    public var section: String?
    public var kind: CommentKind
    public var quote: String?
    public var comment: String
    public var suggestion: String?
    public var disposition: Disposition?
    public var response: String?
    public var anchorStatus: AnchorStatus?
    public var amendment: Int?

    public static let columns = [
        "number", "group", "author", "section", "kind", "quote", "comment", "suggestion", "disposition", "response",
        "anchorStatus",
    ]
}

extension AppDatabase {
    /// Every comment of the strategy as a matrix row. With `draft`, the comments made up to that draft on its
    /// sections, numbered as in the draft, with anchors on the revisions the draft holds.
    public func commentMatrix(strategyID: Int64, draft: Int?, for account: Account) async throws -> [CommentMatrixRow] {
        let (rows, advanced) = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .readCommentMatrix)
            var numbers: [Int64: String] = [:]
            var targets: [Int64: Int] = [:]
            var sql = "SELECT \(Self.commentColumns) FROM comment JOIN account ON account.id = comment.authorId WHERE comment.strategyId = ?"
            var arguments: StatementArguments = [strategyID]
            if let draft {
                let loaded = try Self.loadDraft(db, strategyID: strategyID, number: draft, withBodies: false)
                for section in loaded.sections {
                    numbers[section.sectionID] = section.number
                    targets[section.sectionID] = section.revision
                }
                sql +=
                    " AND comment.createdAt <= ? AND comment.sectionId IN (SELECT sectionId FROM draftSection WHERE strategyId = ? AND draftNumber = ?)"
                arguments += [loaded.createdAt, strategyID, draft]
            } else {
                for section in try Self.liveOutline(db, strategyID: strategyID) { numbers[section.id] = section.number }
            }
            let stored = try Self.storedComments(db, strategyID: strategyID, sql: sql + " ORDER BY comment.number", arguments: arguments)
            let (comments, advanced) = try Self.anchoredComments(db, stored, targets: targets)
            let rows = comments.map { comment in
                CommentMatrixRow(
                    number: comment.number, group: comment.group, author: comment.authorName, section: numbers[comment.sectionID],
                    kind: comment.kind, quote: comment.anchor?.quote, comment: comment.body, suggestion: comment.suggestion,
                    disposition: comment.disposition, response: comment.response, anchorStatus: comment.anchor?.status,
                    amendment: comment.amendment
                )
            }
            return (rows, advanced)
        }
        rememberAnchors(strategyID: strategyID, advanced)
        return rows
    }
}
