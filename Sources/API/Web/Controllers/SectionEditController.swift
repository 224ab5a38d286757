import DocumentModel
import Hummingbird

/// **Edit** a section directly (facilitators). The form carries the revision it started from; when someone else
/// saved in between, both edits are merged three ways and the result is shown to save, or the passages both
/// changed are shown beside the editor: an edit is never lost, and never silently written over another.
struct SectionEditController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/sections/{section}/edit", use: page)
        routes.post("/app/strategies/{strategy}/sections/{section}/edit", use: save)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let access = try database.authorize(strategyID: strategyID, action: .editSections, for: context.account)
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        return render(Self.view(access.strategy, section), context: context)
    }

    static func view(_ strategy: Strategy, _ section: Section) -> SectionEditView {
        SectionEditView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategy.id),
            sectionTitle: (section.number.map { $0 + " " } ?? "") + section.heading, sectionHref: Links.section(strategy.id, section.id),
            action: Links.section(strategy.id, section.id) + "/edit", revision: section.revision, heading: section.heading,
            body: section.body
        )
    }

    func render(_ view: SectionEditView, context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.sectionEdit, title: context.visitor.messages["editSectionTitle"], view, for: context.visitor, status: status)
    }

    struct EditForm: Decodable {
        var revision: String?
        var heading: String?
        var body: String?
        var message: String?
    }

    @Sendable func save(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let form = try await forms.read(EditForm.self, from: request, visitor: context.visitor, size: .text)
        let t = context.visitor.messages
        let access = try database.authorize(strategyID: strategyID, action: .editSections, for: context.account)
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        var view = Self.view(access.strategy, section)
        view.heading = form.heading ?? ""
        view.body = form.body ?? ""
        view.message = form.message ?? ""
        let startedFrom = try FormNumber.parse(form.revision).flatMap { (1...section.revision).contains($0) ? $0 : nil }
        view.revision = startedFrom ?? section.revision
        do {
            _ = try await database.updateSection(
                strategyID: strategyID, id: sectionID, ifMatch: .revision(startedFrom ?? 0), heading: view.heading, body: view.body,
                message: view.message.isEmpty ? nil : view.message, by: context.account
            )
            return WebRenderer.redirect(to: Links.section(strategyID, sectionID) + "?notice=sectionSaved")
        } catch DocumentModelError.invalid(let errors) {
            view.errors = FieldMessages(errors, t).byField
            return render(view, context: context, status: .unprocessableContent)
        } catch DocumentModelError.preconditionFailed(let current) {
            guard let startedFrom else {
                // A form that names no revision of this section: start again from the current text, keeping the edit.
                view.revision = current
                view.mergeNotice = t["editUnknownRevision"]
                return render(view, context: context, status: .conflict)
            }
            let merge = try await database.mergeEdit(
                strategyID: strategyID, sectionID: sectionID, startedFrom: startedFrom, heading: view.heading, body: view.body,
                for: context.account
            )
            view.revision = merge.revision
            if let heading = merge.heading, let body = merge.body {
                view.heading = heading
                view.body = body
                view.mergeNotice = t.format("editMerged", ["from": "\(startedFrom)", "n": "\(merge.revision)"])
            } else {
                view.mergeNotice = t.format("editConflicts", ["from": "\(startedFrom)", "n": "\(merge.revision)"])
                view.regions = merge.conflicts.map {
                    .init(
                        field: t["conflictIn_" + $0.field], base: t.orNothing($0.base), theirs: t.orNothing($0.current),
                        mine: t.orNothing($0.proposed))
                }
                view.hasRegions = true
            }
            return render(view, context: context, status: .conflict)
        }
    }
}
