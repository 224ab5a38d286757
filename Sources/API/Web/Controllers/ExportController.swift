import DocumentModel
import Hummingbird

/// Downloads for members: the DocBook of the current text or of a draft (`?draft=2`), the redline since an
/// earlier draft (`?since=1`), and DOCX or ODT made from it (`?format=docx`) where pandoc is installed.
struct ExportController {
    let database: AppDatabase
    let pandoc: Pandoc

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/export", use: export)
        return routes
    }

    @Sendable func export(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        _ = try await database.strategy(id: strategyID, for: context.account)
        let query = request.uri.queryParameters
        func number(_ name: String) throws -> Int? {
            guard let text = query[Substring(name)], !text.isEmpty else { return nil }
            guard let value = Int(String(text)), value > 0 else { throw WebError.badForm }
            return value
        }
        let (draft, since) = (try number("draft"), try number("since"))
        let format = query["format"].map(String.init) ?? "docbook"
        let language = query["lang"].flatMap { $0.isEmpty ? nil : String($0) }
        let docbook = try await database.exportDocBook(
            strategyID: strategyID, draft: draft, since: since, language: language, for: context.account
        )
        let name =
            "strategy-\(strategyID)" + (draft.map { "-draft-\($0)" } ?? "") + (since.map { "-since-\($0)" } ?? "")
            + (language.flatMap(LanguageTag.canonical).map { "-" + $0 } ?? "")
        if format == "docbook" { return WebRenderer.download(docbook, contentType: "application/docbook+xml", name: name + ".xml") }
        guard let office = Pandoc.Format(rawValue: format), pandoc.isAvailable else { throw DocumentModelError.notFound("format") }
        do {
            return WebRenderer.download(try await pandoc.convert(docbook, to: office), contentType: office.contentType, name: "\(name).\(format)")
        } catch is Pandoc.Busy {
            throw DocumentModelError.busy(retryAfter: 2)
        }
    }
}
