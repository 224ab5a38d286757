import DocumentModel
import Hummingbird

/// A language's XLIFF files in the browser: the download any member may have, and the upload a translator of the
/// language (or a facilitator) returns from a CAT tool — the same `exportXLIFF` and `importXLIFF` as the API.
struct XLIFFController {
    let database: AppDatabase
    let renderer: WebRenderer
    let uploads: UploadReader
    /// The largest file read, as for the API.
    let importLimit: Int

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/translations/{lang}", use: page)
        routes.get("/app/strategies/{strategy}/translations/{lang}/xliff", use: download)
        routes.post("/app/strategies/{strategy}/translations/{lang}/xliff", use: upload)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let view = try view(context)
        return render(view, context)
    }

    @Sendable func download(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let language = context.parameters.get("lang") ?? ""
        let bytes = try await database.exportXLIFF(strategyID: strategyID, language: language, for: context.account)
        return WebRenderer.download(bytes, contentType: TranslationsController.xliffType, name: "strategy-\(strategyID)-\(language).xlf")
    }

    @Sendable func upload(request: Request, context: SignedInContext) async throws -> Response {
        let t = context.visitor.messages
        var view = try view(context)
        let strategyID = try context.parameters.id("strategy")
        let language = context.parameters.get("lang") ?? ""
        let access = try database.authorize(strategyID: strategyID, action: .read, for: context.account)
        try access.requireTranslation(try access.targetLanguage(language))
        let upload = try await uploads.read(request, visitor: context.visitor, file: "file")
        guard let file = upload.file else {
            view.error = t["xliffNoFile"]
            return render(view, context, status: .unprocessableContent)
        }
        do {
            let report = try await database.importXLIFF(file, strategyID: strategyID, language: language, limit: importLimit, by: context.account)
            view.summary = t.format(
                "xliffImported", ["saved": "\(report.saved)", "unchanged": "\(report.unchanged)", "refused": "\(report.refused.count)"]
            )
            view.refused = report.refused.map { .init(id: $0.id, reason: $0.reason) }
            view.hasRefused = !view.refused.isEmpty
            return render(view, context)
        } catch XLIFFError.tooLarge(let limit) {
            view.error = t.format("xliffTooLarge", ["limit": PageProblem.size(limit)])
            return render(view, context, status: .contentTooLarge)
        } catch XLIFFError.invalid(let message) {
            view.error = t["xliffRefused"] + " " + message
            return render(view, context, status: .unprocessableContent)
        } catch DocumentModelError.invalid(let errors) {
            view.error = t["xliffRefused"] + " " + errors.map(\.message).joined(separator: "; ")
            return render(view, context, status: .unprocessableContent)
        }
    }

    private func view(_ context: SignedInContext) throws -> XLIFFView {
        let t = context.visitor.messages
        let strategyID = try context.parameters.id("strategy")
        let access = try database.authorize(strategyID: strategyID, action: .read, for: context.account)
        let language = try access.targetLanguage(context.parameters.get("lang") ?? "")
        let base = Links.strategy(strategyID) + "/translations/" + language
        let name = LanguageNames.endonym(language)
        return XLIFFView(
            strategyTitle: access.strategy.title, strategyHref: Links.strategy(strategyID),
            title: t.format("xliffTitle", ["language": name]), language: language, downloadHref: base + "/xliff",
            action: access.mayTranslate(language) ? base + "/xliff" : nil
        )
    }

    private func render(_ view: XLIFFView, _ context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.xliff, title: view.title, view, for: context.visitor, status: status)
    }
}
