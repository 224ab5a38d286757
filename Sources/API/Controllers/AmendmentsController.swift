import DiffEngine
import DocumentModel
import Foundation
import Hummingbird

/// Amendments: proposed, supported, withdrawn, rejected, accepted by a three-way merge, and their collisions.
struct AmendmentsController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/sections/{section}/amendments", method: .post, use: propose)
        routes.on("/strategies/{strategy}/sections/{section}/amendments", method: .get, use: listForSection)
        routes.on("/strategies/{strategy}/amendments", method: .get, use: list)
        routes.on("/strategies/{strategy}/amendments/{amendment}", method: .get, use: get)
        routes.on("/strategies/{strategy}/amendments/{amendment}/collisions", method: .get, use: collisions)
        routes.on("/strategies/{strategy}/amendments/{amendment}/support", method: .post, use: support)
        routes.on("/strategies/{strategy}/amendments/{amendment}/withdraw", method: .post, use: withdraw)
        routes.on("/strategies/{strategy}/amendments/{amendment}/reject", method: .post, use: reject)
        routes.on("/strategies/{strategy}/amendments/{amendment}/accept", method: .post, use: accept)
        return routes
    }

    @Sendable func propose(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .proposeAmendment, in: database, for: account)) {
            try await JSONBodyReader.decode(ProposeAmendmentRequest.self, from: request, context: context)
        }
        let amendment = try await database.proposeAmendment(
            strategyID: strategyID, sectionID: try context.parameters.id("section"),
            NewAmendment(baseRevision: body.baseRevision, heading: body.heading, body: body.body, rationale: body.rationale),
            by: account
        )
        return JSONResponse.make(
            try await AmendmentResponse.make(amendment, database: database), status: .created,
            headers: [.location: "/strategies/\(strategyID)/amendments/\(amendment.number)"]
        )
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        var sectionID: Int64?
        if let text = query["section"] {
            guard let value = Int64(String(text)), value > 0 else { throw Problem.badRequest("section must be a section id") }
            sectionID = value
        }
        return try await listPage(request: request, context: context, sectionID: sectionID)
    }

    /// A section's amendments; a section that is not in the strategy is 404, like every other section route.
    @Sendable func listForSection(request: Request, context: AuthenticatedContext) async throws -> Response {
        let sectionID = try context.parameters.id("section")
        _ = try await database.section(strategyID: try context.parameters.id("strategy"), id: sectionID, for: context.account)
        return try await listPage(request: request, context: context, sectionID: sectionID)
    }

    func listPage(request: Request, context: AuthenticatedContext, sectionID: Int64?) async throws -> Response {
        let query = request.uri.queryParameters
        let paging = try Paging(request)
        let status = query["status"].map(String.init)
        if let status, !AmendmentFilter.statuses.contains(status) {
            throw Problem.badRequest("status must be one of \(AmendmentFilter.statuses.joined(separator: ", "))")
        }
        let page = try await database.amendments(
            strategyID: try context.parameters.id("strategy"),
            filter: AmendmentFilter(sectionID: sectionID, status: status, group: query["group"].map(String.init)),
            after: paging.after, limit: paging.limit, for: context.account
        )
        let diffs = try await database.proposedChanges(page.items)
        let items = zip(page.items, diffs).map { AmendmentResponse($0, bodyDiff: $1) }
        return JSONResponse.make(ListPage(items: items, nextCursor: Paging.encode(page.nextAfter)))
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let amendment = try await database.amendment(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("amendment"),
            for: context.account
        )
        return JSONResponse.make(try await AmendmentResponse.make(amendment, database: database))
    }

    @Sendable func collisions(request: Request, context: AuthenticatedContext) async throws -> Response {
        let collisions = try await database.collisions(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("amendment"),
            for: context.account
        )
        return JSONResponse.make(ListPage(items: collisions.map(CollisionResponse.init), nextCursor: nil))
    }

    @Sendable func support(request: Request, context: AuthenticatedContext) async throws -> Response {
        let amendment = try await database.supportAmendment(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("amendment"),
            by: context.account
        )
        return JSONResponse.make(try await AmendmentResponse.make(amendment, database: database))
    }

    @Sendable func withdraw(request: Request, context: AuthenticatedContext) async throws -> Response {
        let amendment = try await database.withdrawAmendment(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("amendment"),
            by: context.account
        )
        return JSONResponse.make(try await AmendmentResponse.make(amendment, database: database))
    }

    @Sendable func reject(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .decideAmendment, in: database, for: account)) {
            try await JSONBodyReader.decode(RejectAmendmentRequest.self, from: request, context: context)
        }
        let amendment = try await database.rejectAmendment(
            strategyID: strategyID, number: try context.parameters.number("amendment"), reason: body.reason, by: account
        )
        return JSONResponse.make(try await AmendmentResponse.make(amendment, database: database))
    }

    /// Without a body: merge three ways. With `heading`/`body`: the facilitator's resolution, which must name the
    /// revision it was resolved against (`If-Match`), so a concurrent edit is never overwritten unseen.
    @Sendable func accept(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let (resolution, ifMatch) = try await RequestPipeline.input(
            checking: .strategy(strategyID, .decideAmendment, in: database, for: account)
        ) { () async throws -> (AmendmentResolution, RevisionMatch?) in
            let body = try await JSONBodyReader.decodeIfPresent(AcceptAmendmentRequest.self, from: request, context: context)
            let resolution = AmendmentResolution(heading: body?.heading, body: body?.body)
            if resolution.isEmpty {
                return (resolution, IfMatch.optional(request))
            }
            guard request.headers[.ifMatch] != nil else {
                throw Problem(
                    status: .preconditionRequired, slug: "precondition-required", title: "Precondition required",
                    detail: "accepting with a resolved text needs If-Match with the section revision it was resolved against"
                )
            }
            return (resolution, try IfMatch.revision(request))
        }
        let (amendment, section) = try await database.acceptAmendment(
            strategyID: strategyID, number: try context.parameters.number("amendment"), resolution: resolution,
            ifMatch: ifMatch, by: account
        )
        return JSONResponse.make(
            try await AmendmentResponse.make(amendment, database: database), headers: [.eTag: JSONResponse.eTag(section.revision)])
    }
}

