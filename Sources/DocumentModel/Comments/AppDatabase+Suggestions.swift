import Foundation
import GRDB

/// Dispositions of comments, and suggestions applied to the text (one comment, or several merged in one revision).
extension AppDatabase {
    /// Records a facilitator's disposition; with `applySuggestion` the comment's suggested text replaces its
    /// passage in a new revision whose source names the comment.
    public func resolveComment(
        strategyID: Int64, number: Int, _ resolution: CommentResolution, by account: Account
    ) async throws -> Comment {
        // The comment must exist (404) before the resolution is judged (422).
        let errors = resolution.validate()
        let plan: SuggestionPlan? = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .resolveComment)
            let comment = try Self.loadComment(db, strategyID: strategyID, number: number).comment
            guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
            try Self.requireUnresolved(comment)
            guard resolution.applySuggestion else { return nil }
            return try Self.planSuggestions(db, strategyID: strategyID, sectionID: comment.sectionID, comments: [comment])
        }
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .resolveComment)
            let status = try db.value(String.self, "SELECT status FROM comment WHERE strategyId = ? AND number = ?", [strategyID, number])
            guard status == "open" else { throw DocumentModelError.conflict("comment \(number) has already been resolved") }
            let revision = try plan.map { try Self.apply($0, db, strategyID: strategyID, actor: access.actor, account: account) }
            try Self.markResolved(
                db, strategyID: strategyID, number: number, disposition: resolution.disposition, response: resolution.response,
                by: account, appliedRevision: revision
            )
            var detail = ["disposition": resolution.disposition.rawValue]
            if let revision { detail["revision"] = String(revision) }
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .commentResolved, subject: "comment/\(number)", detail: detail
            )
        }
        return try await comment(strategyID: strategyID, number: number, for: account)
    }

    /// Applies the suggestions of several comments on one section in a single revision (facilitator). They must
    /// not overlap; each applied comment that was still open is resolved as accepted with `response`.
    public func applySuggestions(
        strategyID: Int64, sectionID: Int64, numbers: [Int], response: String?, by account: Account
    ) async throws -> (section: Section, comments: [Comment]) {
        let errors = SuggestionBatch(numbers: numbers, response: response).validate()
        let load: @Sendable (Database) throws -> SuggestionPlan = { db in
            let comments = try numbers.map { number in
                do {
                    return try Self.loadComment(db, strategyID: strategyID, number: number).comment
                } catch DocumentModelError.notFound {
                    throw DocumentModelError.invalid("comments", "this strategy has no comment \(number)")
                }
            }
            for comment in comments where comment.sectionID != sectionID {
                throw DocumentModelError.invalid("comments", "comment \(comment.number) is on another section")
            }
            for comment in comments { try Self.requireUnresolved(comment) }
            return try Self.planSuggestions(db, strategyID: strategyID, sectionID: sectionID, comments: comments)
        }
        let prepared = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .resolveComment)
            _ = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
            return try load(db)
        }
        _ = try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .resolveComment)
            let current = try db.value(Int.self, "SELECT currentRevision FROM section WHERE id = ?", [sectionID])
            // Another write got there first: plan again against the text it left.
            let plan = current == prepared.revision ? prepared : try load(db)
            let open = try db.value(
                Int.self, "SELECT COUNT(*) FROM comment WHERE strategyId = ? AND status = 'open' AND number IN (SELECT value FROM json_each(?))",
                [strategyID, "[" + numbers.map(String.init).joined(separator: ",") + "]"]
            )
            guard open == numbers.count else { throw DocumentModelError.conflict("one of the comments was resolved meanwhile") }
            let revision = try Self.apply(plan, db, strategyID: strategyID, actor: access.actor, account: account)
            for number in numbers {
                try Self.markResolved(
                    db, strategyID: strategyID, number: number, disposition: .accepted,
                    response: response ?? "Applied in revision \(revision).", by: account, appliedRevision: revision
                )
                try Self.appendActivity(
                    db, strategyID: strategyID, actor: access.actor, action: .commentResolved, subject: "comment/\(number)",
                    detail: ["disposition": Disposition.accepted.rawValue, "revision": String(revision)]
                )
            }
            return revision
        }
        return try read { db in
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            let comments = try numbers.map { try Self.loadComment(db, strategyID: strategyID, number: $0).comment }
            return (section, comments)
        }
    }

    /// A new body with suggestions in place, computed from the comments' anchors on the section's current text.
    struct SuggestionPlan: Sendable {
        var sectionID: Int64
        /// The revision the plan was computed against; the write applies it only to that revision.
        var revision: Int
        var heading: String
        var body: String
        /// Where each applied suggestion now stands in `body`.
        var placements: [(number: Int, range: Range<Int>)]
        var refresh: PreparedRefresh
    }

    static func planSuggestions(_ db: Database, strategyID: Int64, sectionID: Int64, comments: [Comment]) throws -> SuggestionPlan {
        let section = try loadSection(db, strategyID: strategyID, id: sectionID)
        if section.removed { throw DocumentModelError.conflict("section \(sectionID) has been removed from the strategy") }
        var edits: [(number: Int, range: Range<Int>, text: String)] = []
        for comment in comments {
            guard let suggestion = comment.suggestion, let anchor = comment.anchor else {
                throw DocumentModelError.invalid("comments", "comment \(comment.number) has no suggested text to apply")
            }
            guard anchor.status.keepsText, let start = anchor.currentStart, let end = anchor.currentEnd else {
                throw DocumentModelError.conflict(
                    "the passage comment \(comment.number) quotes is \(anchor.status.rawValue) in revision \(section.revision); "
                        + "its suggestion can no longer be applied as written"
                )
            }
            edits.append((comment.number, start..<end, suggestion))
        }
        edits.sort { $0.range.lowerBound < $1.range.lowerBound }
        var overlapping: Set<Int> = []
        for (left, right) in zip(edits, edits.dropFirst()) where left.range.upperBound > right.range.lowerBound {
            overlapping.formUnion([left.number, right.number])
        }
        guard overlapping.isEmpty else { throw DocumentModelError.overlappingSuggestions(overlapping.sorted()) }
        var bytes: [UInt8] = []
        var placements: [(number: Int, range: Range<Int>)] = []
        let old = Array(section.body.utf8)
        var cursor = 0
        for edit in edits {
            bytes += old[cursor..<edit.range.lowerBound]
            let start = bytes.count
            bytes += edit.text.utf8
            placements.append((edit.number, start..<bytes.count))
            cursor = edit.range.upperBound
        }
        bytes += old[cursor...]
        let body = String(decoding: bytes, as: UTF8.self)
        let refresh = try prepareRefresh(db, strategyID: strategyID, sectionID: sectionID, for: SectionText(heading: section.heading, body: body))
        return SuggestionPlan(
            sectionID: sectionID, revision: section.revision, heading: section.heading, body: body, placements: placements,
            refresh: refresh
        )
    }

    /// Writes the plan as the section's next revision and moves the applied comments' tracked passages onto it.
    private static func apply(_ plan: SuggestionPlan, _ db: Database, strategyID: Int64, actor: Actor, account: Account) throws -> Int {
        let (current, chunkIDs) = try loadSectionForUpdate(db, strategyID: strategyID, id: plan.sectionID)
        guard current.revision == plan.revision else { throw DocumentModelError.conflict("section \(plan.sectionID) changed meanwhile; try again") }
        try SectionEdit(heading: plan.heading, body: plan.body).requireValid()
        let revision = current.revision + 1
        let numbers = plan.placements.map(\.number).sorted()
        let message = numbers.count == 1 ? "Comment \(numbers[0])" : "Comments " + numbers.map(String.init).joined(separator: ", ")
        let now = Date()
        try insertRevision(
            db, sectionID: plan.sectionID, number: revision, heading: plan.heading, body: plan.body, actor: actor, message: message,
            source: .comment(numbers[0]), known: chunkIDs, at: now
        )
        try db.run("UPDATE section SET currentRevision = ? WHERE id = ?", [revision, plan.sectionID])
        try appendActivity(
            db, strategyID: strategyID, actor: actor, action: .sectionEdited, subject: "section/\(plan.sectionID)",
            detail: ["revision": String(revision), "comments": numbers.map(String.init).joined(separator: ",")]
        )
        let body = Array(plan.body.utf8)
        for (number, range) in plan.placements {
            // The passage now holds the suggestion: no longer the quoted text, so it reads as changed.
            let quote = try db.value(String.self, "SELECT quote FROM comment WHERE strategyId = ? AND number = ?", [strategyID, number]) ?? ""
            let status: AnchorStatus = body[range].elementsEqual(quote.utf8) ? .shifted : .changed
            try db.run(
                """
                UPDATE comment SET trackedRevision = ?, trackedStatus = ?, trackedStart = ?, trackedEnd = ?
                WHERE strategyId = ? AND number = ?
                """, [revision, status.rawValue, range.lowerBound, range.upperBound, strategyID, number]
            )
        }
        var section = current
        section.body = plan.body
        section.revision = revision
        section.updatedAt = now
        section.updatedBy = account.id
        try refreshOpenAmendments(db, strategyID: strategyID, section: section, actor: actor, prepared: plan.refresh)
        return revision
    }

    private static func markResolved(
        _ db: Database, strategyID: Int64, number: Int, disposition: Disposition, response: String, by account: Account,
        appliedRevision: Int?
    ) throws {
        try db.run(
            """
            UPDATE comment SET status = 'resolved', disposition = ?, response = ?, resolvedBy = ?, resolvedAt = ?, appliedRevision = ?
            WHERE strategyId = ? AND number = ?
            """, [disposition.rawValue, response, account.id, Date(), appliedRevision, strategyID, number]
        )
    }

    private static func requireUnresolved(_ comment: Comment) throws {
        if let disposition = comment.disposition {
            throw DocumentModelError.conflict("comment \(comment.number) has already been resolved (\(disposition.rawValue))")
        }
    }
}
