import DocumentModel
import Foundation
import Hummingbird

/// Comments on passages, sections and amendments; their threads, dispositions, applied suggestions and the matrix.
struct CommentsController {
    let database: AppDatabase

    func register(in routes: RouteTable) {
        routes.add(.post, "/strategies/{strategy}/comments", post)
        routes.add(.get, "/strategies/{strategy}/comments", list)
        routes.add(.get, "/strategies/{strategy}/comments/matrix", matrix)
        routes.add(.get, "/strategies/{strategy}/comments/{comment}", get)
        routes.add(.post, "/strategies/{strategy}/comments/{comment}/replies", reply)
        routes.add(.post, "/strategies/{strategy}/comments/{comment}/resolve", resolve)
        routes.add(.post, "/strategies/{strategy}/sections/{section}/apply-suggestions", applySuggestions)
    }

    @Sendable func post(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let authorize: () async throws -> Void = { _ = try await database.strategy(id: strategyID, for: account) }
        let body = try await JSONBodyReader.decode(PostCommentRequest.self, from: request, context: context, authorize: authorize)
        let target: NewComment.Target
        switch (body.section, body.amendment) {
        case (let section?, nil):
            target = .section(id: section, revision: body.revision, anchor: body.anchor.map { $0.start..<max($0.start, $0.end) })
            if let anchor = body.anchor, anchor.end < anchor.start {
                try await authorize()
                throw Problem.invalid(field: "anchor", "end must not be before start")
            }
        case (nil, let amendment?):
            guard body.anchor == nil, body.revision == nil else {
                try await authorize()
                throw Problem.invalid(field: "anchor", "a comment on an amendment has no anchor or revision")
            }
            target = .amendment(amendment)
        default:
            try await authorize()
            throw Problem.invalid(field: "section", "give either section (with revision and anchor) or amendment")
        }
        guard let kind = CommentKind(rawValue: body.kind ?? "general") else {
            try await authorize()
            throw Problem.invalid(field: "kind", "must be one of \(CommentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let comment = try await database.postComment(
            strategyID: strategyID, NewComment(target: target, kind: kind, body: body.body, suggestion: body.suggestion), by: account
        )
        return JSONResponse.make(
            writing: CommentResponse(comment), status: .created,
            headers: [.location: "/strategies/\(strategyID)/comments/\(comment.number)"]
        )
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
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
            for: try context.requireAccount()
        )
        return JSONResponse.make(writing: ListPage(items: page.items.map(CommentResponse.init), nextCursor: Paging.encode(page.nextAfter)))
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let comment = try await database.comment(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("comment"),
            for: try context.requireAccount()
        )
        return JSONResponse.make(writing: CommentResponse(comment))
    }

    @Sendable func reply(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let body = try await JSONBodyReader.decode(ReplyRequest.self, from: request, context: context) {
            _ = try await database.comment(strategyID: strategyID, number: number, for: account)
        }
        let comment = try await database.replyToComment(strategyID: strategyID, number: number, body: body.body, by: account)
        return JSONResponse.make(
            writing: CommentResponse(comment), status: .created, headers: [.location: "/strategies/\(strategyID)/comments/\(number)"]
        )
    }

    @Sendable func resolve(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let authorize: () async throws -> Void = { _ = try await database.comment(strategyID: strategyID, number: number, for: account) }
        let body = try await JSONBodyReader.decode(ResolveCommentRequest.self, from: request, context: context, authorize: authorize)
        guard let disposition = Disposition(rawValue: body.disposition) else {
            try await authorize()
            throw Problem.invalid(field: "disposition", "must be one of \(Disposition.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let comment = try await database.resolveComment(
            strategyID: strategyID, number: number,
            CommentResolution(disposition: disposition, response: body.response ?? "", applySuggestion: body.applySuggestion ?? false),
            by: account
        )
        return JSONResponse.make(writing: CommentResponse(comment))
    }

    @Sendable func applySuggestions(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let body = try await JSONBodyReader.decode(ApplySuggestionsRequest.self, from: request, context: context) {
            _ = try await database.strategy(id: strategyID, for: account)
        }
        let (section, comments) = try await database.applySuggestions(
            strategyID: strategyID, sectionID: try context.parameters.id("section"), numbers: body.comments,
            response: body.response, by: account
        )
        return JSONResponse.make(
            writing: AppliedSuggestionsResponse(section: section, comments: comments),
            headers: [.eTag: JSONResponse.eTag(section.revision)]
        )
    }

    @Sendable func matrix(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let strategyID = try context.parameters.id("strategy")
        let format = query["format"].map(String.init) ?? "json"
        guard format == "json" || format == "csv" else { throw Problem.badRequest("format must be json or csv") }
        var draft: Int?
        if let text = query["draft"] {
            guard let value = Int(String(text)), value > 0 else { throw Problem.badRequest("draft must be a draft number") }
            draft = value
        }
        let rows = try await database.commentMatrix(strategyID: strategyID, draft: draft, for: try context.requireAccount())
        guard format == "csv" else { return JSONResponse.make(writing: CommentMatrixResponse(rows: rows)) }
        var csv = CSVWriter()
        csv.record(CommentMatrixRow.columns)
        for row in rows { csv.record(row.cells) }
        let name = "strategy-\(strategyID)-comments" + (draft.map { "-draft-\($0)" } ?? "") + ".csv"
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8; header=present", .contentDisposition: "attachment; filename=\"\(name)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: csv.bytes))
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
            json.key("comments")
            json.array(comments) { json, comment in CommentResponse(comment).write(to: &json) }
            json.field("body", section.body)
            json.field("heading", section.heading)
            json.field("revision", section.revision)
            json.field("section", section.id)
        }
    }
}
