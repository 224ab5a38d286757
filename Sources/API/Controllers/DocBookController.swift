import DocumentModel
import Foundation
import Hummingbird

/// DocBook 5: a strategy exported as an `article`, and a strategy created from one.
struct DocBookController {
    let database: AppDatabase
    /// Import documents are larger than JSON bodies; they get their own cap, checked before parsing.
    let importLimit: Int

    static let mediaType = "application/docbook+xml"

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/export", method: .get, use: export)
        routes.on("/strategies/import", method: .post, use: importDocument)
        return routes
    }

    @Sendable func export(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let format = request.uri.queryParameters["format"].map(String.init) ?? "docbook"
        guard format == "docbook" else {
            _ = try await database.strategy(id: strategyID, for: account)
            throw Problem.badRequest("format '\(format)' is not supported; use format=docbook")
        }
        let query = request.uri.queryParameters
        func number(_ name: String) throws -> Int? {
            guard let text = query[Substring(name)] else { return nil }
            guard let value = Int(String(text)), value > 0 else { throw Problem.badRequest("\(name) must be a draft number") }
            return value
        }
        let draft = try number("draft")
        let since = try number("since")
        let language = query["lang"].map(String.init)
        let bytes = try await database.exportDocBook(strategyID: strategyID, draft: draft, since: since, language: language, for: account)
        let name =
            "strategy-\(strategyID)" + (draft.map { "-draft-\($0)" } ?? "") + (since.map { "-since-\($0)" } ?? "")
            + (language.flatMap(LanguageTag.canonical).map { "-" + $0 } ?? "")
        return Response(
            status: .ok,
            headers: [
                .contentType: Self.mediaType,
                .contentDisposition: "attachment; filename=\"\(name).xml\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    /// `?lenient=true` keeps elements outside the mapping as plain text (listed in `unmapped`) instead of 422.
    @Sendable func importDocument(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        try database.requireImport(account)
        let lenientText = request.uri.queryParameters["lenient"].map(String.init)
        guard lenientText == nil || lenientText == "true" || lenientText == "false" else {
            throw Problem.badRequest("lenient must be true or false")
        }
        let data = try await JSONBodyReader.collect(request, limit: importLimit, channel: context.channel)
        guard Self.isXML(request.headers[.contentType]) else { throw Problem.unsupportedMediaType(Self.mediaType) }
        let (strategy, unmapped): (Strategy, [String])
        do {
            (strategy, unmapped) = try await database.importDocBook(
                Array(data), limit: importLimit, lenient: lenientText == "true", by: account
            )
        } catch let error as DocBookImportError {
            throw Self.problem(error)
        }
        return JSONResponse.make(
            ImportResponse(strategy: StrategyResponse(strategy), unmapped: unmapped), status: .created,
            headers: [.location: "/strategies/\(strategy.id)"]
        )
    }

    static func isXML(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return mediaType == Self.mediaType || mediaType == "application/xml" || mediaType == "text/xml"
    }

    static func problem(_ error: DocBookImportError) -> Problem {
        switch error {
        case .tooLarge(let limit):
            return .contentTooLarge(limit: limit)
        case .doctype:
            return Problem(
                status: .unprocessableContent, slug: "xml-doctype", title: "Document type declarations are refused",
                detail: "the document has a DOCTYPE; DTDs and entity declarations are never processed, so such documents are refused"
            )
        case .malformed(let message):
            return Problem(status: .badRequest, slug: "xml-malformed", title: "Not well-formed XML", detail: message)
        case .limitExceeded(let message):
            var problem = Problem.invalid([FieldError(field: "document", message: message)])
            problem.slug = "docbook-limit"
            problem.title = "The document is over a limit"
            return problem
        case .notDocBook(let message):
            return Problem(status: .unprocessableContent, slug: "not-docbook", title: "Not a DocBook 5 document", detail: message)
        case .unmapped(let paths):
            var problem = Problem.invalid(
                paths.prefix(100).map {
                    FieldError(field: $0, message: "is outside the DocBook subset the service maps (?lenient=true keeps it as plain text)")
                })
            problem.slug = "docbook-unmapped"
            problem.title = "Elements outside the mapping"
            problem.extensions["unmapped"] = .strings(paths)
            return problem
        }
    }
}

struct ImportResponse: JSONWritable {
    var strategy: StrategyResponse
    var unmapped: [String]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("strategy")
            strategy.write(to: &json)
            json.key("unmapped")
            json.array(unmapped) { json, path in json.string(path) }
        }
    }
}
