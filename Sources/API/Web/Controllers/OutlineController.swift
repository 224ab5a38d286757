import DocumentModel
import Hummingbird

/// `/app/strategies/{id}/outline`: facilitators shape the strategy's outline — Add section (heading, text, under
/// which section, at which position), rename, move one step (up, down, indent, outdent: buttons, so every move
/// works from the keyboard) and remove. Each is the DocumentModel write the API's section operations make, with
/// its revision and activity entry; a form from a page older than the section's last change is not applied.
struct OutlineController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/outline", use: page)
        routes.post("/app/strategies/{strategy}/outline", use: add)
        routes.post("/app/strategies/{strategy}/outline/{section}/rename", use: rename)
        routes.post("/app/strategies/{strategy}/outline/{section}/move", use: move)
        routes.post("/app/strategies/{strategy}/outline/{section}/remove", use: remove)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let t = context.visitor.messages
        let notice = request.uri.queryParameters["notice"].flatMap { t.table["notice_" + $0] }
        let moved = request.uri.queryParameters["moved"].flatMap { Int64($0) }
        let step = request.uri.queryParameters["step"].flatMap { OutlineStep(rawValue: String($0)) }
        // After Add section: the form again, under the same parent, ready for the next one.
        let under = request.uri.queryParameters["under"].map(String.init)
        return try await render(
            strategyID, context, notice: notice, focus: moved.map { ($0, step) }, typed: OutlineView.Typed(parent: under ?? ""),
            focusForm: under != nil
        )
    }

    func render(
        _ strategyID: Int64, _ context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok,
        focus: (Int64, OutlineStep?)? = nil, typed: OutlineView.Typed = .init(), errors: [String: String] = [:], focusForm: Bool = false
    ) async throws -> Response {
        let access = try database.authorize(strategyID: strategyID, action: .editSections, for: context.account)
        let outline = try await database.outline(strategyID: strategyID, for: context.account)
        let view = OutlineView(
            strategy: access.strategy, outline: outline, messages: context.visitor.messages, focus: focus, typed: typed, errors: errors,
            focusForm: focusForm
        )
        return renderer.page(
            .outline, title: context.visitor.messages["outlineTitle"] + " – " + access.strategy.title, view, for: context.visitor,
            status: status, notice: notice
        )
    }

    struct AddForm: Decodable {
        var heading: String?
        var body: String?
        var parent: String?
        var position: String?
    }

    @Sendable func add(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let form = try await forms.read(AddForm.self, from: request, visitor: context.visitor, size: .text)
        let typed = OutlineView.Typed(
            heading: form.heading ?? "", body: form.body ?? "", parent: form.parent ?? "", position: form.position ?? ""
        )
        let parentID = try FormNumber.parse(form.parent).map(Int64.init)
        do {
            // Empty: at the end. Text that is no number is sent as 0, which the domain refuses beside its field with
            // the range it allows, as it refuses a number out of range.
            let positionText = typed.position.trimmingCharacters(in: .whitespaces)
            let position = positionText.isEmpty ? nil : Int(positionText) ?? 0
            let new = NewSection(heading: typed.heading, body: typed.body, parentID: parentID, position: position)
            let section = try await database.createSection(strategyID: strategyID, new, by: context.account)
            // Back to the form, its Heading focused and the same parent chosen: the next section is typed at once.
            return WebRenderer.redirect(to: Links.outline(strategyID) + "?notice=sectionAdded&under=\(section.parentID.map(String.init) ?? "")")
        } catch DocumentModelError.invalid(let errors) {
            return try await render(
                strategyID, context, status: .unprocessableContent, typed: typed, errors: FieldMessages(errors, context.visitor.messages).byField
            )
        }
    }

    struct RenameForm: Decodable {
        var revision: String?
        var heading: String?
    }

    @Sendable func rename(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, sectionID) = try (context.parameters.id("strategy"), context.parameters.id("section"))
        let form = try await forms.read(RenameForm.self, from: request, visitor: context.visitor)
        let revision = try FormNumber.parse(form.revision) ?? 0
        do {
            _ = try await database.renameSection(
                strategyID: strategyID, id: sectionID, ifMatch: .revision(revision), heading: form.heading ?? "", by: context.account
            )
        } catch DocumentModelError.invalid(let errors) {
            let message = FieldMessages(errors, context.visitor.messages).byField.values.first ?? ""
            return try await render(strategyID, context, status: .unprocessableContent, errors: ["section-\(sectionID)": message])
        } catch DocumentModelError.preconditionFailed {
            return Self.changed(strategyID, sectionID)
        }
        return WebRenderer.redirect(to: Links.outline(strategyID) + "?notice=sectionRenamed&moved=\(sectionID)")
    }

    struct MoveForm: Decodable {
        var revision: String?
        var step: String?
    }

    @Sendable func move(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, sectionID) = try (context.parameters.id("strategy"), context.parameters.id("section"))
        let form = try await forms.read(MoveForm.self, from: request, visitor: context.visitor)
        guard let step = form.step.flatMap(OutlineStep.init(rawValue:)) else { throw WebError.badForm }
        let revision = try FormNumber.parse(form.revision) ?? 0
        do {
            _ = try await database.moveSection(
                strategyID: strategyID, id: sectionID, ifMatch: .revision(revision), step: step, by: context.account
            )
        } catch DocumentModelError.preconditionFailed, DocumentModelError.conflict {
            return Self.changed(strategyID, sectionID)
        }
        // No fragment: a page whose address names an element does not autofocus, and the focus is what matters here.
        return WebRenderer.redirect(to: Links.outline(strategyID) + "?notice=sectionMoved&moved=\(sectionID)&step=\(step.rawValue)")
    }

    struct RemoveForm: Decodable {
        var revision: String?
    }

    @Sendable func remove(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, sectionID) = try (context.parameters.id("strategy"), context.parameters.id("section"))
        let form = try await forms.read(RemoveForm.self, from: request, visitor: context.visitor)
        let revision = try FormNumber.parse(form.revision) ?? 0
        do {
            try await database.removeSection(strategyID: strategyID, id: sectionID, ifMatch: .revision(revision), by: context.account)
        } catch DocumentModelError.preconditionFailed {
            return Self.changed(strategyID, sectionID)
        }
        return WebRenderer.redirect(to: Links.outline(strategyID) + "?notice=sectionRemoved")
    }

    /// The section changed since the page was read (or the step no longer fits the outline): nothing is done, and
    /// the outline is shown as it is now.
    static func changed(_ strategyID: Int64, _ sectionID: Int64) -> Response {
        WebRenderer.redirect(to: Links.outline(strategyID) + "?notice=outlineChanged#section-\(sectionID)")
    }
}
