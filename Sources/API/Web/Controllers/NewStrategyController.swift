import DocumentModel
import Hummingbird

/// `/app/admin/strategies/new`: an administrator starts a strategy — title, summary and its stakeholder groups,
/// the usual three prefilled — with the same `createStrategy` the API's `POST /strategies` calls.
struct NewStrategyController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    static let path = "/app/admin/strategies/new"

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get(RouterPath(Self.path), use: page)
        routes.post(RouterPath(Self.path), use: create)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        try context.account.require(.createStrategy)
        let view = NewStrategyView(messages: context.visitor.messages)
        return renderer.page(.newStrategy, title: context.visitor.messages["newStrategy"], view, for: context.visitor)
    }

    struct Form: Decodable {
        var title: String?
        var summary: String?
        var groupName: [String]?
        var language: String?
        var translations: [String]?
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        try context.account.require(.createStrategy)
        let form = try await forms.read(Form.self, from: request, visitor: context.visitor, size: .text)
        let (title, summary, names) = (form.title ?? "", form.summary ?? "", form.groupName ?? [])
        do {
            let strategy = try await database.createStrategy(
                NewStrategy(
                    title: title, summary: summary, groups: StakeholderGroup.named(names),
                    language: form.language ?? context.visitor.messages.language, translations: form.translations ?? []
                ),
                by: context.account
            )
            return WebRenderer.redirect(to: Links.strategy(strategy.id))
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            let view = NewStrategyView(
                messages: t, title: title, summary: summary, groupNames: names, language: form.language,
                translations: form.translations ?? [],
                errors: FieldMessages(
                    errors.map { FieldError(field: $0.field.hasPrefix("translations") ? "translations" : $0.field, message: $0.message) }, t
                ).byField
            )
            return renderer.page(.newStrategy, title: t["newStrategy"], view, for: context.visitor, status: .unprocessableContent)
        }
    }
}
