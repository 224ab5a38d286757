import DocumentModel
import Hummingbird

/// `/app/settings/tokens`: a person's own API tokens — create one with a name (its text is shown once, on the
/// page that creates it), see when each was last used, revoke one. The same operations as the API's
/// `/accounts/{account}/tokens`, for the signed-in account only.
struct TokensController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    static let path = "/app/settings/tokens"

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get(RouterPath(Self.path), use: page)
        routes.post(RouterPath(Self.path), use: create)
        routes.post(RouterPath(Self.path + "/{tokenID}/revoke"), use: revoke)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(context, notice: notice)
    }

    func render(
        _ context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok, issued: TokensView.Issued? = nil,
        typedName: String = "", errors: [String: String] = [:]
    ) async throws -> Response {
        let tokens = try await database.tokens(accountID: context.account.id)
        let view = TokensView(
            tokens, messages: context.visitor.messages, dates: context.visitor.dates, issued: issued, typedName: typedName, errors: errors
        )
        return renderer.page(.tokens, title: context.visitor.messages["tokensTitle"], view, for: context.visitor, status: status, notice: notice)
    }

    struct Form: Decodable {
        var name: String?
    }

    /// Creates the token and shows its text on this answer only: only its hash is stored.
    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let form = try await forms.read(Form.self, from: request, visitor: context.visitor)
        let name = form.name ?? ""
        do {
            let issued = try await database.issueToken(
                accountID: context.account.id, name: name, by: Actor(accountID: context.account.id, group: nil)
            )
            return try await render(context, issued: TokensView.Issued(name: name, token: issued.token))
        } catch DocumentModelError.invalid(let errors) {
            return try await render(
                context, status: .unprocessableContent, typedName: name, errors: FieldMessages(errors, context.visitor.messages).byField
            )
        }
    }

    /// Revokes one of the reader's own tokens; another person's token is not found (404), as in the API.
    @Sendable func revoke(request: Request, context: SignedInContext) async throws -> Response {
        let tokenID = try context.parameters.id("tokenID")
        try await forms.check(request, visitor: context.visitor)
        try await database.revokeToken(
            accountID: context.account.id, tokenID: tokenID, by: Actor(accountID: context.account.id, group: nil)
        )
        return WebRenderer.redirect(to: Self.path + "?notice=tokenRevoked")
    }
}
