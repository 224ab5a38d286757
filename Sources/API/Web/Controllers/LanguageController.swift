import DocumentModel
import Foundation
import Hummingbird

/// `/app/language`: the language menu of every page. Signed out, a `GET` keeps the choice in a cookie (nothing
/// else changes, so no form token is needed, and the public page, which sets no cookie, can offer it too); signed
/// in, a `POST` with the page's form token keeps it on the account, as Settings does. Either way the reader goes
/// back to the page they chose on (its `Referer`, when it is a page of this service).
struct LanguageController {
    let database: AppDatabase
    let catalog: MessageCatalog
    let forms: FormReader
    let cookies: WebCookies

    static let path = "/app/language"

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get(RouterPath(Self.path), use: choose)
        routes.post(RouterPath(Self.path), use: keep)
        return routes
    }

    @Sendable func choose(request: Request, context: AppRequestContext) async throws -> Response {
        let tag = try chosen(request.uri.queryParameters["language"].map(String.init))
        return back(request, setting: tag)
    }

    struct Form: Decodable {
        var language: String?
    }

    @Sendable func keep(request: Request, context: AppRequestContext) async throws -> Response {
        guard let visitor = context.visitor else { throw WebError.notSignedIn }
        let form = try await forms.read(Form.self, from: request, visitor: visitor)
        let tag = try chosen(form.language)
        if let account = visitor.account {
            try await database.setPreferences(accountID: account.id, Preferences(language: tag, timeZone: account.timeZone))
        }
        return back(request, setting: tag)
    }

    /// The catalog's own tag for what was chosen; a language the catalog does not have is no choice of the menu's.
    func chosen(_ language: String?) throws -> String {
        guard let language, let messages = catalog[language] else { throw WebError.badForm }
        return messages.language
    }

    func back(_ request: Request, setting tag: String) -> Response {
        let referer = request.headers[.referer].flatMap(URL.init(string:))
        // Only the path (and query) of a page of this service: never another site.
        let path = referer.map { $0.path + ($0.query.map { "?" + $0 } ?? "") }
        var response = WebRenderer.redirect(to: SignInRedirect.target(path))
        response.setCookie(cookies.language(tag))
        return response
    }
}
