import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// Drafts: immutable snapshots of the strategy, and their comparison section by section.
struct DraftsController {
    let database: AppDatabase

    func register(in routes: RouteTable) {
        routes.add(.post, "/strategies/{strategy}/drafts", create)
        routes.add(.get, "/strategies/{strategy}/drafts", list)
        routes.add(.get, "/strategies/{strategy}/drafts/{draft}", get)
        routes.add(.get, "/strategies/{strategy}/drafts/{draft}/compare/{other}", compare)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let body = try await JSONBodyReader.decode(CreateDraftRequest.self, from: request, context: context) {
            _ = try await database.strategy(id: strategyID, for: account)
        }
        let draft = try await database.createDraft(strategyID: strategyID, title: body.title, note: body.note, by: account)
        return try JSONResponse.make(
            DraftResponse(draft, includeSections: true), status: .created,
            headers: [.location: "/strategies/\(strategyID)/drafts/\(draft.number)"]
        )
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let paging = try Paging(request)
        let page = try await database.drafts(
            strategyID: try context.parameters.id("strategy"), after: paging.after, limit: paging.limit,
            for: try context.requireAccount()
        )
        return try JSONResponse.make(
            ListPage(items: page.items.map { DraftResponse($0, includeSections: false) }, nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await database.draft(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("draft"),
            for: try context.requireAccount()
        )
        return try JSONResponse.make(DraftResponse(draft, includeSections: true))
    }

    @Sendable func compare(request: Request, context: AppRequestContext) async throws -> Response {
        let comparison = try await database.compareDrafts(
            strategyID: try context.parameters.id("strategy"), from: try context.parameters.number("draft"),
            to: try context.parameters.number("other"), for: try context.requireAccount()
        )
        return try JSONResponse.make(ComparisonResponse(comparison))
    }
}

struct CreateDraftRequest: RequestBody {
    static let fields: Set<String> = ["title", "note"]
    var title: String
    var note: String?
}

struct DraftResponse: Encodable, Sendable {
    var draft: Draft
    var includeSections: Bool

    init(_ draft: Draft, includeSections: Bool) {
        self.draft = draft
        self.includeSections = includeSections
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(draft.number, forKey: .number)
        try container.encode(draft.title, forKey: .title)
        try container.encode(draft.note, forKey: .note)
        try container.encode(AmendmentResponse.Person(id: draft.authorID, name: draft.authorName), forKey: .author)
        try container.encode(draft.createdAt, forKey: .createdAt)
        try container.encode(draft.sectionCount, forKey: .sectionCount)
        if includeSections { try container.encode(draft.sections.map(DraftSectionResponse.init), forKey: .sections) }
    }

    enum CodingKeys: String, CodingKey { case number, title, note, author, createdAt, sectionCount, sections }
}

struct DraftSectionResponse: Encodable, Sendable {
    var section: DraftSection

    init(_ section: DraftSection) { self.section = section }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section.sectionID, forKey: .id)
        try container.encode(section.number, forKey: .number)
        try container.encode(section.parentID, forKey: .parent)
        try container.encode(section.position, forKey: .position)
        try container.encode(section.heading, forKey: .heading)
        try container.encode(section.revision, forKey: .revision)
        if let body = section.body { try container.encode(body, forKey: .body) }
    }

    enum CodingKeys: String, CodingKey { case id, number, parent, position, heading, revision, body }
}

struct ComparisonResponse: Encodable, Sendable {
    var comparison: DraftComparison

    init(_ comparison: DraftComparison) { self.comparison = comparison }

    struct SectionEntry: Encodable, Sendable {
        var entry: SectionComparison

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.sectionID, forKey: .id)
            try container.encode(entry.changes.map(\.rawValue), forKey: .changes)
            try container.encode(entry.before.map(DraftSectionResponse.init), forKey: .before)
            try container.encode(entry.after.map(DraftSectionResponse.init), forKey: .after)
            if let diff = entry.diff { try container.encode(WordRedline(diff).paragraphs, forKey: .diff) }
        }

        enum CodingKeys: String, CodingKey { case id, changes, before, after, diff }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(comparison.from, forKey: .from)
        try container.encode(comparison.to, forKey: .to)
        var summary: [String: Int] = [:]
        for (change, count) in comparison.summary { summary[change.rawValue] = count }
        try container.encode(summary, forKey: .summary)
        try container.encode(comparison.sections.map(SectionEntry.init), forKey: .sections)
    }

    enum CodingKeys: String, CodingKey { case from, to, summary, sections }
}
