import DocumentModel
import Foundation
import Hummingbird

/// Sections of a strategy and their revisions.
struct SectionsController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/sections", method: .post, use: create)
        routes.on("/strategies/{strategy}/sections", method: .get, use: outline)
        routes.on("/strategies/{strategy}/sections/{section}", method: .get, use: get)
        routes.on("/strategies/{strategy}/sections/{section}", method: .put, use: replace)
        routes.on("/strategies/{strategy}/sections/{section}", method: .patch, use: move)
        routes.on("/strategies/{strategy}/sections/{section}", method: .delete, use: remove)
        routes.on("/strategies/{strategy}/sections/{section}/revisions", method: .get, use: revisions)
        routes.on("/strategies/{strategy}/sections/{section}/revisions/{revision}", method: .get, use: revision)
        return routes
    }

    @Sendable func create(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .editSections, in: database, for: account)) {
            try await JSONBodyReader.decode(CreateSectionRequest.self, from: request, context: context)
        }
        let section = try await database.createSection(
            strategyID: strategyID,
            NewSection(heading: body.heading, body: body.body, parentID: body.parent, position: body.position, message: body.message),
            by: account
        )
        return Self.sectionResponse(section, status: .created)
    }

    @Sendable func outline(request: Request, context: AuthenticatedContext) async throws -> Response {
        let outline = try await database.outline(strategyID: try context.parameters.id("strategy"), for: context.account)
        return JSONResponse.make(ListPage(items: outline.map(OutlineEntry.init), nextCursor: nil))
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let section = try await database.section(
            strategyID: try context.parameters.id("strategy"), id: try context.parameters.id("section"),
            for: context.account
        )
        let response = Self.sectionResponse(section)
        return IfNoneMatch.notModified(request, response: response) ?? response
    }

    @Sendable func replace(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let (ifMatch, body) = try await RequestPipeline.input(checking: .strategy(strategyID, .editSections, in: database, for: account)) {
            (try IfMatch.revision(request), try await JSONBodyReader.decode(UpdateSectionRequest.self, from: request, context: context))
        }
        let section = try await database.updateSection(
            strategyID: strategyID, id: sectionID, ifMatch: ifMatch, heading: body.heading, body: body.body,
            message: body.message, by: account
        )
        return Self.sectionResponse(section)
    }

    @Sendable func move(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let (ifMatch, body) = try await RequestPipeline.input(checking: .strategy(strategyID, .editSections, in: database, for: account)) {
            (try IfMatch.revision(request), try await JSONBodyReader.decode(MoveSectionRequest.self, from: request, context: context))
        }
        let section = try await database.moveSection(
            strategyID: strategyID, id: sectionID, ifMatch: ifMatch,
            move: SectionMove(parentID: body.parent, position: body.position), message: body.message, by: account
        )
        return Self.sectionResponse(section)
    }

    @Sendable func remove(request: Request, context: AuthenticatedContext) async throws -> Response {
        try await database.removeSection(
            strategyID: try context.parameters.id("strategy"), id: try context.parameters.id("section"),
            ifMatch: IfMatch.optional(request), by: context.account
        )
        return JSONResponse.noContent()
    }

    @Sendable func revisions(request: Request, context: AuthenticatedContext) async throws -> Response {
        let paging = try Paging(request)
        let page = try await database.revisions(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            after: paging.after, limit: paging.limit, for: context.account
        )
        return JSONResponse.make(
            ListPage(items: page.items.map { RevisionResponse($0, includeBody: false) }, nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func revision(request: Request, context: AuthenticatedContext) async throws -> Response {
        let revision = try await database.revision(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            number: try context.parameters.number("revision"), for: context.account
        )
        return JSONResponse.make(RevisionResponse(revision, includeBody: true))
    }

    /// The section as JSON; its `ETag` is the revision, which `If-Match` names to change it and `If-None-Match`
    /// to ask whether it changed (304).
    static func sectionResponse(_ section: Section, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.eTag: JSONResponse.eTag(section.revision)]
        if status == .created { headers[.location] = "/strategies/\(section.strategyID)/sections/\(section.id)" }
        return JSONResponse.make(SectionResponse(section), status: status, headers: headers)
    }
}

struct CreateSectionRequest: RequestBody {
    static let fields: Set<String> = ["heading", "body", "parent", "position", "message"]
    var heading: String
    var body: String
    var parent: Int64?
    var position: Int?
    var message: String?
}

struct UpdateSectionRequest: RequestBody {
    static let fields: Set<String> = ["heading", "body", "message"]
    var heading: String
    var body: String
    var message: String?
}

/// `parent: null` moves to the top level; an absent `parent` keeps the current one.
struct MoveSectionRequest: RequestBody {
    static let fields: Set<String> = ["parent", "position", "message"]
    var parent: Int64??
    var position: Int?
    var message: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.parent) {
            parent = .some(try container.decodeNil(forKey: .parent) ? nil : try container.decode(Int64.self, forKey: .parent))
        }
        position = try container.decodeIfPresent(Int.self, forKey: .position)
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }

    enum CodingKeys: String, CodingKey { case parent, position, message }
}

struct SectionResponse: JSONWritable {
    var section: Section

    init(_ section: Section) { self.section = section }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("body", section.body)
            json.field("heading", section.heading)
            json.field("id", section.id)
            json.field("number", section.number)
            json.field("parent", section.parentID)
            json.field("position", section.position)
            json.field("removed", section.removed)
            json.field("revision", section.revision)
            json.field("updatedAt", section.updatedAt)
            json.field("updatedBy", section.updatedBy)
        }
    }
}

struct OutlineEntry: JSONWritable {
    var entry: SectionOutline

    init(_ entry: SectionOutline) { self.entry = entry }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("heading", entry.heading)
            json.field("id", entry.id)
            json.field("number", entry.number)
            json.field("parent", entry.parentID)
            json.field("position", entry.position)
            json.field("revision", entry.revision)
            json.field("updatedAt", entry.updatedAt)
        }
    }
}

struct RevisionResponse: JSONWritable {
    var revision: Revision
    var includeBody: Bool

    init(_ revision: Revision, includeBody: Bool) {
        self.revision = revision
        self.includeBody = includeBody
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.person("author", id: revision.authorID, name: revision.authorName)
            if includeBody { json.field("body", revision.body) }
            json.field("createdAt", revision.createdAt)
            json.field("group", revision.group)
            json.field("heading", revision.heading)
            json.field("message", revision.message)
            json.field("number", revision.number)
            json.field("section", revision.sectionID)
            json.key("source")
            json.object { json in
                json.field("kind", revision.source.kind)
                // Absent, not null, for sources that name nothing (as the encoder it replaces wrote it).
                if let reference = revision.source.reference { json.field("reference", reference) }
            }
        }
    }
}
