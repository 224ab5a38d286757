import DocumentModel
import Hummingbird

/// `/app/import`: an administrator or a facilitator imports a DocBook document as a new strategy — the file uploaded, strict or
/// lenient — with the same `importDocBook` (limits, DOCTYPE refusal, heavy-work queue) as the API's
/// `POST /strategies/import`, and reads the import report: what was made, and what was kept as plain text.
struct ImportController {
    let database: AppDatabase
    let renderer: WebRenderer
    let uploads: UploadReader
    /// The largest document imported, as for the API.
    let importLimit: Int

    static let path = "/app/import"

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get(RouterPath(Self.path), use: page)
        routes.post(RouterPath(Self.path), use: importDocument)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        try database.requireImport(context.account)
        return render(ImportView(messages: context.visitor.messages, limit: importLimit), context)
    }

    func render(_ view: ImportView, _ context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.importDocument, title: context.visitor.messages["importTitle"], view, for: context.visitor, status: status)
    }

    @Sendable func importDocument(request: Request, context: SignedInContext) async throws -> Response {
        try database.requireImport(context.account)
        let t = context.visitor.messages
        let upload = try await uploads.read(request, visitor: context.visitor, file: "document")
        guard let mode = upload.fields["mode"], mode == "strict" || mode == "lenient" else { throw WebError.badForm }
        var view = ImportView(messages: t, limit: importLimit, lenient: mode == "lenient")
        guard let document = upload.file else {
            view.error = t["importNoFile"]
            return render(view, context, status: .unprocessableContent)
        }
        do {
            let (strategy, unmapped) = try await database.importDocBook(document, limit: importLimit, lenient: mode == "lenient", by: context.account)
            let outline = try await database.outline(strategyID: strategy.id, for: context.account)
            view.report = ImportView.Report(strategy, sections: outline.count, unmapped: unmapped, messages: t)
            return render(view, context, status: .created)
        } catch let error as DocBookImportError {
            view.error = ImportView.message(for: error, limit: importLimit, messages: t)
            if case .unmapped(let paths) = error { view.refusedPaths = Array(paths.prefix(ImportView.shownPaths)) }
            view.hasRefusedPaths = !view.refusedPaths.isEmpty
            return render(view, context, status: Self.status(of: error))
        } catch DocumentModelError.invalid(let errors) {
            view.error = t["importInvalid"] + " " + errors.map { "\($0.field): \(t.table[$0.message] ?? $0.message)" }.joined(separator: "; ")
            return render(view, context, status: .unprocessableContent)
        }
    }

    /// The status the API answers the same refusal with.
    static func status(of error: DocBookImportError) -> HTTPResponse.Status {
        switch error {
        case .tooLarge: .contentTooLarge
        case .malformed: .badRequest
        case .doctype, .notDocBook, .limitExceeded, .unmapped: .unprocessableContent
        }
    }
}
