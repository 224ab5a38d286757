import Foundation
import GRDB

/// Open amendments kept current: whenever their section gets a new revision, each is merged three ways against
/// the new text again (mergeable or conflicting) and its footprint carried onto it.
extension AppDatabase {
    /// Open amendments of a section merged against a text about to become current. Computed from a read before
    /// the write, so that the single writer does not diff; valid for exactly that text.
    struct PreparedRefresh {
        var text: SectionText
        var merges: [Int: AmendmentMerge]
    }

    static func prepareRefresh(
        _ db: Database, strategyID: Int64, sectionID: Int64, for text: SectionText, except: Set<Int> = []
    ) throws -> PreparedRefresh {
        PreparedRefresh(
            text: text, merges: try openAmendmentMerges(db, strategyID: strategyID, sectionID: sectionID, against: text, except: except)
        )
    }

    /// Each open amendment of the section (but `except`) merged into `text`, by number.
    private static func openAmendmentMerges(
        _ db: Database, strategyID: Int64, sectionID: Int64, against text: SectionText, except: Set<Int>
    ) throws -> [Int: AmendmentMerge] {
        let rows = try db.rows(
            "SELECT number, baseRevision, heading, chunkIds FROM amendment WHERE sectionId = ? AND status = 'open' AND strategyId = ?",
            [sectionID, strategyID]
        )
        var bases: [Int: SectionText] = [:]
        var merges: [Int: AmendmentMerge] = [:]
        for row in rows {
            let number: Int = row["number"]
            guard !except.contains(number) else { continue }
            let baseRevision: Int = row["baseRevision"]
            let base = try bases[baseRevision] ?? revisionText(db, sectionID: sectionID, number: baseRevision)
            bases[baseRevision] = base
            let proposed = SectionText(heading: row["heading"], body: try BodyStore.loadText(row["chunkIds"], in: db))
            merges[number] = AmendmentMerge(base: base, current: text, proposed: proposed)
        }
        return merges
    }

    /// Merges every open amendment of the section into its new current text again: records whether each still
    /// merges cleanly (an activity entry when that changes) and where it now touches the text. Merges prepared
    /// for this very text are used as they are; only amendments proposed since are merged here.
    static func refreshOpenAmendments(
        _ db: Database, strategyID: Int64, section: Section, actor: Actor, prepared: PreparedRefresh? = nil
    ) throws {
        let open = try db.rows("SELECT number, mergeable FROM amendment WHERE sectionId = ? AND status = 'open'", [section.id])
        guard !open.isEmpty else { return }
        let current = SectionText(heading: section.heading, body: section.body)
        var merges = prepared?.text == current ? prepared!.merges : [:]
        let missing = open.map { $0["number"] as Int }.filter { merges[$0] == nil }
        if !missing.isEmpty {
            merges.merge(
                try openAmendmentMerges(db, strategyID: strategyID, sectionID: section.id, against: current, except: Set(merges.keys)),
                uniquingKeysWith: { a, _ in a }
            )
        }
        for row in open {
            let number: Int = row["number"]
            guard let merge = merges[number] else { continue }
            let wasMergeable: Bool = row["mergeable"]
            let mergeable = merge.merged != nil
            try db.run(
                "UPDATE amendment SET checkedRevision = ?, mergeable = ?, footprint = ? WHERE strategyId = ? AND number = ?",
                [section.revision, mergeable, merge.footprint.encoded, strategyID, number]
            )
            if mergeable != wasMergeable {
                try appendActivity(
                    db, strategyID: strategyID, actor: actor, action: mergeable ? .amendmentMergeable : .amendmentConflicting,
                    subject: "amendment/\(number)", detail: ["revision": String(section.revision)]
                )
            }
        }
    }

    /// After a revision that changes neither heading nor body (a move), open amendments only need the new number.
    static func advanceOpenAmendments(_ db: Database, sectionID: Int64, to revision: Int) throws {
        try db.run("UPDATE amendment SET checkedRevision = ? WHERE sectionId = ? AND status = 'open'", [revision, sectionID])
    }
}
