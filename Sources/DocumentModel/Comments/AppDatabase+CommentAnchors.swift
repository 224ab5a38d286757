import DiffEngine
import Foundation
import GRDB

/// Carrying each comment's anchor forward: where its passage stands on the current revision (through
/// `PassageAnchor`), and remembering that position so later reads start from it.
extension AppDatabase {
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
