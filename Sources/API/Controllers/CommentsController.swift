import DocumentModel
import Foundation
import Hummingbird

/// Comments on passages, sections and amendments; their threads, dispositions, applied suggestions and the matrix.
struct CommentsController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/comments", method: .post, use: post)
        routes.on("/strategies/{strategy}/comments", method: .get, use: list)
        routes.on("/strategies/{strategy}/comments/matrix", method: .get, use: matrix)
        routes.on("/strategies/{strategy}/comments/{comment}", method: .get, use: get)
        routes.on("/strategies/{strategy}/comments/{comment}/replies", method: .post, use: reply)
        routes.on("/strategies/{strategy}/comments/{comment}/resolve", method: .post, use: resolve)
        routes.on("/strategies/{strategy}/sections/{section}/apply-suggestions", method: .post, use: applySuggestions)
        return routes
    }

    @Sendable func post(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let new = try await RequestPipeline.input(checking: .strategy(strategyID, .comment, in: database, for: account)) {
            try await JSONBodyReader.decode(PostCommentRequest.self, from: request, context: context).newComment()
        }
        let comment = try await database.postComment(strategyID: strategyID, new, by: account)
        return JSONResponse.make(
            CommentResponse(comment), status: .created,
            headers: [.location: "/strategies/\(strategyID)/comments/\(comment.number)"]
        )
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        let paging = try Paging(request)
        var filter = CommentFilter(group: query["group"].map(String.init))
        if let text = query["section"] {
            guard let value = Int64(String(text)), value > 0 else { throw Problem.badRequest("section must be a section id") }
            filter.sectionID = value
        }
        if let status = query["status"].map(String.init) {
            guard CommentFilter.statuses.contains(status) else {
                throw Problem.badRequest("status must be one of \(CommentFilter.statuses.joined(separator: ", "))")
            }
            filter.status = status
        }
        if let text = query["kind"] {
            guard let kind = CommentKind(rawValue: String(text)) else {
                throw Problem.badRequest("kind must be one of \(CommentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.kind = kind
        }
        let page = try await database.comments(
            strategyID: try context.parameters.id("strategy"), filter: filter, after: paging.after, limit: paging.limit,
            for: context.account
        )
        return JSONResponse.make(ListPage(items: page.items.map(CommentResponse.init), nextCursor: Paging.encode(page.nextAfter)))
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let comment = try await database.comment(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("comment"),
            for: context.account
        )
        return JSONResponse.make(CommentResponse(comment))
    }

    @Sendable func reply(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let gate = AccessGate.strategy(strategyID, .comment, in: database, for: account).and {
            _ = try await database.comment(strategyID: strategyID, number: number, for: account)
        }
        let body = try await RequestPipeline.input(checking: gate) {
            try await JSONBodyReader.decode(ReplyRequest.self, from: request, context: context)
        }
        let comment = try await database.replyToComment(strategyID: strategyID, number: number, body: body.body, by: account)
        return JSONResponse.make(
            CommentResponse(comment), status: .created, headers: [.location: "/strategies/\(strategyID)/comments/\(number)"]
        )
    }

    @Sendable func resolve(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let gate = AccessGate.strategy(strategyID, .resolveComment, in: database, for: account).and {
            _ = try await database.comment(strategyID: strategyID, number: number, for: account)
        }
        let resolution = try await RequestPipeline.input(checking: gate) {
            try await JSONBodyReader.decode(ResolveCommentRequest.self, from: request, context: context).resolution()
        }
        let comment = try await database.resolveComment(strategyID: strategyID, number: number, resolution, by: account)
        return JSONResponse.make(CommentResponse(comment))
    }

    @Sendable func applySuggestions(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .resolveComment, in: database, for: account)) {
            try await JSONBodyReader.decode(ApplySuggestionsRequest.self, from: request, context: context)
        }
        let (section, comments) = try await database.applySuggestions(
            strategyID: strategyID, sectionID: try context.parameters.id("section"), numbers: body.comments,
            response: body.response, by: account
        )
        return JSONResponse.make(
            AppliedSuggestionsResponse(section: section, comments: comments),
            headers: [.eTag: JSONResponse.eTag(section.revision)]
        )
    }

    @Sendable func matrix(request: Request, context: AuthenticatedContext) async throws -> Response {
        let query = request.uri.queryParameters
        let strategyID = try context.parameters.id("strategy")
        let format = query["format"].map(String.init) ?? "json"
        guard format == "json" || format == "csv" else { throw Problem.badRequest("format must be json or csv") }
        var draft: Int?
        if let text = query["draft"] {
            guard let value = Int(String(text)), value > 0 else { throw Problem.badRequest("draft must be a draft number") }
            draft = value
        }
        let rows = try await database.commentMatrix(strategyID: strategyID, draft: draft, for: context.account)
        guard format == "csv" else { return JSONResponse.make(CommentMatrixResponse(rows: rows)) }
        let name = "strategy-\(strategyID)-comments" + (draft.map { "-draft-\($0)" } ?? "") + ".csv"
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8; header=present", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: CommentMatrixRow.csv(rows)))
        )
    }
}

