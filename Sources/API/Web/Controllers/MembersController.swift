import DocumentModel
import Hummingbird

/// `/app/strategies/{id}/members`: who takes part, in which role and group, for every member to read; for those
/// who manage members (facilitators, admins), adding a person found by name or email, changing a role or group,
/// and removing — each the same `DocumentModel` operation as the API's `PUT` and `DELETE …/members/{account}`.
struct MembersController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/members", use: page)
        routes.post("/app/strategies/{strategy}/members", use: add)
        routes.post("/app/strategies/{strategy}/members/{account}", use: change)
        routes.post("/app/strategies/{strategy}/members/{account}/remove", use: remove)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(strategyID, context, notice: notice)
    }

    func render(
        _ strategyID: Int64, _ context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok,
        typed: MembersView.Typed = .init(), errors: [String: String] = [:]
    ) async throws -> Response {
        let t = context.visitor.messages
        let access = try await database.strategy(id: strategyID, for: context.account)
        let members = try await database.members(strategyID: strategyID, for: context.account)
        let view = MembersView(access: access, members: members, messages: t, typed: typed, errors: errors)
        return renderer.page(
            .members, title: t["membersTitle"] + " – " + access.strategy.title, view, for: context.visitor, status: status, notice: notice
        )
    }

    struct Form: Decodable {
        var person: String?
        var role: String?
        var group: String?
        /// A translator's languages (checkboxes); ignored for other roles.
        var languages: [String]?
    }

    /// The role and group a form names; a role outside the list is no form of ours (400).
    static func roleAndGroup(_ form: Form) throws -> (Role, String?) {
        guard let role = form.role.flatMap(Role.init(rawValue:)) else { throw WebError.badForm }
        return (role, form.group.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The languages ticked, for a translator only (the checkboxes stay on the form whatever the role chosen).
    static func languages(_ form: Form, role: Role) -> [String] {
        role == .translator ? form.languages ?? [] : []
    }

    @Sendable func add(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let form = try await forms.read(Form.self, from: request, visitor: context.visitor)
        let (role, group) = try Self.roleAndGroup(form)
        do {
            let person = try await database.findPerson(form.person ?? "", strategyID: strategyID, by: context.account)
            _ = try await database.setMember(
                strategyID: strategyID, accountID: person.id, role: role, group: group, languages: Self.languages(form, role: role),
                by: context.account
            )
        } catch DocumentModelError.invalid(let errors) {
            let typed = MembersView.Typed(
                person: form.person ?? "", role: role.rawValue, group: group ?? "", languages: form.languages ?? []
            )
            return try await render(
                strategyID, context, status: .unprocessableContent, typed: typed,
                errors: FieldMessages(errors, context.visitor.messages).byField
            )
        }
        return WebRenderer.redirect(to: Links.members(strategyID) + "?notice=memberSaved")
    }

    @Sendable func change(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, accountID) = try (context.parameters.id("strategy"), context.parameters.id("account"))
        let form = try await forms.read(Form.self, from: request, visitor: context.visitor)
        let (role, group) = try Self.roleAndGroup(form)
        do {
            _ = try await database.setMember(
                strategyID: strategyID, accountID: accountID, role: role, group: group, languages: Self.languages(form, role: role),
                by: context.account
            )
        } catch DocumentModelError.invalid(let errors) {
            let message = FieldMessages(errors, context.visitor.messages).byField.values.first ?? ""
            return try await render(strategyID, context, status: .unprocessableContent, errors: ["member-\(accountID)": message])
        }
        return WebRenderer.redirect(to: Links.members(strategyID) + "?notice=memberSaved")
    }

    @Sendable func remove(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, accountID) = try (context.parameters.id("strategy"), context.parameters.id("account"))
        try await forms.check(request, visitor: context.visitor)
        try await database.removeMember(strategyID: strategyID, accountID: accountID, by: context.account)
        return WebRenderer.redirect(to: Links.members(strategyID) + "?notice=memberRemoved")
    }
}
