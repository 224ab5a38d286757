import Foundation
import GRDB

/// Translators' own tools: a language's outdated and missing units out as XLIFF 1.2, and the file a CAT tool
/// returns back in.
extension AppDatabase {
    /// The outdated and missing units of every live section in `language`, as XLIFF 1.2 (any member may read it).
    public func exportXLIFF(strategyID: Int64, language: String, for account: Account) async throws -> [UInt8] {
        let (access, language) = try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return (access, try access.targetLanguage(language))
        }
        // Lay out what changed since the last reader first, so every unit id exported is one a save knows.
        _ = try await translationStatus(strategyID: strategyID, for: account)
        return try await heavyWork.run {
            let files = try self.read { db in
                try Self.liveOutline(db, strategyID: strategyID).compactMap { entry -> XLIFF.FileEntry? in
                    guard let translation = try Self.loadTranslation(db, access: access, sectionID: entry.id, language: language, laying: false)
                    else { return nil }
                    let units = translation.units.filter { $0.state != .current }
                    return units.isEmpty ? nil : XLIFF.FileEntry(sectionID: entry.id, title: "\(entry.number) \(entry.heading)", units: units)
                }
            }
            return XLIFF.write(strategyTitle: access.strategy.title, sourceLanguage: access.strategy.language, language: language, files: files)
        }
    }

    /// Reads a returned XLIFF file into the translation into `language`: every unit whose source is still the
    /// current text and whose target is filled in is saved, one translation revision per section, in one
    /// transaction; a unit whose source changed since the export, or whose text breaks a rule, is refused by id.
    /// A file naming a section or unit this strategy does not have is refused whole (422), as are the hostile ones.
    public func importXLIFF(
        _ bytes: [UInt8], strategyID: Int64, language: String, limit: Int, by account: Account
    ) async throws -> XLIFFImportReport {
        let access = try authorize(strategyID: strategyID, action: .read, for: account)
        let language = try access.targetLanguage(language)
        try access.requireTranslation(language)
        let units = try await heavyWork.run { try XLIFF.read(bytes, limit: limit, language: language) }
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            try access.requireTranslation(language)
            var report = XLIFFImportReport(revisions: 0, saved: 0, unchanged: 0, refused: [])
            let bySection = Dictionary(grouping: units, by: \.sectionID)
            for sectionID in bySection.keys.sorted() {
                guard
                    let section = try? Self.loadSection(db, strategyID: strategyID, id: sectionID), !section.removed
                else {
                    throw DocumentModelError.invalid(
                        "units", "section \(sectionID) is not a section of this strategy (unit \(bySection[sectionID]![0].id))")
                }
                let current = try Self.loadTranslation(db, access: access, sectionID: sectionID, language: language, laying: true)!
                var inputs: [UnitTranslationInput] = []
                for unit in bySection[sectionID]! {
                    guard let now = current.units.first(where: { $0.id == unit.unit }) else {
                        throw DocumentModelError.invalid("units", "\(unit.id) is not a unit of this section's current text")
                    }
                    guard let target = unit.target?.trimmingCharacters(in: .whitespacesAndNewlines), !target.isEmpty else { continue }
                    guard now.source == unit.source else {
                        report.refused.append(.init(id: unit.id, reason: "the source changed since the export: export again"))
                        continue
                    }
                    var errors = FieldErrors()
                    TranslationRules.check(target, kind: now.kind, field: unit.id, into: &errors)
                    if let error = errors.all.first {
                        report.refused.append(.init(id: unit.id, reason: error.message))
                        continue
                    }
                    if now.state == .current && now.text == target {
                        report.unchanged += 1
                        continue
                    }
                    inputs.append(UnitTranslationInput(id: unit.unit, text: target, sourceRevision: current.sourceRevision))
                }
                guard !inputs.isEmpty else { continue }
                let saved = try Self.saveTranslation(
                    db, access: access, sectionID: sectionID, language: language, ifMatch: .any, units: inputs, origin: .xliff
                )
                if saved.revision > current.revision {
                    report.revisions += 1
                    report.saved += inputs.count
                }
            }
            return report
        }
    }
}
