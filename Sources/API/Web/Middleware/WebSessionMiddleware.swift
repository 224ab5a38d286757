import DocumentModel
import Foundation
import Hummingbird

/// Finds who is looking at a page (the session cookie's account, if the session is good) and what they read in,
/// and makes sure a visitor who is not signed in has the secret their forms are bound to.
struct WebSessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let catalog: MessageCatalog
    let cookies: WebCookies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let sessionToken = request.cookies[WebCookies.session]?.value
        let account: Account? = if let sessionToken { try await database.account(sessionToken: sessionToken) } else { nil }
        var newFormSecret: String?
        let boundTo: String
        if account != nil, let sessionToken {
            boundTo = sessionToken
        } else if let secret = request.cookies[WebCookies.form]?.value, Secret.looksValid(secret) {
            boundTo = secret
        } else {
            boundTo = Secret.random()
            newFormSecret = boundTo
        }
        let messages = catalog.messages(
            account: account, chosen: request.cookies[WebCookies.language]?.value, acceptLanguage: request.headers[.acceptLanguage]
        )
        let timeZone = account?.timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")!
        context.visitor = WebVisitor(
            account: account, sessionToken: account == nil ? nil : sessionToken, csrfToken: FormGuard.token(boundTo: boundTo),
            messages: messages, dates: DateText(language: messages.language, timeZone: timeZone)
        )
        var response = try await next(request, context)
        // A response a shared cache may keep (assets, the public page) never sets a cookie: the cache would hand
        // it to everyone.
        if response.headers[.cacheControl]?.contains("public") == true { return response }
        if let newFormSecret { response.setCookie(cookies.form(newFormSecret)) }
        // A cookie for a session that has ended is dropped, unless the page just started a new one.
        if sessionToken != nil, account == nil, !response.headers[values: .setCookie].contains(where: { $0.hasPrefix(WebCookies.session + "=") }) {
            response.setCookie(cookies.clearedSession)
        }
        return response
    }
}
