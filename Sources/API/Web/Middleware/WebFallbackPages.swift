import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird

/// The pages for requests the router could not route under the interface's paths (`/app…`, `/public/…`): an
/// unknown path (404) or a known one with another method (405, with `Allow`). They are answered before any page
/// middleware runs, so they are rendered here as a signed-out visitor's page in the `Accept-Language`'s language,
/// with the security headers every page carries — never the API's JSON.
struct WebFallbackPages: Sendable {
    let renderer: WebRenderer

    static func isInterfacePath(_ path: String) -> Bool {
        path == "/app" || path.hasPrefix("/app/") || path == "/public" || path.hasPrefix("/public/")
    }

    /// The page for `problem`, or nil when the request is not for the interface.
    func page(for problem: Problem, request: Request) -> Response? {
        guard Self.isInterfacePath(request.uri.path), problem.status == .notFound || problem.status == .methodNotAllowed else {
            return nil
        }
        let messages = renderer.catalog.messages(
            account: nil, chosen: request.cookies[WebCookies.language]?.value, acceptLanguage: request.headers[.acceptLanguage]
        )
        let visitor = WebVisitor(
            account: nil, sessionToken: nil, csrfToken: "", messages: messages,
            dates: DateText(language: messages.language, timeZone: TimeZone(identifier: "UTC")!)
        )
        let (heading, message) =
            problem.status == .notFound
            ? (messages["errorNotFoundTitle"], messages["errorNotFound"])
            : (messages["errorMethodTitle"], messages.format("errorMethod", ["method": request.method.rawValue]))
        var response = renderer.page(.error, title: heading, ErrorView(heading: heading, message: message), for: visitor, status: problem.status)
        if let allow = problem.headers[.allow] { response.headers[.allow] = allow }
        SecurityHeadersMiddleware<AppRequestContext>.apply(to: &response)
        return response
    }
}
