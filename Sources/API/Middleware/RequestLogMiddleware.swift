import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: id, method, path (never the query or headers, which may carry secrets), status
/// and duration.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[Self.requestIDHeader] = context.id
        let elapsed = ContinuousClock.now - start
        // Microseconds as an integer: Foundation's String(format:) showed up in profiles of this hot path.
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        context.logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code)",
            metadata: ["us": "\(micros)"]
        )
        return response
    }
}
