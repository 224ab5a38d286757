import DocumentModel
import Hummingbird

/// **Languages of the strategy** (facilitators): the source language, the target languages and whether adoption
/// waits for every translation to be current; the same `updateStrategy` as the API's `PATCH` with `language`,
/// `translations` and `requireTranslations`.
struct LanguagesController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    /// The languages offered as boxes: the region's official ones and the partners' (any other tag can be typed).
    static let offered = ["sq", "sr-Latn", "sr-Cyrl", "en", "mk"]

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/languages", use: page)
        routes.post("/app/strategies/{strategy}/languages", use: save)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let access = try database.authorize(strategyID: try context.parameters.id("strategy"), action: .editStrategy, for: context.account)
        let strategy = access.strategy
        let view = Self.view(
            strategy, language: strategy.language, translations: strategy.translations, require: strategy.requireTranslations, other: nil
        )
        return render(view, context: context)
    }

    struct Form: Decodable {
        var language: String?
        var translations: [String]?
        var other: String?
        var requireTranslations: String?
    }

    @Sendable func save(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let form = try await forms.read(Form.self, from: request, visitor: context.visitor)
        let access = try database.authorize(strategyID: strategyID, action: .editStrategy, for: context.account)
        let typed = (form.other ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let translations = (form.translations ?? []) + typed
        let require = form.requireTranslations == "on"
        do {
            _ = try await database.updateStrategy(
                id: strategyID, title: nil, summary: nil,
                languages: LanguageChange(language: form.language ?? "", translations: translations, requireTranslations: require),
                by: context.account
            )
            return WebRenderer.redirect(to: Links.strategy(strategyID) + "?notice=languagesSaved")
        } catch DocumentModelError.invalid(let errors) {
            var view = Self.view(
                access.strategy, language: form.language ?? "", translations: form.translations ?? [], require: require, other: form.other
            )
            view.errors =
                FieldMessages(
                    errors.map { FieldError(field: $0.field.hasPrefix("translations") ? "translations" : $0.field, message: $0.message) },
                    context.visitor.messages
                ).byField
            return render(view, context: context, status: .unprocessableContent)
        }
    }

    static func view(_ strategy: Strategy, language: String, translations: [String], require: Bool, other: String?) -> LanguagesView {
        let sources = (offered + [strategy.language]).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let extra = translations.filter { !offered.contains($0) }
        return LanguagesView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategy.id), action: Links.strategy(strategy.id) + "/languages",
            sources: sources.map { .init(id: "source-\($0)", tag: $0, label: LanguageNames.endonym($0), selected: $0 == language) },
            targets: offered.map { .init(id: "target-\($0)", tag: $0, label: LanguageNames.endonym($0), selected: translations.contains($0)) },
            other: other ?? extra.joined(separator: " "), requireTranslations: require
        )
    }

    private func render(_ view: LanguagesView, context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.languages, title: context.visitor.messages["languagesLink"], view, for: context.visitor, status: status)
    }
}
