import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// Drafts: immutable snapshots of the strategy, and their comparison section by section.
struct DraftsController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/drafts", method: .post, use: create)
        routes.on("/strategies/{strategy}/drafts", method: .get, use: list)
        routes.on("/strategies/{strategy}/drafts/{draft}", method: .get, use: get)
        routes.on("/strategies/{strategy}/drafts/{draft}/compare/{other}", method: .get, use: compare)
        return routes
    }

    @Sendable func create(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .cutDraft, in: database, for: account)) {
            try await JSONBodyReader.decode(CreateDraftRequest.self, from: request, context: context)
        }
        let draft = try await database.createDraft(strategyID: strategyID, title: body.title, note: body.note, by: account)
        return JSONResponse.make(
            DraftResponse(draft, includeSections: true), status: .created,
            headers: [.location: "/strategies/\(strategyID)/drafts/\(draft.number)"]
        )
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        let page = try await database.drafts(
            strategyID: try context.parameters.id("strategy"), after: paging.after, limit: paging.limit,
            for: context.account
        )
        return JSONResponse.make(
            ListPage(items: page.items.map { DraftResponse($0, includeSections: false) }, nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let draft = try await database.draft(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("draft"),
            for: context.account
        )
        return JSONResponse.make(DraftResponse(draft, includeSections: true))
    }

    @Sendable func compare(request: Request, context: AuthenticatedContext) async throws -> Response {
        let comparison = try await database.compareDrafts(
            strategyID: try context.parameters.id("strategy"), from: try context.parameters.number("draft"),
            to: try context.parameters.number("other"), language: request.uri.queryParameters["lang"].map(String.init),
            for: context.account
        )
        return JSONResponse.make(ComparisonResponse(comparison))
    }
}

struct CreateDraftRequest: RequestBody {
    static let fields: Set<String> = ["title", "note"]
    var title: String
    var note: String?
}

struct DraftResponse: JSONWritable {
    var draft: Draft
    var includeSections: Bool

    init(_ draft: Draft, includeSections: Bool) {
        self.draft = draft
        self.includeSections = includeSections
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.person("author", id: draft.authorID, name: draft.authorName)
            json.field("createdAt", draft.createdAt)
            json.field("note", draft.note)
            json.field("number", draft.number)
            json.field("sectionCount", draft.sectionCount)
            if includeSections {
                json.key("sections")
                json.array(draft.sections) { json, section in DraftSectionResponse(section).write(to: &json) }
            }
            json.field("title", draft.title)
        }
    }
}

struct DraftSectionResponse: JSONWritable {
    var section: DraftSection

    init(_ section: DraftSection) { self.section = section }

    func write(to json: inout JSONWriter) {
        json.object { json in
            if let body = section.body { json.field("body", body) }
            json.field("heading", section.heading)
            json.field("id", section.sectionID)
            json.field("number", section.number)
            json.field("parent", section.parentID)
            json.field("position", section.position)
            json.field("revision", section.revision)
        }
    }
}

struct ComparisonResponse: JSONWritable {
    var comparison: DraftComparison

    init(_ comparison: DraftComparison) { self.comparison = comparison }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("from", comparison.from)
            json.key("sections")
            json.array(comparison.sections) { json, entry in
                json.object { json in
                    json.key("after")
                    if let after = entry.after { DraftSectionResponse(after).write(to: &json) } else { json.null() }
                    json.key("before")
                    if let before = entry.before { DraftSectionResponse(before).write(to: &json) } else { json.null() }
                    json.key("changes")
                    json.array(entry.changes) { json, change in json.string(change.rawValue) }
                    if let diff = entry.diff {
                        json.key("diff")
                        WordRedline(diff).write(to: &json)
                    }
                    json.field("id", entry.sectionID)
                }
            }
            let summary = comparison.summary
            json.key("summary")
            json.object { json in
                for change in SectionComparison.Change.allCases.sorted(by: { $0.rawValue < $1.rawValue }) {
                    json.field(change.rawValue, summary[change] ?? 0)
                }
            }
            json.field("to", comparison.to)
        }
    }
}
