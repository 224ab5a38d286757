import DocumentModel
import Hummingbird

/// A signatory's decision on a section at its current revision, for their group (the section page's form).
struct SectionSignoffController {
    let database: AppDatabase
    let sectionPage: SectionPageController
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.post("/app/strategies/{strategy}/sections/{section}/signoffs", use: signOff)
        return routes
    }

    struct SignoffForm: Decodable {
        var revision: String?
        var decision: String?
        var note: String?
    }

    @Sendable func signOff(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let form = try await forms.read(SignoffForm.self, from: request, visitor: context.visitor, size: .text)
        guard let decision = form.decision.flatMap(SignoffDecision.init(rawValue:)), let revision = try FormNumber.parse(form.revision)
        else { throw WebError.badForm }
        let note = form.note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        do {
            _ = try await database.signOffSection(
                strategyID: strategyID, sectionID: sectionID, revision: revision, NewSignoff(decision: decision, note: note), by: context.account
            )
            return WebRenderer.redirect(to: Links.section(strategyID, sectionID) + "?notice=signedOff_\(decision.rawValue)#section-signoffs-heading")
        } catch let error as DocumentModelError {
            // A missing note, or a revision that is no longer current (the text moved on while the page was open):
            // the page again, with the new text and the reason beside the form.
            let t = context.visitor.messages
            let message: String
            switch error {
            case .invalid(let errors):
                message = FieldMessages(errors, t).byField["note"] ?? errors.first.map { t.table[$0.message] ?? $0.message } ?? ""
            case .conflict: message = t["signoffSectionMovedOn"]
            default: throw error
            }
            let access = try await database.strategy(id: strategyID, for: context.account)
            let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
            var signoffForm = SignoffFormView.offered(
                to: access, action: Links.section(strategyID, sectionID) + "/signoffs", revision: section.revision, t
            )
            signoffForm?.note = form.note ?? ""
            signoffForm?.error = message
            return try await sectionPage.render(
                strategyID: strategyID, sectionID: sectionID, context: context, signoffForm: signoffForm, status: .unprocessableContent
            )
        }
    }
}
