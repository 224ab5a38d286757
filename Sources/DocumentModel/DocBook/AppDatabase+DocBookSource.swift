import Foundation
import GRDB

/// What a DocBook export holds: the live text or a draft, optionally redlined against an earlier draft, and the
/// drafts with their sign-offs as the revision history.
extension AppDatabase {
    /// One section of a snapshot (the live strategy or a draft), in reading order.
    struct SnapshotSection {
        var id: Int64
        var parentID: Int64?
        var number: String
        var heading: String
        var body: String
        /// The source revision the text is, for finding its translation.
        var revision: Int = 0
        /// In a translation: the language of the heading and of each block (`para`), where it is not the
        /// document's (a unit not translated yet keeps its source text and says so).
        var headingLanguage: String? = nil
        var languages: [String?] = []
    }

    static func docBookSource(
        _ db: Database, strategyID: Int64, draft: Int?, since: Int?, language: String? = nil
    ) throws -> DocBookSource {
        guard let strategy = try fetchStrategy(db, id: strategyID) else { throw DocumentModelError.notFound("strategy") }
        var current = try draft.map { try draftSnapshot(db, strategyID: strategyID, number: $0) } ?? liveSnapshot(db, strategyID: strategyID)
        var previous = try since.map { try draftSnapshot(db, strategyID: strategyID, number: $0) }
        if let language, language != strategy.language {
            current = try translatedSnapshot(db, strategy: strategy, current, language: language, draft: draft)
            previous = try previous.map { try translatedSnapshot(db, strategy: strategy, $0, language: language, draft: since) }
        }
        var anchors: [Int64: String] = [:]
        for row in try db.rows("SELECT id, anchor FROM section WHERE strategyId = ? AND anchor IS NOT NULL", [strategyID]) {
            anchors[row["id"]] = row["anchor"]
        }
        func node(_ entry: SnapshotSection) -> DocBookSource.Section {
            DocBookSource.Section(
                anchor: anchors[entry.id] ?? "section-\(entry.id)", number: entry.number, heading: entry.heading, body: entry.body,
                sections: [], headingLanguage: entry.headingLanguage, languages: entry.languages
            )
        }
        var nodes: [Int64: DocBookSource.Section] = [:]
        var order: [Int64?: [Int64]] = [:]
        let before = Dictionary(uniqueKeysWithValues: (previous ?? []).map { ($0.id, $0) })
        for entry in current {
            var section = node(entry)
            if previous != nil {
                if let old = before[entry.id] {
                    if old.heading != entry.heading || old.body != entry.body {
                        section.heading = RedlineMarkup.combine(before: old.heading, after: entry.heading)
                        section.body = RedlineMarkup.combine(before: old.body, after: entry.body)
                        section.redline = true
                        section.flag = "changed"
                        // A redline's blocks are the two texts' together: the per-block languages no longer line up.
                        section.languages = []
                    } else if old.parentID != entry.parentID {
                        section.flag = "changed"
                    }
                } else {
                    section.flag = "added"
                }
            }
            nodes[entry.id] = section
            order[entry.parentID, default: []].append(entry.id)
        }
        // Sections the earlier draft had and this one has not: under their old parent when it is still there,
        // after the old sibling that precedes them, else first.
        if let previous {
            var siblingsBefore: [Int64?: [Int64]] = [:]
            for entry in previous { siblingsBefore[entry.parentID, default: []].append(entry.id) }
            for entry in previous where nodes[entry.id] == nil {
                var section = node(entry)
                section.flag = "deleted"
                nodes[entry.id] = section
                let parent = entry.parentID.flatMap { nodes[$0] != nil ? $0 : nil }
                var siblings = order[parent] ?? []
                let earlier = (siblingsBefore[entry.parentID] ?? []).prefix { $0 != entry.id }
                let index = earlier.reversed().lazy.compactMap { siblings.firstIndex(of: $0) }.first.map { $0 + 1 } ?? 0
                siblings.insert(entry.id, at: index)
                order[parent] = siblings
            }
        }
        func assemble(_ parent: Int64?) -> [DocBookSource.Section] {
            (order[parent] ?? []).map { id in
                var section = nodes[id]!
                section.sections = assemble(id)
                return section
            }
        }
        return DocBookSource(
            title: strategy.title, summary: strategy.summary, groups: strategy.groups, sections: assemble(nil),
            revisions: try revisionHistory(db, strategy: strategy, upTo: draft), language: language ?? strategy.language
        )
    }

