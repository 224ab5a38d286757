import DiffEngine
import Foundation
import GRDB

extension AppDatabase {
    /// Posts a comment on a passage, a whole section or an amendment (members, signatories, facilitators; observers
    /// during consultation). A passage is given as UTF-8 offsets into one revision's body; the quote and its
    /// context are stored with it, so it can be followed onto later revisions.
    public func postComment(strategyID: Int64, _ new: NewComment, by account: Account) async throws -> Comment {
        try authorizeThenValidate(new, strategyID: strategyID, action: .comment, by: account)
        let prepared = try read { db in
            return try Self.prepareComment(db, strategyID: strategyID, new)
        }
        let number = try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .comment)
            let number = (try db.value(Int.self, "SELECT MAX(number) FROM comment WHERE strategyId = ?", [strategyID]) ?? 0) + 1
            let passage = prepared.passage
            try db.run(
                """
                INSERT INTO comment (strategyId, number, sectionId, amendmentNumber, revision, anchorStart, anchorEnd, quote,
                    contextBefore, contextAfter, kind, body, suggestion, authorId, groupKey, status, trackedRevision,
                    trackedStatus, trackedStart, trackedEnd, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)
                """,
                [
                    strategyID, number, prepared.sectionID, prepared.amendment, passage?.revision, passage?.range.lowerBound,
                    passage?.range.upperBound, passage?.quote, passage?.before, passage?.after, new.kind.rawValue, new.body,
                    new.suggestion, account.id, access.actor.group, passage?.tracked.revision, passage?.tracked.status.rawValue,
                    passage?.tracked.range?.lowerBound, passage?.tracked.range?.upperBound, Date(),
                ]
            )
            var detail = ["section": String(prepared.sectionID), "kind": new.kind.rawValue]
            if let amendment = prepared.amendment { detail["amendment"] = String(amendment) }
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .commentPosted, subject: "comment/\(number)", detail: detail
            )
            return number
        }
        return try read { db in try Self.loadComment(db, strategyID: strategyID, number: number).comment }
    }

    /// What a new comment refers to, checked against the stored texts before the write.
    private struct PreparedComment: Sendable {
        struct Passage: Sendable {
            var revision: Int
            var range: Range<Int>
            var quote: String
            var before: String
            var after: String
            var tracked: TrackedPassage
        }

        var sectionID: Int64
        var amendment: Int?
        var passage: Passage?
    }

    private static func prepareComment(_ db: Database, strategyID: Int64, _ new: NewComment) throws -> PreparedComment {
        switch new.target {
        case .amendment(let number):
            if new.suggestion != nil {
                throw DocumentModelError.invalid("suggestion", "replaces a quoted passage; comment on the section's text to suggest one")
            }
            guard
                let sectionID = try db.value(
                    Int64.self, "SELECT sectionId FROM amendment WHERE strategyId = ? AND number = ?", [strategyID, number]
                )
            else { throw DocumentModelError.invalid("amendment", "this strategy has no amendment \(number)") }
            return PreparedComment(sectionID: sectionID, amendment: number, passage: nil)
        case .section(let id, let revision, let range):
            let section: Section
            do {
                section = try loadSection(db, strategyID: strategyID, id: id)
            } catch DocumentModelError.notFound {
                throw DocumentModelError.invalid("section", "this strategy has no section \(id)")
            }
            if section.removed { throw DocumentModelError.conflict("section \(id) has been removed from the strategy") }
            guard let range else {
                if new.suggestion != nil {
                    throw DocumentModelError.invalid("suggestion", "replaces a quoted passage, so it needs an anchor")
                }
                return PreparedComment(sectionID: id, amendment: nil, passage: nil)
            }
            let revision = revision ?? section.revision
            guard (1...section.revision).contains(revision) else {
                throw DocumentModelError.invalid("revision", "must be a revision of this section, from 1 to \(section.revision)")
            }
            let body = revision == section.revision ? section.body : try revisionText(db, sectionID: id, number: revision).body
            let captured = try PassageAnchor.capture(range, in: body)
            var tracked = TrackedPassage(revision: revision, status: .anchored, range: range)
            if revision < section.revision {
                tracked = PassageAnchor.follow(
                    tracked, to: section.revision, through: PositionMap(before: body, after: section.body),
                    body: Array(section.body.utf8), quote: captured.quote, original: range
                )
            }
            return PreparedComment(
                sectionID: id, amendment: nil,
                passage: .init(
                    revision: revision, range: range, quote: captured.quote, before: captured.before, after: captured.after, tracked: tracked)
            )
        }
    }

    public func comment(strategyID: Int64, number: Int, for account: Account) async throws -> Comment {
        let (comment, advanced) = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadComment(db, strategyID: strategyID, number: number)
        }
        rememberAnchors(strategyID: strategyID, advanced)
        return comment
    }

    /// A page of comments by number, each with its thread and its anchor on the section's current revision.
    public func comments(
        strategyID: Int64, filter: CommentFilter, after: Int64?, limit: Int, for account: Account
    ) async throws -> Page<Comment> {
        let (page, advanced) = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let (clause, arguments) = Self.filterClause(filter)
            let stored = try Self.storedComments(
                db, strategyID: strategyID,
                sql: """
                    SELECT \(Self.commentColumns) FROM comment JOIN account ON account.id = comment.authorId
                    WHERE comment.strategyId = ? AND comment.number > ? \(clause) ORDER BY comment.number LIMIT ?
                    """,
                arguments: [strategyID, after ?? 0] + arguments + [limit + 1]
            )
            let (comments, advanced) = try Self.anchoredComments(db, Array(stored.prefix(limit)))
            let page = Page(items: comments, nextAfter: stored.count > limit ? comments.last.map { Int64($0.number) } : nil)
            return (page, advanced)
        }
        rememberAnchors(strategyID: strategyID, advanced)
        return page
    }

    /// The SQL for a filter, appended to a WHERE over `comment`.
    static func filterClause(_ filter: CommentFilter) -> (String, StatementArguments) {
        var clause = ""
        var arguments: StatementArguments = []
        if let sectionID = filter.sectionID {
            clause += " AND comment.sectionId = ?"
            arguments += [sectionID]
        }
        if let group = filter.group {
            clause += " AND comment.groupKey = ?"
            arguments += [group]
        }
        if let kind = filter.kind {
            clause += " AND comment.kind = ?"
            arguments += [kind.rawValue]
        }
        switch filter.status {
        case nil: break
        case "open", "resolved":
            clause += " AND comment.status = ?"
            arguments += [filter.status]
        case let disposition?:
            clause += " AND comment.disposition = ?"
            arguments += [disposition]
        }
        return (clause, arguments)
    }

    /// Adds a reply to a comment's thread; anyone who may comment may reply.
    public func replyToComment(strategyID: Int64, number: Int, body: String, by account: Account) async throws -> Comment {
        // The thread must exist (404) before its body is judged (422).
        let problems = CommentReplyInput(body: body).validate()
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .comment)
            guard try db.value(Bool.self, "SELECT 1 FROM comment WHERE strategyId = ? AND number = ?", [strategyID, number]) != nil
            else { throw DocumentModelError.notFound("comment") }
            guard problems.isEmpty else { throw DocumentModelError.invalid(problems) }
            let id =
                (try db.value(
                    Int.self, "SELECT MAX(id) FROM commentReply WHERE strategyId = ? AND commentNumber = ?", [strategyID, number]
                ) ?? 0) + 1
            try db.run(
                "INSERT INTO commentReply (strategyId, commentNumber, id, authorId, groupKey, body, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [strategyID, number, id, account.id, access.actor.group, body, Date()]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .commentReplied, subject: "comment/\(number)",
                detail: ["reply": String(id)]
            )
        }
        return try await comment(strategyID: strategyID, number: number, for: account)
    }
}
