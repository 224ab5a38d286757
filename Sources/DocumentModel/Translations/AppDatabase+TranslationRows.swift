import Foundation
import GRDB

/// Reading a section's translation and keeping its counts: all inside the caller's transaction.
extension AppDatabase {
    /// A unit's stored translation: the text and the source it translated.
    struct StoredUnit {
        var sourceRevision: Int
        var sourceText: String
        var text: String
    }

    /// The translation's revision number now (0 before the first save), or as of `number`.
    static func translationNumber(_ db: Database, sectionID: Int64, language: String) throws -> Int {
        try db.value(Int.self, "SELECT max(number) FROM translation WHERE sectionId = ? AND language = ?", [sectionID, language]) ?? 0
    }

    /// Each unit's text in translation revision `number`: its latest row up to that revision.
    static func storedUnits(_ db: Database, sectionID: Int64, language: String, upTo number: Int) throws -> [String: StoredUnit] {
        var units: [String: StoredUnit] = [:]
        let rows = try db.rows(
            """
            SELECT unitId, sourceRevision, sourceText, text FROM translationUnit
            WHERE sectionId = ? AND language = ? AND fromNumber <= ? ORDER BY unitId, fromNumber
            """, [sectionID, language, number]
        )
        for row in rows {
            units[row["unitId"]] = StoredUnit(sourceRevision: row["sourceRevision"], sourceText: row["sourceText"], text: row["text"])
        }
        return units
    }

    /// The units of a section's source `text` at `revision` laid out by `layout`, each with its translation into
    /// `language` as of translation revision `number` and its state; outdated and missing units carry what the
    /// strategy's translation memory holds for their source text.
    static func translatedUnits(
        _ db: Database, strategyID: Int64, sectionID: Int64, language: String, text: SectionText, layout: UnitLayout,
        number: Int, withMemory: Bool = true
    ) throws -> [TranslatedUnit] {
        let stored = number == 0 ? [:] : try storedUnits(db, sectionID: sectionID, language: language, upTo: number)
        var units: [TranslatedUnit] = []
        units.reserveCapacity(layout.units.count + 1)
        func unit(id: String, kind: String, list: Int, source: String, range: Range<Int>? = nil) -> TranslatedUnit {
            let translation = stored[id]
            let state: TranslationState =
                translation == nil ? .missing : translation!.sourceText == source ? .current : .outdated
            return TranslatedUnit(
                id: id, kind: kind, list: list, state: state, source: source, text: translation?.text,
                sourceRevision: translation?.sourceRevision, translatedSource: translation?.sourceText, range: range
            )
        }
        units.append(unit(id: "heading", kind: "heading", list: 0, source: text.heading))
        for (layoutUnit, source) in layout.texts(in: text.body) {
            let kind =
                switch layoutUnit.block.kind {
                case .paragraph: "paragraph"
                case .bulletList: "bullet"
                case .numberedList: "numbered"
                }
            units.append(unit(id: layoutUnit.name, kind: kind, list: layoutUnit.block.list, source: source, range: layoutUnit.block.range))
        }
        if withMemory {
            for index in units.indices where units[index].state != .current {
                let remembered = try db.value(
                    String.self, "SELECT text FROM translationMemory WHERE strategyId = ? AND language = ? AND sourceHash = ?",
                    [strategyID, language, Hashing.sha256(units[index].source)]
                )
                if let remembered, remembered != units[index].text { units[index].memory = remembered }
            }
        }
        return units
    }

    /// Counts of `units` by state.
    static func counts(_ units: [TranslatedUnit]) -> TranslationCounts {
        var counts = TranslationCounts()
        for unit in units {
            switch unit.state {
            case .current: counts.current += 1
            case .outdated: counts.outdated += 1
            case .missing: counts.missing += 1
            }
        }
        return counts
    }

    /// Remembers a section's counts for its source revision, so the strategy's status reads them back.
    static func storeProgress(
        _ db: Database, sectionID: Int64, language: String, sourceRevision: Int, number: Int, counts: TranslationCounts
    ) throws {
        try db.run(
            """
            INSERT INTO translationProgress (sectionId, language, sourceRevision, translationNumber, current, outdated, missing)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (sectionId, language) DO UPDATE SET sourceRevision = excluded.sourceRevision,
                translationNumber = excluded.translationNumber, current = excluded.current,
                outdated = excluded.outdated, missing = excluded.missing
            """, [sectionID, language, sourceRevision, number, counts.current, counts.outdated, counts.missing]
        )
    }

    /// Lays out the current revision of each section in `sectionIDs` and counts every target language of the
    /// strategy on it: call inside a write, for the sections whose counts are missing or older than their text.
    static func refreshProgress(_ db: Database, strategy: Strategy, sectionIDs: [Int64]) throws {
        for sectionID in sectionIDs {
            guard let revision = try db.value(Int.self, "SELECT currentRevision FROM section WHERE id = ?", [sectionID]) else { continue }
            let text = try revisionText(db, sectionID: sectionID, number: revision)
            let layout = try ensureLayout(db, sectionID: sectionID, revision: revision, body: text.body)
            for language in strategy.translations {
                let number = try translationNumber(db, sectionID: sectionID, language: language)
                let units = try translatedUnits(
                    db, strategyID: strategy.id, sectionID: sectionID, language: language, text: text, layout: layout,
                    number: number, withMemory: false
                )
                try storeProgress(db, sectionID: sectionID, language: language, sourceRevision: revision, number: number, counts: counts(units))
            }
        }
    }
}