    static func liveSnapshot(_ db: Database, strategyID: Int64) throws -> [SnapshotSection] {
        let outline = try liveOutline(db, strategyID: strategyID)
        let rows = try db.rows(
            """
            SELECT section.id, section.currentRevision, revision.chunkIds FROM section
            JOIN revision ON revision.sectionId = section.id AND revision.number = section.currentRevision
            WHERE section.strategyId = ? AND section.removedAt IS NULL
            """, [strategyID]
        )
        let texts = try BodyStore.loadTexts(rows.map { $0["chunkIds"] }, in: db)
        var bodies: [Int64: String] = [:]
        for (row, text) in zip(rows, texts) { bodies[row["id"]] = text }
        return outline.map {
            SnapshotSection(
                id: $0.id, parentID: $0.parentID, number: $0.number, heading: $0.heading, body: bodies[$0.id] ?? "", revision: $0.revision
            )
        }
    }

    /// A draft's sections in reading order with their texts; 404 for an unknown draft.
    static func draftSnapshot(_ db: Database, strategyID: Int64, number: Int) throws -> [SnapshotSection] {
        guard try db.value(Bool.self, "SELECT 1 FROM draft WHERE strategyId = ? AND number = ?", [strategyID, number]) != nil
        else { throw DocumentModelError.notFound("draft") }
        let rows = try db.rows(
            """
            SELECT draftSection.sectionId, draftSection.parentId, draftSection.outlineNumber, draftSection.revision, revision.heading,
                   revision.chunkIds
            FROM draftSection JOIN revision ON revision.sectionId = draftSection.sectionId AND revision.number = draftSection.revision
            WHERE draftSection.strategyId = ? AND draftSection.draftNumber = ? ORDER BY draftSection.ordinal
            """, [strategyID, number]
        )
        let texts = try BodyStore.loadTexts(rows.map { $0["chunkIds"] }, in: db)
        return zip(rows, texts).map { row, text in
            SnapshotSection(
                id: row["sectionId"], parentID: row["parentId"], number: row["outlineNumber"], heading: row["heading"], body: text,
                revision: row["revision"]
            )
        }
    }

    /// The drafts up to `upTo` (all without it), each with every group's current sign-off decision.
    static func revisionHistory(_ db: Database, strategy: Strategy, upTo: Int?) throws -> [DocBookSource.Revision] {
        let drafts = try db.rows(
            "SELECT number, title, createdAt FROM draft WHERE strategyId = ? AND number <= ? ORDER BY number",
            [strategy.id, upTo ?? Int.max]
        )
        var decisions: [Int: [String: (decision: String, note: String?)]] = [:]
        for row in try db.rows(
            "SELECT draftNumber, groupKey, decision, note FROM draftSignoff WHERE strategyId = ? ORDER BY id", [strategy.id]
        ) {
            decisions[row["draftNumber"], default: [:]][row["groupKey"]] = (row["decision"], row["note"])
        }
        return drafts.map { row in
            let number: Int = row["number"]
            let created: Date = row["createdAt"]
            let lines = strategy.groups.compactMap { group -> String? in
                guard let decision = decisions[number]?[group.key] else { return nil }
                let note = decision.note.map { $0.allSatisfy(\.isWhitespace) ? "" : " (\($0))" } ?? ""
                return "\(group.name): \(decision.decision)\(note)"
            }
            return DocBookSource.Revision(number: number, date: Timestamp.rfc3339(created), title: row["title"], signoffs: lines)
        }
    }
}
