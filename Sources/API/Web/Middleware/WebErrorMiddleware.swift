import DocumentModel
import Foundation
import Hummingbird
import Logging

/// Answers every refusal of a page with a page in the reader's language, never a JSON problem or a bare 500:
/// not signed in → the sign-in page (and back afterwards), not found / not allowed / wrong phase → a page that
/// says so, anything unexpected → a plain apology (and the error in the log).
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: WebRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard let visitor = context.visitor else { throw error }
            return response(for: error, request: request, context: context, visitor: visitor)
        }
    }

    func response(for error: any Error, request: Request, context: Context, visitor: WebVisitor) -> Response {
        if case WebError.notSignedIn = error {
            let next = request.method == .get ? request.uri.description : "/app"
            return WebRenderer.redirect(to: "/app/signin?next=" + SignInRedirect.encode(next))
        }
        let t = visitor.messages
        let problem: PageProblem
        if let refusal = PageProblem(error, messages: t) {
            problem = refusal
        } else {
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            problem = PageProblem(.internalServerError, t["errorUnexpectedTitle"], t["errorUnexpected"])
        }
        var response = renderer.page(
            .error, title: problem.heading, ErrorView(heading: problem.heading, message: problem.message), for: visitor,
            status: problem.status
        )
        for field in problem.headers { response.headers.append(field) }
        return response
    }
}

struct ErrorView {
    let heading: String
    let message: String
}
