import HTTPTypes
import Hummingbird

/// The routes of the service, registered once and known by pattern.
///
/// Knowing every (method, pattern) lets the service answer 405 with `Allow` for a known path with the wrong
/// method (Hummingbird answers 404), and lets a test compare the routes with the OpenAPI document.
///
/// Unchecked `Sendable`: routes are added while the application is assembled, before it serves, and only
/// read afterwards.
public final class RouteTable: @unchecked Sendable {
    public struct Route: Sendable, Hashable {
        public var method: HTTPRequest.Method
        /// OpenAPI-style path, e.g. `/strategies/{strategy}/sections/{section}`.
        public var pattern: String
    }

    private let router: Router<AppRequestContext>
    public private(set) var routes: [Route] = []

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    func add(_ method: HTTPRequest.Method, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: pattern))
        let hummingbirdPath = pattern.split(separator: "/").map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
        router.on(RouterPath("/" + hummingbirdPath), method: method) { request, context in
            try await handler(request, context)
        }
    }

    /// The methods registered for patterns matching `path`, for 405's `Allow`.
    func methods(matching path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var methods: [HTTPRequest.Method] = []
        for route in routes {
            let pattern = route.pattern.split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { continue }
            let matches = zip(pattern, segments).allSatisfy { expected, actual in
                expected.hasPrefix("{") || expected == actual
            }
            if matches && !methods.contains(route.method) { methods.append(route.method) }
        }
        return methods
    }
}

extension Parameters {
    /// A positive integer path parameter; anything else names no resource, hence 404.
    func id(_ name: String) throws -> Int64 {
        guard let text = self.get(name), let value = Int64(text), value > 0 else { throw Problem.notFound() }
        return value
    }

    func number(_ name: String) throws -> Int {
        guard let text = self.get(name), let value = Int(text), value > 0 else { throw Problem.notFound() }
        return value
    }
}
