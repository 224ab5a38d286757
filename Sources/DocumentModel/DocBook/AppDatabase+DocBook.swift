import Foundation
import GRDB

extension AppDatabase {
    /// The strategy as DocBook 5 (any member may read it): its current text, or draft `draft`; with `since`, a
    /// redline against draft `since`; with `language`, in that translation (a unit not yet translated, or whose
    /// source changed since, in the source language with its own `xml:lang`).
    public func exportDocBook(
        strategyID: Int64, draft: Int? = nil, since: Int? = nil, language: String? = nil, for account: Account
    ) async throws -> [UInt8] {
        let access = try authorize(strategyID: strategyID, action: .read, for: account)
        let language = try language.map { $0 == access.strategy.language ? $0 : try access.targetLanguage($0) }
        return try await heavyWork.run {
            let source = try self.read { db in
                try Self.docBookSource(db, strategyID: strategyID, draft: draft, since: since, language: language)
            }
            return DocBookExporter.export(source)
        }
    }

    /// The same, for the operator on the command line (who holds the database file).
    public func exportDocBook(strategyID: Int64, draft: Int? = nil, since: Int? = nil, language: String? = nil) async throws -> [UInt8] {
        let source = try read { db in
            try Self.docBookSource(db, strategyID: strategyID, draft: draft, since: since, language: language)
        }
        return DocBookExporter.export(source)
    }

    /// Reads a DocBook document and creates a strategy from it (admin), as heavy work: parsing a large document
    /// must not hold up the requests behind it. `DocBookImportError`s say why a document is refused.
    public func importDocBook(
        _ document: [UInt8], limit: Int, lenient: Bool, by account: Account
    ) async throws -> (strategy: Strategy, unmapped: [String]) {
        try requireImport(account)
        return try await heavyWork.run {
            let imported = try DocBookImporter.read(document, limit: limit, lenient: lenient)
            return (try await self.importStrategy(imported, by: account), imported.unmapped)
        }
    }

    /// Creates a strategy from an imported document in one transaction: its groups, its sections with their
    /// anchors (revisions authored by `account`, an admin), and one activity entry.
    public func importStrategy(_ imported: DocBookImport, by account: Account) async throws -> Strategy {
        try requireImport(account)
        let source = imported.source
        var errors = FieldErrors()
        errors.text(source.title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(source.summary, field: "summary", maxLength: TextRules.maxSummaryLength, allowEmpty: true)
        for group in source.groups {
            errors.text(group.name, field: "groups/\(group.key)", maxLength: TextRules.maxNameLength, singleLine: true)
        }
        // Every body was checked, cut into chunks and hashed while the document was parsed. Which of its chunks
        // are stored already needs no writer either: asked before the write, on all cores (`knownIDs`).
        var flat: [DocBookSource.Section] = []
        func collect(_ sections: [DocBookSource.Section]) {
            for section in sections {
                flat.append(section)
                collect(section.sections)
            }
        }
        collect(source.sections)
        for (section, body) in zip(flat, imported.bodies) {
            errors.text(section.heading, field: "section \(section.number)/title", maxLength: TextRules.maxHeadingLength, singleLine: true)
            errors.add(contentsOf: body.errors)
        }
        guard errors.isEmpty else { throw DocumentModelError.invalid(Array(errors.all.prefix(50))) }
        let bodies = imported.bodies.map { $0.prepared! }
        let parts = bodies.reduce(0) { $0 + $1.digests.count } >= 2048 ? 2 * ProcessInfo.processInfo.activeProcessorCount : 1
        let known = try ChunkBatch.knownIDs(of: bodies, parts: parts) { lookup in try self.read(lookup) }
        let actor = Actor(accountID: account.id, group: nil)
        let batch = ChunkBatch(bodies, known: known)
        return try await write { db in
            let now = Date()
            let lists = try batch.store(in: db)
            // The document's language, else the importer's interface language, else English.
            let language = imported.declaredLanguage ?? account.language.flatMap(LanguageTag.canonical) ?? "en"
            try db.run(
                "INSERT INTO strategy (title, summary, phase, createdAt, language) VALUES (?, ?, ?, ?, ?)",
                [source.title, source.summary, Phase.drafting.rawValue, now, language]
            )
            let id = db.lastInsertedRowID
            for (index, group) in source.groups.enumerated() {
                try db.run(
                    "INSERT INTO stakeholderGroup (strategyId, key, name, position) VALUES (?, ?, ?, ?)", [id, group.key, group.name, index]
                )
            }
            var count = 0
            func insert(_ sections: [DocBookSource.Section], parent: Int64?) throws {
                for (index, section) in sections.enumerated() {
                    try db.run(
                        "INSERT INTO section (strategyId, parentId, position, currentRevision, anchor) VALUES (?, ?, ?, 1, ?)",
                        [id, parent, index + 1, section.anchor.isEmpty ? nil : section.anchor]
                    )
                    let sectionID = db.lastInsertedRowID
                    try Self.insertRevision(
                        db, sectionID: sectionID, number: 1, heading: section.heading, body: section.body, actor: actor,
                        message: "imported", source: .created, chunkList: lists[count], at: now
                    )
                    count += 1
                    try insert(section.sections, parent: sectionID)
                }
            }
            try insert(source.sections, parent: nil)
            try Self.appendActivity(
                db, strategyID: id, actor: actor, action: .strategyImported, subject: "strategy/\(id)",
                detail: ["title": source.title, "sections": String(count), "unmapped": String(imported.unmapped.count)]
            )
            // A facilitator who imports runs the new strategy; an administrator acts in every strategy already.
            if !account.admin {
                guard try Self.mayImport(db, account) else { throw DocumentModelError.forbidden("only an admin or a facilitator may import") }
                try db.run(
                    "INSERT INTO membership (strategyId, accountId, role, groupKey) VALUES (?, ?, ?, NULL)",
                    [id, account.id, Role.facilitator.rawValue]
                )
                try Self.appendActivity(
                    db, strategyID: id, actor: actor, action: .memberAdded, subject: "account/\(account.id)",
                    detail: ["role": Role.facilitator.rawValue, "group": ""]
                )
            }
            return Strategy(
                id: id, title: source.title, summary: source.summary, phase: .drafting, groups: source.groups, createdAt: now,
                language: language
            )
        }
    }
}