struct PostCommentRequest: RequestBody {
    static let fields: Set<String> = ["section", "revision", "anchor", "amendment", "body", "kind", "suggestion"]
    static let nestedFields: [String: Set<String>] = ["anchor": ["start", "end"]]

    struct Anchor: Decodable, Sendable {
        var start: Int
        var end: Int
    }

    var section: Int64?
    var revision: Int?
    var anchor: Anchor?
    var amendment: Int?
    var body: String
    var kind: String?
    var suggestion: String?

    /// The domain's comment, or 422 naming what the body gets wrong about its target or kind.
    func newComment() throws -> NewComment {
        let target: NewComment.Target
        switch (section, amendment) {
        case (let section?, nil):
            if let anchor, anchor.end < anchor.start { throw Problem.invalid(field: "anchor", "end must not be before start") }
            target = .section(id: section, revision: revision, anchor: anchor.map { $0.start..<$0.end })
        case (nil, let amendment?):
            guard anchor == nil, revision == nil else {
                throw Problem.invalid(field: "anchor", "a comment on an amendment has no anchor or revision")
            }
            target = .amendment(amendment)
        default:
            throw Problem.invalid(field: "section", "give either section (with revision and anchor) or amendment")
        }
        guard let kind = CommentKind(rawValue: kind ?? "general") else {
            throw Problem.invalid(field: "kind", "must be one of \(CommentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return NewComment(target: target, kind: kind, body: body, suggestion: suggestion)
    }
}

struct ReplyRequest: RequestBody {
    static let fields: Set<String> = ["body"]
    var body: String
}

struct ResolveCommentRequest: RequestBody {
    static let fields: Set<String> = ["disposition", "response", "applySuggestion"]
    var disposition: String
    var response: String?
    var applySuggestion: Bool?

    func resolution() throws -> CommentResolution {
        guard let disposition = Disposition(rawValue: disposition) else {
            throw Problem.invalid(field: "disposition", "must be one of \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return CommentResolution(disposition: disposition, response: response ?? "", applySuggestion: applySuggestion ?? false)
    }
}

struct ApplySuggestionsRequest: RequestBody {
    static let fields: Set<String> = ["comments", "response"]
    var comments: [Int]
    var response: String?
}

/// The section's new state and the comments whose suggestions it now carries.
struct AppliedSuggestionsResponse: JSONWritable {
    var section: Section
    var comments: [Comment]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("body", section.body)
            json.key("comments")
            json.array(comments) { json, comment in CommentResponse(comment).write(to: &json) }
            json.field("heading", section.heading)
            json.field("revision", section.revision)
            json.field("section", section.id)
        }
    }
}
