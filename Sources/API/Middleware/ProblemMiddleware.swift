import DocumentModel
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Turns every error, the framework's own included, into an `application/problem+json` response.
///
/// Unknown errors become a bare 500: their text (SQL, paths, SQLite messages) goes to the log only.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Where problem `type` URIs point (`APIConfiguration.problemBaseURI`).
    let baseURI: String
    let allowed: AllowedMethods
    /// Unroutable requests under the interface's paths are answered with pages, not problems.
    let pages: WebFallbackPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = problem(for: error, request: request, context: context)
            return pages.page(for: problem, request: request) ?? problem.response(baseURI: baseURI)
        }
    }

    func problem(for error: any Error, request: Request, context: Context) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as DocumentModelError:
            return Problem(error)
        case is NIOTooManyBytesError:
            return .contentTooLarge(limit: context.bodyLimit)
        case let error as HTTPError where error.status == .notFound:
            // The router found no route: a known path with another method is 405, anything else 404.
            let methods = allowed.methods(for: request.uri.path)
            guard !methods.isEmpty else { return .notFound() }
            var problem = Problem(
                status: .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed",
                detail: "\(request.method.rawValue) is not allowed here"
            )
            problem.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
            return problem
        case let error as HTTPError:
            return Problem(
                status: error.status, slug: nil, title: error.status.reasonPhrase,
                detail: error.body ?? error.status.reasonPhrase
            )
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError()
        }
    }
}
