import Foundation
import GRDB

/// Publishing an adopted strategy for everyone to read, and taking it down again.
extension AppDatabase {
    /// Publishes the adopted strategy (facilitators; 409 before adoption). Publishing again keeps the slug; the
    /// flag tells whether this call created the publication.
    public func publish(strategyID: Int64, by account: Account) async throws -> (Publication, created: Bool) {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .publish)
            if let existing = try Self.publication(db, strategyID: strategyID) { return (existing, false) }
            let publication = Publication(
                strategyID: strategyID, slug: PublicationSlug.make(title: access.strategy.title, strategyID: strategyID),
                publishedAt: Date()
            )
            try db.run(
                "INSERT INTO publication (strategyId, slug, publishedAt, publishedBy) VALUES (?, ?, ?, ?)",
                [strategyID, publication.slug, publication.publishedAt, account.id]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .strategyPublished, subject: "strategy/\(strategyID)",
                detail: ["slug": publication.slug]
            )
            return (publication, true)
        }
    }

    /// Takes the public page down (facilitators); 404 when it was not published.
    public func unpublish(strategyID: Int64, by account: Account) async throws {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .publish)
            try db.run("DELETE FROM publication WHERE strategyId = ?", [strategyID])
            guard db.changesCount > 0 else { throw DocumentModelError.notFound("publication") }
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .strategyUnpublished, subject: "strategy/\(strategyID)"
            )
        }
    }

    /// The strategy's publication, for any member.
    public func publication(strategyID: Int64, for account: Account) throws -> Publication? {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.publication(db, strategyID: strategyID)
        }
    }

    /// The publication with this slug, for anyone: this is what makes a strategy public.
    public func publication(slug: String) throws -> Publication? {
        try read { db in
            try db.row("SELECT * FROM publication WHERE slug = ?", [slug]).map(Self.publication)
        }
    }

    /// The published strategy with this slug, for anyone (nil: not published, or no longer); with `language`
    /// (one of its translations; any other is ignored), each section's units in it as the adopted draft froze them.
    public func publishedStrategy(slug: String, language: String? = nil) async throws -> PublishedStrategy? {
        try read { db in
            guard let publication = try db.row("SELECT * FROM publication WHERE slug = ?", [slug]).map(Self.publication),
                let strategy = try Self.fetchStrategy(db, id: publication.strategyID), let adopted = strategy.adoptedDraft
            else { return nil }
            let draft = try Self.loadDraft(db, strategyID: strategy.id, number: adopted, withBodies: true)
            var history: [Int64: [Revision]] = [:]
            for section in draft.sections {
                history[section.sectionID] = try db.rows(
                    """
                    SELECT revision.*, account.name AS authorName FROM revision JOIN account ON account.id = revision.authorId
                    WHERE sectionId = ? AND number <= ? ORDER BY number
                    """, [section.sectionID, section.revision]
                ).map { try Self.revision(db, $0) }
            }
            let signoffs = try Self.loadDraftSignoffs(db, strategy: strategy, draft: adopted)
            var published = PublishedStrategy(publication: publication, strategy: strategy, draft: draft, history: history, signoffs: signoffs)
            if let language = language.flatMap(LanguageTag.canonical), strategy.translations.contains(language) {
                let sections = draft.sections.map {
                    SnapshotSection(
                        id: $0.sectionID, parentID: $0.parentID, number: $0.number, heading: $0.heading, body: $0.body ?? "",
                        revision: $0.revision
                    )
                }
                published.language = language
                published.units = try Self.snapshotUnits(db, strategy: strategy, sections, language: language, draft: adopted)
            }
            return published
        }
    }

    /// The DocBook of a published strategy's adopted draft, for anyone.
    public func publishedDocBook(slug: String, language: String? = nil) async throws -> [UInt8]? {
        guard let publication = try publication(slug: slug),
            let strategy = try read({ db in try Self.fetchStrategy(db, id: publication.strategyID) }), let draft = strategy.adoptedDraft
        else { return nil }
        let language = language.flatMap(LanguageTag.canonical).flatMap { strategy.translations.contains($0) ? $0 : nil }
        return try await heavyWork.run {
            try await self.exportDocBook(strategyID: publication.strategyID, draft: draft, language: language)
        }
    }

    static func publication(_ db: Database, strategyID: Int64) throws -> Publication? {
        try db.row("SELECT * FROM publication WHERE strategyId = ?", [strategyID]).map(publication)
    }

    static func publication(_ row: Row) -> Publication {
        Publication(strategyID: row["strategyId"], slug: row["slug"], publishedAt: row["publishedAt"])
    }
}