struct ProposeAmendmentRequest: RequestBody {
    static let fields: Set<String> = ["baseRevision", "heading", "body", "rationale"]
    var baseRevision: Int
    var heading: String?
    var body: String
    var rationale: String
}

struct RejectAmendmentRequest: RequestBody {
    static let fields: Set<String> = ["reason"]
    var reason: String
}

struct AcceptAmendmentRequest: RequestBody {
    static let fields: Set<String> = ["heading", "body"]
    var heading: String?
    var body: String?
}

struct AmendmentResponse: JSONWritable {
    var amendment: Amendment
    /// The body's word diff against the base revision, computed by DocumentModel (`proposedChanges`).
    var bodyDiff: ProseDiff

    init(_ amendment: Amendment, bodyDiff: ProseDiff) {
        self.amendment = amendment
        self.bodyDiff = bodyDiff
    }

    /// The response of one amendment, its diff made where every diff is made.
    static func make(_ amendment: Amendment, database: AppDatabase) async throws -> AmendmentResponse {
        AmendmentResponse(amendment, bodyDiff: try await database.proposedChanges([amendment])[0])
    }

    func write(to json: inout JSONWriter) {
        let a = amendment
        json.object { json in
            json.field("acceptedRevision", a.acceptedRevision)
            json.person("author", id: a.authorID, name: a.authorName)
            json.field("baseRevision", a.baseRevision)
            json.field("body", a.body)
            json.field("checkedRevision", a.checkedRevision)
            json.key("collidesWith")
            json.array(a.collidesWith) { json, number in json.int(number) }
            json.field("conflicting", a.conflicting)
            json.field("createdAt", a.createdAt)
            json.field("decidedAt", a.decidedAt)
            json.field("decidedBy", a.decidedBy)
            json.key("diff")
            TextRedline(
                heading: HeadingChange(before: a.baseHeading, after: a.heading),
                body: WordRedline(bodyDiff)
            ).write(to: &json)
            json.field("group", a.group)
            json.field("heading", a.heading)
            // Whether accepting now would merge cleanly; only meaningful while the amendment is open.
            json.field("mergeable", a.status == .open ? a.mergeable : nil)
            json.field("number", a.number)
            json.field("rationale", a.rationale)
            json.field("reason", a.reason)
            json.field("section", a.sectionID)
            json.field("status", a.status.rawValue)
            json.key("supporters")
            json.array(a.supporters) { json, supporter in
                json.object { json in
                    json.field("account", supporter.accountID)
                    json.field("group", supporter.group)
                    json.field("name", supporter.name)
                    json.field("supportedAt", supporter.createdAt)
                }
            }
        }
    }
}

struct CollisionResponse: JSONWritable {
    var amendment: Int
    var author: String
    var group: String?
    var field: String
    var passage: String
    var start: Int
    var end: Int

    init(_ collision: AmendmentCollision) {
        amendment = collision.number
        author = collision.authorName
        group = collision.group
        field = collision.field
        passage = collision.passage
        start = collision.start
        end = collision.end
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("amendment", amendment)
            json.field("author", author)
            json.field("end", end)
            json.field("field", field)
            json.field("group", group)
            json.field("passage", passage)
            json.field("start", start)
        }
    }
}
