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
                db, strategyID: strategyID, actor: access.actor, action: "strategy.published", subject: "strategy/\(strategyID)",
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
                db, strategyID: strategyID, actor: access.actor, action: "strategy.unpublished", subject: "strategy/\(strategyID)"
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

    static func publication(_ db: Database, strategyID: Int64) throws -> Publication? {
        try db.row("SELECT * FROM publication WHERE strategyId = ?", [strategyID]).map(publication)
    }

    static func publication(_ row: Row) -> Publication {
        Publication(strategyID: row["strategyId"], slug: row["slug"], publishedAt: row["publishedAt"])
    }
}
