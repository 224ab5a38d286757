import DocumentModel
import Hummingbird

/// The desk's comment forms: dispose of one comment with a response (and apply its suggestion), or apply the
/// selected suggestions of one section in one revision. Each returns to the desk as it was filtered (the filter
/// is in the form's address); a refused disposition is shown on the comment's page, a refused batch on the desk.
struct DeskActionsController {
    let database: AppDatabase
    let desk: DeskController
    let comments: CommentFormsController
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.post("/app/strategies/{strategy}/comments/{comment}/disposition", use: dispose)
        routes.post("/app/strategies/{strategy}/sections/{section}/suggestions", use: applySuggestions)
        return routes
    }

    struct DispositionForm: Decodable {
        var disposition: String?
        var response: String?
        var applySuggestion: String?
    }

    @Sendable func dispose(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let form = try await forms.read(DispositionForm.self, from: request, visitor: context.visitor, size: .text)
        // The desk's filter comes in the form's address.
        let filter = DeskController.Filter(request)
        guard let disposition = form.disposition.flatMap(Disposition.init(rawValue:)) else { throw WebError.badForm }
        do {
            _ = try await database.resolveComment(
                strategyID: strategyID, number: number,
                CommentResolution(disposition: disposition, response: form.response ?? "", applySuggestion: form.applySuggestion == "true"),
                by: context.account
            )
        } catch let error as DocumentModelError {
            // The comment's page again, with the disposition as it was sent and why it was refused.
            let message = try Self.message(for: error, context.visitor.messages)
            return try await comments.renderThread(
                strategyID: strategyID, number: number, context: context, deskFilter: filter.query,
                notice: context.visitor.messages.format("deskDispositionRefused", ["number": "\(number)", "reason": message]),
                status: .unprocessableContent
            ) {
                $0 = DispositionFormView(
                    action: $0.action, hasSuggestion: $0.hasSuggestion, chosen: disposition, context.visitor.messages
                )
                $0.response = form.response ?? ""
                $0.applySuggestion = form.applySuggestion == "true"
                $0.responseError = message
            }
        }
        return WebRenderer.redirect(to: Self.back(strategyID, filter, notice: "commentDisposed"))
    }

    struct BatchForm: Decodable {
        var comments: [String]?
        var response: String?
    }

    @Sendable func applySuggestions(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let form = try await forms.read(BatchForm.self, from: request, visitor: context.visitor, size: .text)
        let filter = DeskController.Filter(request)
        let t = context.visitor.messages
        let numbers = try FormNumber.parse(form.comments)
        do {
            let response = form.response.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            _ = try await database.applySuggestions(
                strategyID: strategyID, sectionID: sectionID, numbers: numbers, response: response, by: context.account
            )
        } catch let error as DocumentModelError {
            let message: String
            if case .overlappingSuggestions(let overlapping) = error {
                message = t.format("deskSuggestionsOverlap", ["numbers": overlapping.map { "\($0)" }.joined(separator: ", ")])
            } else {
                message = try Self.message(for: error, t)
            }
            return try await desk.render(strategyID: strategyID, filter: filter, context: context, status: .unprocessableContent) {
                $0.deskError = message
            }
        }
        return WebRenderer.redirect(to: Self.back(strategyID, filter, notice: "suggestionsApplied"))
    }

    /// A refusal the desk explains in place; any other error (not found, not allowed) is a page of its own.
    static func message(for error: DocumentModelError, _ t: Messages) throws -> String {
        switch error {
        case .invalid(let errors): return errors.map { t.table[$0.message] ?? "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .conflict(let reason): return reason
        default: throw error
        }
    }

    static func back(_ strategyID: Int64, _ filter: DeskController.Filter, notice: String) -> String {
        let query = filter.query
        return Links.desk(strategyID) + (query.isEmpty ? "?" : query + "&") + "notice=" + notice
    }
}
