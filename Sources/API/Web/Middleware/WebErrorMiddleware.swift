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
        let t = visitor.messages
        let (status, heading, message): (HTTPResponse.Status, String, String)
        switch error {
        case WebError.notSignedIn:
            let next = request.method == .get ? request.uri.description : "/app"
            return WebRenderer.redirect(to: "/app/signin?next=" + SignInRedirect.encode(next))
        case WebError.formExpired: (status, heading, message) = (.forbidden, t["errorFormExpiredTitle"], t["errorFormExpired"])
        case WebError.throttled(let seconds):
            var response = renderer.page(
                "error", title: t["errorThrottledTitle"],
                ErrorView(heading: t["errorThrottledTitle"], message: t.format("errorThrottled", ["minutes": "\(max(1, (seconds + 59) / 60))"])),
                for: visitor, status: .tooManyRequests
            )
            response.headers[.retryAfter] = "\(seconds)"
            return response
        case WebError.badForm: (status, heading, message) = (.badRequest, t["errorBadFormTitle"], t["errorBadForm"])
        case let error as DocumentModelError:
            switch error {
            case .notFound: (status, heading, message) = (.notFound, t["errorNotFoundTitle"], t["errorNotFound"])
            case .forbidden: (status, heading, message) = (.forbidden, t["errorForbiddenTitle"], t["errorForbidden"])
            case .phaseForbids(let phase, _):
                (status, heading, message) = (.conflict, t["errorPhaseTitle"], t.format("errorPhase", ["phase": t["phase_" + phase.rawValue]]))
            case .busy: (status, heading, message) = (.serviceUnavailable, t["errorBusyTitle"], t["errorBusy"])
            default: (status, heading, message) = (.conflict, t["errorConflictTitle"], "\(error)")
            }
        case let problem as Problem where problem.status == .notFound:
            (status, heading, message) = (.notFound, t["errorNotFoundTitle"], t["errorNotFound"])
        case let problem as Problem where problem.status.code < 500:
            (status, heading, message) = (problem.status, t["errorBadRequestTitle"], problem.detail)
        case let error as HTTPError where error.status.code < 500:
            (status, heading, message) = (error.status, t["errorBadRequestTitle"], error.body ?? t["errorBadRequest"])
        default:
            context.logger.error("page failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            (status, heading, message) = (.internalServerError, t["errorUnexpectedTitle"], t["errorUnexpected"])
        }
        return renderer.page("error", title: heading, ErrorView(heading: heading, message: message), for: visitor, status: status)
    }
}

struct ErrorView {
    let heading: String
    let message: String
}
