import GRDB

/// A snapshot of the strategy (the live text or a draft) in one target language, for exports and publication.
extension AppDatabase {
    /// Each section's heading and body as its translation into `language` has them: as it stands now, or as
    /// draft `draft` froze it. Only current units are the translation's; the others keep the source text, each
    /// marked with the source language.
    static func translatedSnapshot(
        _ db: Database, strategy: Strategy, _ sections: [SnapshotSection], language: String, draft: Int?
    ) throws -> [SnapshotSection] {
        let units = try snapshotUnits(db, strategy: strategy, sections, language: language, draft: draft)
        return sections.map { translatedSection($0, units: units[$0.id] ?? [], sourceLanguage: strategy.language) }
    }

    /// Each section's units in `language`: as the translation stands now, or as draft `draft` froze it.
    static func snapshotUnits(
        _ db: Database, strategy: Strategy, _ sections: [SnapshotSection], language: String, draft: Int?
    ) throws -> [Int64: [TranslatedUnit]] {
        var frozen: [Int64: Int] = [:]
        if let draft {
            for row in try db.rows(
                "SELECT sectionId, number FROM draftTranslation WHERE strategyId = ? AND draftNumber = ? AND language = ?",
                [strategy.id, draft, language]
            ) { frozen[row["sectionId"]] = row["number"] }
        }
        var units: [Int64: [TranslatedUnit]] = [:]
        for section in sections {
            let layout = try layoutForReading(db, sectionID: section.id, revision: section.revision, body: section.body)
            let number = draft == nil ? try translationNumber(db, sectionID: section.id, language: language) : frozen[section.id] ?? 0
            units[section.id] = try translatedUnits(
                db, strategyID: strategy.id, sectionID: section.id, language: language,
                text: SectionText(heading: section.heading, body: section.body), layout: layout, number: number, withMemory: false
            )
        }
        return units
    }

    /// The section with the translated units put in the source's block structure.
    static func translatedSection(_ section: SnapshotSection, units: [TranslatedUnit], sourceLanguage: String) -> SnapshotSection {
        var translated = section
        func text(_ unit: TranslatedUnit) -> (String, String?) {
            unit.state == .current ? (unit.text ?? unit.source, nil) : (unit.source, sourceLanguage)
        }
        if let heading = units.first(where: { $0.id == "heading" }) {
            (translated.heading, translated.headingLanguage) = text(heading)
        }
        var body = ""
        var languages: [String?] = []
        var previous: TranslatedUnit?
        var itemNumber = 0
        for unit in units where unit.id != "heading" {
            let (content, language) = text(unit)
            let sameList = previous.map { $0.kind == unit.kind && $0.list == unit.list && unit.kind != "paragraph" } ?? false
            if !body.isEmpty { body += sameList ? "\n" : "\n\n" }
            itemNumber = sameList ? itemNumber + 1 : 1
            switch unit.kind {
            case "bullet": body += "- " + content
            case "numbered": body += "\(itemNumber). " + content
            default: body += content
            }
            languages.append(language)
            previous = unit
        }
        translated.body = body
        translated.languages = languages
        return translated
    }
}

extension AppDatabase {
    /// A draft freezes every language: it records which translation revision each section had in each target
    /// language, and lays out the section's revision so its units are known when the draft is read in it.
    static func freezeTranslations(_ db: Database, strategy: Strategy, draft: Int, sectionID: Int64, revision: Int) throws {
        guard !strategy.translations.isEmpty else { return }
        let body = try revisionText(db, sectionID: sectionID, number: revision).body
        _ = try ensureLayout(db, sectionID: sectionID, revision: revision, body: body)
        for language in strategy.translations {
            try db.run(
                "INSERT INTO draftTranslation (strategyId, draftNumber, sectionId, language, number) VALUES (?, ?, ?, ?, ?)",
                [strategy.id, draft, sectionID, language, try translationNumber(db, sectionID: sectionID, language: language)]
            )
        }
    }

    /// For each target language, the sections of draft `draft` whose frozen translation is not current in full
    /// (outline numbers); empty when every language is complete.
    static func incompleteTranslations(_ db: Database, strategy: Strategy, draft: Int) throws -> [(language: String, sections: [String])] {
        let sections = try draftSnapshot(db, strategyID: strategy.id, number: draft)
        var incomplete: [(language: String, sections: [String])] = []
        for language in strategy.translations {
            let translated = try translatedSnapshot(db, strategy: strategy, sections, language: language, draft: draft)
            let behind = translated.filter { $0.headingLanguage != nil || $0.languages.contains { $0 != nil } }.map(\.number)
            if !behind.isEmpty { incomplete.append((language, behind)) }
        }
        return incomplete
    }
}

extension AppDatabase {
    /// Each target language of draft `draft` as the draft froze it: the sections (outline numbers) with units not
    /// current, empty for a language that is complete (any member may read it).
    public func draftTranslations(strategyID: Int64, draft: Int, for account: Account) async throws -> [(language: String, behind: [String])] {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            guard !access.strategy.translations.isEmpty else { return [] }
            let incomplete = try Self.incompleteTranslations(db, strategy: access.strategy, draft: draft)
            return access.strategy.translations.map { language in
                (language, incomplete.first { $0.language == language }?.sections ?? [])
            }
        }
    }
}
