import DiffEngine
import DocumentModel
import Hummingbird

/// **Propose an amendment**: the current heading and text in an editor, a rationale, **Preview** (the word-level
/// redline against the revision it is based on, nothing saved), then **Submit**.
struct AmendmentFormController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/sections/{section}/amendments/new", use: page)
        routes.post("/app/strategies/{strategy}/sections/{section}/amendments/new", use: submit)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        // Offered only to those who may propose now; anyone else gets the refusal the write would give.
        let access = try database.authorize(strategyID: strategyID, action: .proposeAmendment, for: context.account)
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        let view = Self.view(strategy: access.strategy, section: section, base: section.revision, context.visitor.messages)
        return render(view, context: context)
    }

    static func view(strategy: Strategy, section: Section, base: Int, _ t: Messages) -> AmendmentFormView {
        AmendmentFormView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategy.id),
            sectionTitle: (section.number.map { $0 + " " } ?? "") + section.heading, sectionHref: Links.section(strategy.id, section.id),
            action: Links.proposeAmendment(strategy.id, section.id), baseRevision: base,
            baseLine: t.format("amendmentBasedOn", ["n": "\(base)"]), heading: section.heading, body: section.body
        )
    }

    func render(_ view: AmendmentFormView, context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.amendmentNew, title: context.visitor.messages["proposeAmendment"], view, for: context.visitor, status: status)
    }

    struct AmendmentForm: Decodable {
        var baseRevision: String?
        var heading: String?
        var body: String?
        var rationale: String?
        /// `preview` or `submit`: which button was pressed.
        var action: String?
    }

    @Sendable func submit(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let form = try await forms.read(AmendmentForm.self, from: request, visitor: context.visitor, size: .text)
        let t = context.visitor.messages
        let access = try await database.strategy(id: strategyID, for: context.account)
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        let base = try FormNumber.parse(form.baseRevision).flatMap { (1...section.revision).contains($0) ? $0 : nil } ?? section.revision
        var view = Self.view(strategy: access.strategy, section: section, base: base, t)
        view.heading = form.heading ?? section.heading
        view.body = form.body ?? ""
        view.rationale = form.rationale ?? ""
        if base < section.revision { view.movedOn = t.format("amendmentSectionMovedOn", ["n": "\(section.revision)"]) }

        if form.action == "preview" {
            let before = try await database.revision(strategyID: strategyID, sectionID: sectionID, number: base, for: context.account)
            let redline = RedlineHTML(t)
            let heading = try await database.wordDiff(before: before.heading, after: view.heading)
            let body = try await database.wordDiff(before: before.body, after: view.body)
            view.previewHeadingHTML = redline.inline(heading)
            view.previewBodyHTML = redline.paragraphs(body)
            view.previewIdentical = before.heading == view.heading && before.body == view.body
            return render(view, context: context)
        }
        do {
            let amendment = try await database.proposeAmendment(
                strategyID: strategyID, sectionID: sectionID,
                NewAmendment(
                    baseRevision: base, heading: view.heading, body: view.body, rationale: view.rationale
                ),
                by: context.account
            )
            return WebRenderer.redirect(to: Links.amendment(strategyID, amendment.number) + "?notice=amendmentProposed")
        } catch DocumentModelError.invalid(let errors) {
            view.errors = FieldMessages(errors, t).byField
            return render(view, context: context, status: .unprocessableContent)
        }
    }
}
