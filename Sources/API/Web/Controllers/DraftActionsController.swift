import DocumentModel
import Hummingbird

/// The forms of the sign-off process: cut a draft (facilitators), sign a draft off for one's group (signatories),
/// adopt the latest draft (facilitators, final review; refused with the groups that have not approved).
struct DraftActionsController {
    let database: AppDatabase
    let draftPage: DraftPageController
    let draftsPage: DraftPagesController
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.post("/app/strategies/{strategy}/drafts", use: cut)
        routes.post("/app/strategies/{strategy}/drafts/{draft}/signoffs", use: signOff)
        routes.post("/app/strategies/{strategy}/drafts/{draft}/adopt", use: adopt)
        return routes
    }

    struct CutForm: Decodable {
        var title: String?
        var note: String?
    }

    @Sendable func cut(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let form = try await forms.read(CutForm.self, from: request, visitor: context.visitor, size: .text)
        let note = form.note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        do {
            let draft = try await database.createDraft(strategyID: strategyID, title: form.title ?? "", note: note, by: context.account)
            return WebRenderer.redirect(to: Links.draft(strategyID, draft.number) + "?notice=draftCut")
        } catch DocumentModelError.invalid(let errors) {
            // The drafts page again, with the form as it was sent.
            let t = context.visitor.messages
            return try await draftsPage.renderList(
                strategyID: strategyID, context: context, status: .unprocessableContent,
                cut: CutDraftForm(
                    action: Links.drafts(strategyID), title: form.title ?? "", note: form.note ?? "", errors: FieldMessages(errors, t).byField)
            )
        }
    }

    struct SignoffForm: Decodable {
        var decision: String?
        var note: String?
    }

    @Sendable func signOff(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("draft")
        let form = try await forms.read(SignoffForm.self, from: request, visitor: context.visitor, size: .text)
        guard let decision = form.decision.flatMap(SignoffDecision.init(rawValue:)) else { throw WebError.badForm }
        let note = form.note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        do {
            _ = try await database.signOffDraft(
                strategyID: strategyID, draft: number, NewSignoff(decision: decision, note: note), by: context.account)
            return WebRenderer.redirect(to: Links.draft(strategyID, number) + "?notice=signedOff_" + decision.rawValue)
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            return try await draftPage.render(strategyID: strategyID, number: number, context: context, status: .unprocessableContent) {
                $0.signoffForm?.note = form.note ?? ""
                $0.signoffForm?.error = FieldMessages(errors, t).byField["note"] ?? errors.first?.message
            }
        }
    }

    @Sendable func adopt(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("draft")
        try await forms.check(request, visitor: context.visitor)
        do {
            _ = try await database.adopt(strategyID: strategyID, draft: number, by: context.account)
            return WebRenderer.redirect(to: Links.strategy(strategyID) + "?notice=adopted")
        } catch DocumentModelError.notApproved(_, let keys) {
            let t = context.visitor.messages
            let groups = try await database.strategy(id: strategyID, for: context.account).strategy.groups
            let names = keys.map { key in groups.first { $0.key == key }?.name ?? key }
            return try await draftPage.render(strategyID: strategyID, number: number, context: context, status: .conflict) {
                $0.adoptError = t.format("adoptRefused", ["groups": names.joined(separator: ", ")])
            }
        } catch DocumentModelError.translationsIncomplete(_, let languages) {
            let t = context.visitor.messages
            return try await draftPage.render(strategyID: strategyID, number: number, context: context, status: .conflict) {
                $0.adoptError = t.format("adoptRefusedTranslations", ["languages": languages.joined(separator: "; ")])
            }
        }
    }
}
