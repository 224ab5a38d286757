import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: id, method, path (never the query or headers, which may carry secrets), status
/// and duration. An incoming `X-Request-Id` (a proxy's or a client's) becomes the request's id in every log line
/// and is echoed back, so one request can be followed across systems; one that is not 1 to 128 letters, digits,
/// `.`, `_`, `:` or `-` is replaced by the service's own id rather than written into the logs.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    static func isValidRequestID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2E
                    || byte == 0x5F || byte == 0x3A || byte == 0x2D
            }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        var id = context.id
        if let incoming = request.headers[Self.requestIDHeader], Self.isValidRequestID(incoming) {
            id = incoming
            context.logger[metadataKey: "hb.request.id"] = .string(incoming)
        }
        var response = try await next(request, context)
        response.headers[Self.requestIDHeader] = id
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
