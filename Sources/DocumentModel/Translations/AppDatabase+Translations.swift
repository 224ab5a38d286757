import Foundation
import GRDB

/// Translations of a strategy's sections: the status per language, one section's units, and saving them.
extension AppDatabase {
    /// Units per state, per target language and section, in outline order.
    ///
    /// Counts are kept per section for the source revision they were made on; a section whose text changed
    /// since is laid out and counted again first (one short write), so a reader never sees stale counts.
    public func translationStatus(strategyID: Int64, for account: Account) async throws -> TranslationStatus {
        let (status, stale) = try read { db in try Self.translationStatus(db, strategyID: strategyID, account: account) }
        guard !stale.isEmpty else { return status }
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            try Self.refreshProgress(db, strategy: access.strategy, sectionIDs: stale)
            return try Self.translationStatus(db, strategyID: strategyID, account: account).status
        }
    }

    static func translationStatus(
        _ db: Database, strategyID: Int64, account: Account
    ) throws -> (status: TranslationStatus, stale: [Int64]) {
        let access = try authorize(db, account: account, strategyID: strategyID, action: .read)
        let strategy = access.strategy
        let outline = try liveOutline(db, strategyID: strategyID)
        // Each section's counts per language, by the language's place in the strategy's list. Columns are read by
        // position: this runs for every section of every language on each status read.
        var progress: [Int64: [(revision: Int, counts: TranslationCounts)?]] = [:]
        if !strategy.translations.isEmpty {
            let places = Dictionary(uniqueKeysWithValues: strategy.translations.enumerated().map { ($1, $0) })
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT progress.sectionId, progress.language, progress.sourceRevision, progress.current, progress.outdated,
                               progress.missing
                        FROM translationProgress AS progress JOIN section ON section.id = progress.sectionId
                        WHERE section.strategyId = ? AND section.removedAt IS NULL
                        """), arguments: [strategyID]
            )
            while let row = try rows.next() {
                guard let place = places[row[1] as String] else { continue }
                let sectionID: Int64 = row[0]
                var kept = progress[sectionID] ?? Array(repeating: nil, count: places.count)
                kept[place] = (row[2], TranslationCounts(current: row[3], outdated: row[4], missing: row[5]))
                progress[sectionID] = kept
            }
        }
        var stale: [Int64] = []
        var languages = strategy.translations.map { TranslationStatus.Language(language: $0, counts: TranslationCounts(), sections: []) }
        for entry in outline {
            for index in languages.indices {
                guard let kept = progress[entry.id]?[index], kept.revision == entry.revision else {
                    if stale.last != entry.id { stale.append(entry.id) }
                    continue
                }
                languages[index].counts = languages[index].counts + kept.counts
                languages[index].sections.append(
                    TranslationStatus.Section(id: entry.id, number: entry.number, heading: entry.heading, counts: kept.counts)
                )
            }
        }
        return (TranslationStatus(sourceLanguage: strategy.language, languages: languages), stale)
    }

    /// A section's translation into `language` as it stands now: every unit with its state, the source, the
    /// translation and, for outdated and missing units, what the translation memory offers.
    public func sectionTranslation(
        strategyID: Int64, sectionID: Int64, language: String, for account: Account
    ) async throws -> SectionTranslation {
        let known = try read { db -> SectionTranslation? in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadTranslation(db, access: access, sectionID: sectionID, language: access.targetLanguage(language), laying: false)
        }
        if let known { return known }
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadTranslation(db, access: access, sectionID: sectionID, language: access.targetLanguage(language), laying: true)!
        }
    }

    /// The translation on the section's current revision; nil when that revision has no layout yet and `laying`
    /// is false (reads cannot store one).
    static func loadTranslation(
        _ db: Database, access: Access, sectionID: Int64, language: String, laying: Bool
    ) throws -> SectionTranslation? {
        let section = try loadSection(db, strategyID: access.strategy.id, id: sectionID)
        let text = SectionText(heading: section.heading, body: section.body)
        let layout: UnitLayout
        if laying {
            layout = try ensureLayout(db, sectionID: sectionID, revision: section.revision, body: section.body)
        } else {
            guard let stored = try storedLayout(db, sectionID: sectionID, revision: section.revision) else { return nil }
            layout = stored
        }
        let number = try translationNumber(db, sectionID: sectionID, language: language)
        let units = try translatedUnits(
            db, strategyID: access.strategy.id, sectionID: sectionID, language: language, text: text, layout: layout, number: number
        )
        if laying {
            try storeProgress(db, sectionID: sectionID, language: language, sourceRevision: section.revision, number: number, counts: counts(units))
        }
        let saved = try db.row(
            "SELECT authorId, createdAt FROM translation WHERE sectionId = ? AND language = ? AND number = ?", [sectionID, language, number]
        )
        return SectionTranslation(
            strategyID: access.strategy.id, sectionID: sectionID, language: language, sourceLanguage: access.strategy.language,
            sourceRevision: section.revision, revision: number, units: units, updatedAt: saved?["createdAt"], updatedBy: saved?["authorId"]
        )
    }

    /// Saves units of a section's translation into `language` as one new translation revision, if the caller saw
    /// the current one (`ifMatch` names the translation's revision). Each unit names the source revision its
    /// text was translated from, so a unit translated from a text that changed meanwhile is saved as outdated.
    public func updateSectionTranslation(
        strategyID: Int64, sectionID: Int64, language: String, ifMatch: RevisionMatch, units: [UnitTranslationInput],
        origin: TranslationOrigin = .edit, by account: Account
    ) async throws -> SectionTranslation {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let language = try access.targetLanguage(language)
            try access.requireTranslation(language)
            return try Self.saveTranslation(
                db, access: access, sectionID: sectionID, language: language, ifMatch: ifMatch, units: units, origin: origin
            )
        }
    }

    /// The write of `updateSectionTranslation`, inside the caller's transaction (an XLIFF import saves several).
    static func saveTranslation(
        _ db: Database, access: Access, sectionID: Int64, language: String, ifMatch: RevisionMatch, units inputs: [UnitTranslationInput],
        origin: TranslationOrigin, fieldPrefix: String = "units"
    ) throws -> SectionTranslation {
        let strategyID = access.strategy.id
        let section = try loadSection(db, strategyID: strategyID, id: sectionID)
        if section.removed { throw DocumentModelError.conflict("the section has been removed from the strategy") }
        let number = try translationNumber(db, sectionID: sectionID, language: language)
        guard ifMatch.matches(number) else { throw DocumentModelError.preconditionFailed(currentRevision: number) }
        let layout = try ensureLayout(db, sectionID: sectionID, revision: section.revision, body: section.body)
        let current = try translatedUnits(
            db, strategyID: strategyID, sectionID: sectionID, language: language,
            text: SectionText(heading: section.heading, body: section.body), layout: layout, number: number, withMemory: false
        )
        var errors = FieldErrors()
        var changes: [(input: UnitTranslationInput, sourceText: String)] = []
        var seen: Set<String> = []
        for (index, input) in inputs.enumerated() {
            let field = "\(fieldPrefix)/\(index)"
            guard let unit = current.first(where: { $0.id == input.id }) else {
                errors.add("\(field)/id", "'\(input.id.prefix(40))' is not a unit of this section's current text")
                continue
            }
            guard seen.insert(input.id).inserted else {
                errors.add("\(field)/id", "is given twice")
                continue
            }
            TranslationRules.check(input.text, kind: unit.kind, field: "\(field)/text", into: &errors)
            guard let sourceText = try sourceText(db, sectionID: sectionID, unit: unit, at: input.sourceRevision, section: section, layout: layout)
            else {
                errors.add(
                    "\(field)/sourceRevision",
                    "this unit was not offered for translation at revision \(input.sourceRevision): read the translation again"
                )
                continue
            }
            if unit.text == input.text && unit.translatedSource == sourceText { continue }
            changes.append((input, sourceText))
        }
        try errors.throwIfAny()
        guard !changes.isEmpty else {
            return try loadTranslation(db, access: access, sectionID: sectionID, language: language, laying: true)!
        }
        let next = number + 1
        try db.run(
            """
            INSERT INTO translation (sectionId, language, number, sourceRevision, authorId, origin, createdAt)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [sectionID, language, next, section.revision, access.account.id, origin.rawValue, Date()]
        )
        for (input, sourceText) in changes {
            try db.run(
                """
                INSERT INTO translationUnit (sectionId, language, unitId, fromNumber, sourceRevision, sourceText, text)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [sectionID, language, input.id, next, input.sourceRevision, sourceText, input.text]
            )
            try db.run(
                """
                INSERT INTO translationMemory (strategyId, language, sourceHash, text) VALUES (?, ?, ?, ?)
                ON CONFLICT (strategyId, language, sourceHash) DO UPDATE SET text = excluded.text
                """, [strategyID, language, Hashing.sha256(sourceText), input.text]
            )
        }
        try appendActivity(
            db, strategyID: strategyID, actor: access.actor, action: .translationUpdated, subject: "section/\(sectionID)",
            detail: ["language": language, "revision": String(next), "units": String(changes.count)]
        )
        return try loadTranslation(db, access: access, sectionID: sectionID, language: language, laying: true)!
    }

    /// The text `unit` had at source revision `revision`: the current text, or that of a revision whose layout
    /// was stored (one a translator was shown); nil when the unit was never offered at that revision.
    private static func sourceText(
        _ db: Database, sectionID: Int64, unit: TranslatedUnit, at revision: Int, section: Section, layout: UnitLayout
    ) throws -> String? {
        if revision == section.revision { return unit.source }
        guard revision >= 1, revision < section.revision else { return nil }
        let text = try revisionText(db, sectionID: sectionID, number: revision)
        if unit.id == "heading" { return text.heading }
        guard let earlier = try storedLayout(db, sectionID: sectionID, revision: revision) else { return nil }
        return earlier.texts(in: text.body).first { $0.unit.name == unit.id }?.text
    }
}

extension AppDatabase {
    /// The revisions of a section's translation into `language`, newest first (any member may read them).
    public func translationRevisions(
        strategyID: Int64, sectionID: Int64, language: String, for account: Account
    ) async throws -> [TranslationRevision] {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let language = try access.targetLanguage(language)
            _ = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            return try db.rows(
                """
                SELECT translation.*, account.name AS authorName,
                       (SELECT count(*) FROM translationUnit AS unit
                        WHERE unit.sectionId = translation.sectionId AND unit.language = translation.language
                          AND unit.fromNumber = translation.number) AS units
                FROM translation JOIN account ON account.id = translation.authorId
                WHERE translation.sectionId = ? AND translation.language = ? ORDER BY translation.number DESC
                """, [sectionID, language]
            ).map { row in
                TranslationRevision(
                    number: row["number"], authorID: row["authorId"], authorName: row["authorName"], createdAt: row["createdAt"],
                    origin: TranslationOrigin(rawValue: row["origin"]) ?? .edit, sourceRevision: row["sourceRevision"], units: row["units"]
                )
            }
        }
    }
}

/// How a translation revision was made.
public enum TranslationOrigin: String, Sendable {
    case edit
    case xliff
}

extension AppDatabase {
    /// Each live section's heading in `language` where one was translated (outdated ones too: a heading is better
    /// read in the reader's language than not), for the outline of a strategy read in that language.
    public func translatedHeadings(strategyID: Int64, language: String, for account: Account) async throws -> [Int64: String] {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let language = try access.targetLanguage(language)
            let rows = try db.rows(
                """
                SELECT unit.sectionId, unit.text FROM translationUnit AS unit JOIN section ON section.id = unit.sectionId
                WHERE section.strategyId = ? AND unit.language = ? AND unit.unitId = 'heading'
                ORDER BY unit.sectionId, unit.fromNumber
                """, [strategyID, language]
            )
            var headings: [Int64: String] = [:]
            for row in rows { headings[row["sectionId"]] = row["text"] }
            return headings
        }
    }
}
