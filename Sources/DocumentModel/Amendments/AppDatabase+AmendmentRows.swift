import Foundation
import GRDB

/// Amendment rows inside the caller's transaction: loading one, closing it, and the open amendments it collides
/// with.
extension AppDatabase {
    /// - Parameter withCollisions: look up the open amendments it collides with (skipped where the caller is about
    ///   to close it).
    static func loadAmendment(_ db: Database, strategyID: Int64, number: Int, withCollisions: Bool = true) throws -> Amendment {
        guard
            let row = try db.row(
                """
                SELECT amendment.*, account.name AS authorName FROM amendment JOIN account ON account.id = amendment.authorId
                WHERE amendment.strategyId = ? AND amendment.number = ?
                """, [strategyID, number]
            )
        else { throw DocumentModelError.notFound("amendment") }
        let sectionID: Int64 = row["sectionId"]
        let baseRevision: Int = row["baseRevision"]
        let base = try revisionText(db, sectionID: sectionID, number: baseRevision)
        let status = AmendmentStatus(rawValue: row["status"]) ?? .open
        let supporters = try db.rows(
            """
            SELECT amendmentSupport.*, account.name FROM amendmentSupport JOIN account ON account.id = amendmentSupport.accountId
            WHERE strategyId = ? AND number = ? ORDER BY amendmentSupport.createdAt, accountId
            """, [strategyID, number]
        ).map { Supporter(accountID: $0["accountId"], name: $0["name"], group: $0["groupKey"], createdAt: $0["createdAt"]) }
        let collisions = status == .open && withCollisions ? try collidingAmendments(db, strategyID: strategyID, number: number).map(\.number) : []
        return Amendment(
            strategyID: strategyID, number: number, sectionID: sectionID, baseRevision: baseRevision,
            baseHeading: base.heading, baseBody: base.body, heading: row["heading"],
            body: try BodyStore.loadText(row["chunkIds"], in: db), rationale: row["rationale"],
            authorID: row["authorId"], authorName: row["authorName"], group: row["groupKey"], status: status,
            checkedRevision: row["checkedRevision"], mergeable: row["mergeable"], supporters: supporters,
            collidesWith: collisions, decidedBy: row["decidedBy"], decidedAt: row["decidedAt"], reason: row["reason"],
            acceptedRevision: row["acceptedRevision"], createdAt: row["createdAt"]
        )
    }

    /// Heading and body of one revision of a section.
    static func revisionText(_ db: Database, sectionID: Int64, number: Int) throws -> SectionText {
        guard let row = try db.row("SELECT heading, chunkIds FROM revision WHERE sectionId = ? AND number = ?", [sectionID, number])
        else { throw DocumentModelError.notFound("revision") }
        return SectionText(heading: row["heading"], body: try BodyStore.loadText(row["chunkIds"], in: db))
    }

    static func requireOpen(_ amendment: Amendment, to verb: String) throws {
        guard amendment.status == .open else {
            throw DocumentModelError.conflict(
                "amendment \(amendment.number) is \(amendment.status.rawValue); only an open amendment can be \(verb)"
            )
        }
    }

    /// Records the decision; returns its time.
    @discardableResult
    static func close(
        _ db: Database, strategyID: Int64, number: Int, status: AmendmentStatus, by account: Account, reason: String?, revision: Int?
    ) throws -> Date {
        let now = Date()
        try db.run(
            """
            UPDATE amendment SET status = ?, decidedBy = ?, decidedAt = ?, reason = ?, acceptedRevision = ?
            WHERE strategyId = ? AND number = ?
            """, [status.rawValue, account.id, now, reason, revision, strategyID, number]
        )
        return now
    }

    struct Colliding {
        var number: Int
        var authorName: String
        var group: String?
        var overlap: (heading: Bool, range: Range<Int>)
    }

    /// Open amendments on the same section whose footprints meet this one's. Footprints of open amendments are
    /// kept on the current revision, so this compares stored ranges and diffs nothing.
    static func collidingAmendments(_ db: Database, strategyID: Int64, number: Int) throws -> [Colliding] {
        guard
            let own = try db.row(
                "SELECT sectionId, footprint FROM amendment WHERE strategyId = ? AND number = ? AND status = 'open'", [strategyID, number]
            )
        else { return [] }
        let footprint = Footprint(decoding: own["footprint"])
        return try db.rows(
            """
            SELECT amendment.number, amendment.footprint, amendment.groupKey, account.name
            FROM amendment JOIN account ON account.id = amendment.authorId
            WHERE amendment.sectionId = ? AND amendment.status = 'open' AND amendment.number != ? AND amendment.strategyId = ?
            ORDER BY amendment.number
            """, [own["sectionId"] as Int64, number, strategyID]
        ).compactMap { row in
            guard let overlap = footprint.overlap(with: Footprint(decoding: row["footprint"])) else { return nil }
            return Colliding(number: row["number"], authorName: row["name"], group: row["groupKey"], overlap: overlap)
        }
    }
}
