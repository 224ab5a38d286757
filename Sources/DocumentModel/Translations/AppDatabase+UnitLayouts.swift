import Foundation
import GRDB

/// Unit layouts on disk: each is derived, inside a write, from the latest one stored before it, so every layout
/// of a section lies on one chain and a unit id means the same block wherever it is used.
extension AppDatabase {
    /// The stored layout of exactly `revision`, if one was made.
    static func storedLayout(_ db: Database, sectionID: Int64, revision: Int) throws -> UnitLayout? {
        try db.row("SELECT units, nextUnit FROM unitLayout WHERE sectionId = ? AND revision = ?", [sectionID, revision]).map {
            UnitLayout(encoded: $0["units"], nextUnit: $0["nextUnit"])
        }
    }

    /// The layout of `revision` (whose body is `body`), storing it when it is new: call inside a write.
    static func ensureLayout(_ db: Database, sectionID: Int64, revision: Int, body: String) throws -> UnitLayout {
        if let layout = try storedLayout(db, sectionID: sectionID, revision: revision) { return layout }
        let layout = try derivedLayout(db, sectionID: sectionID, revision: revision, body: body)
        try db.run(
            "INSERT INTO unitLayout (sectionId, revision, units, nextUnit) VALUES (?, ?, ?, ?)",
            [sectionID, revision, layout.encoded, layout.nextUnit]
        )
        return layout
    }

    /// The layout of `revision` as the latest stored layout before it carries onto it, without storing it (for
    /// reading an old revision that no translator ever saw).
    static func derivedLayout(_ db: Database, sectionID: Int64, revision: Int, body: String) throws -> UnitLayout {
        guard
            let row = try db.row(
                "SELECT revision, units, nextUnit FROM unitLayout WHERE sectionId = ? AND revision < ? ORDER BY revision DESC LIMIT 1",
                [sectionID, revision]
            )
        else { return UnitLayout(first: body) }
        let earlier = UnitLayout(encoded: row["units"], nextUnit: row["nextUnit"])
        let earlierBody = try revisionText(db, sectionID: sectionID, number: row["revision"]).body
        return earlier.carried(from: earlierBody, to: body)
    }

    /// The layout of `revision` for reading: the stored one, else derived.
    static func layoutForReading(_ db: Database, sectionID: Int64, revision: Int, body: String) throws -> UnitLayout {
        try storedLayout(db, sectionID: sectionID, revision: revision)
            ?? derivedLayout(db, sectionID: sectionID, revision: revision, body: body)
    }
}
