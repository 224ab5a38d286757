import DocumentModel
import Hummingbird

/// `/app/admin/people`: every account for administrators — invite someone (the link is shown here and can be
/// sent by hand), send a new link or withdraw one, deactivate an account and reactivate it. Each is the
/// DocumentModel operation the API's `/accounts` routes call, or its sibling where the API has none yet.
struct PeopleController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader
    /// Where invitation links point.
    let publicURL: String

    static let path = "/app/admin/people"

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get(RouterPath(Self.path), use: page)
        routes.post(RouterPath(Self.path), use: invite)
        routes.post(RouterPath(Self.path + "/{account}/invitation"), use: resend)
        routes.post(RouterPath(Self.path + "/{account}/invitation/withdraw"), use: withdraw)
        routes.post(RouterPath(Self.path + "/{account}/deactivate"), use: deactivate)
        routes.post(RouterPath(Self.path + "/{account}/reactivate"), use: reactivate)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(context, notice: notice)
    }

    func render(
        _ context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok, link: PeopleView.Link? = nil,
        typed: PeopleView.Typed = .init(), errors: [String: String] = [:]
    ) async throws -> Response {
        let people = try await database.people(by: context.account)
        let view = PeopleView(
            people, me: context.account, messages: context.visitor.messages, dates: context.visitor.dates, link: link, typed: typed,
            errors: errors
        )
        return renderer.page(.people, title: context.visitor.messages["peopleTitle"], view, for: context.visitor, status: status, notice: notice)
    }

    struct InviteForm: Decodable {
        var name: String?
        var email: String?
        var admin: String?
    }

    /// Creates the account with its invitation and shows the link once, on the page itself: it is not kept.
    @Sendable func invite(request: Request, context: SignedInContext) async throws -> Response {
        try context.account.require(.managePeople)
        let form = try await forms.read(InviteForm.self, from: request, visitor: context.visitor)
        let typed = PeopleView.Typed(name: form.name ?? "", email: form.email ?? "", admin: form.admin != nil)
        do {
            let (account, invitation) = try await database.invite(
                email: typed.email, name: typed.name, admin: typed.admin, by: Actor(accountID: context.account.id, group: nil)
            )
            return try await render(context, link: link(invitation, for: account.name, context))
        } catch DocumentModelError.invalid(let errors) {
            return try await render(
                context, status: .unprocessableContent, typed: typed, errors: FieldMessages(errors, context.visitor.messages).byField
            )
        } catch DocumentModelError.conflict(let message) {
            return try await render(
                context, status: .conflict, typed: typed, errors: ["email": context.visitor.messages.table[message] ?? message]
            )
        }
    }

    /// A new link for a person who has not chosen a password yet; earlier links stop working.
    @Sendable func resend(request: Request, context: SignedInContext) async throws -> Response {
        try context.account.require(.managePeople)
        let accountID = try context.parameters.id("account")
        try await forms.check(request, visitor: context.visitor)
        let invitation = try await database.invite(accountID: accountID, email: nil, by: Actor(accountID: context.account.id, group: nil))
        let name = try await database.account(id: accountID)?.name ?? ""
        return try await render(context, link: link(invitation, for: name, context))
    }

    @Sendable func withdraw(request: Request, context: SignedInContext) async throws -> Response {
        let accountID = try context.parameters.id("account")
        try await forms.check(request, visitor: context.visitor)
        try await database.withdrawInvitation(accountID: accountID, by: context.account)
        return WebRenderer.redirect(to: Self.path + "?notice=invitationWithdrawn")
    }

    @Sendable func deactivate(request: Request, context: SignedInContext) async throws -> Response {
        let accountID = try context.parameters.id("account")
        try await forms.check(request, visitor: context.visitor)
        try await database.deactivate(accountID: accountID, by: context.account)
        return WebRenderer.redirect(to: Self.path + "?notice=accountDeactivated")
    }

    @Sendable func reactivate(request: Request, context: SignedInContext) async throws -> Response {
        let accountID = try context.parameters.id("account")
        try await forms.check(request, visitor: context.visitor)
        try await database.reactivate(accountID: accountID, by: context.account)
        return WebRenderer.redirect(to: Self.path + "?notice=accountReactivated")
    }

    private func link(_ invitation: IssuedInvitation, for name: String, _ context: SignedInContext) -> PeopleView.Link {
        PeopleView.Link(
            name: name, url: publicURL + "/app/invite/" + invitation.token, expires: context.visitor.dates(invitation.expiresAt)
        )
    }
}
