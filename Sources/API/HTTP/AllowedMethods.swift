import HTTPTypes
import Hummingbird
import Synchronization

/// The methods each known path answers, read from the router's own list of routes once they are registered.
///
/// Hummingbird answers a known path with an unknown method as it answers an unknown path (404); with this the
/// service answers 405 with `Allow`. A path is matched as the router's trie matches it: a literal segment wins
/// over a parameter, so `/strategies/import` allows what that route allows, not what `/strategies/{strategy}` does.
final class AllowedMethods: Sendable {
    private struct Endpoint: Sendable {
        var path: RouterPath
        var methods: [HTTPRequest.Method]
    }

    private let endpoints = Mutex<[Endpoint]>([])

    /// The order `Allow` lists methods in, whatever order routes were registered in.
    private static let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete]

    /// Reads the router's routes; called once, after every route is registered and before the server starts.
    func load<Context>(from router: Router<Context>) {
        var byPath: [String: Endpoint] = [:]
        for route in router.routes {
            byPath[route.path.description, default: Endpoint(path: route.path, methods: [])].methods.append(route.method)
        }
        let ordered = byPath.values.map { endpoint in
            var endpoint = endpoint
            // The router answers HEAD wherever it answers GET (`.autoGenerateHeadEndpoints`).
            if endpoint.methods.contains(.get) && !endpoint.methods.contains(.head) { endpoint.methods.append(.head) }
            endpoint.methods.sort { Self.rank($0) < Self.rank($1) }
            return endpoint
        }
        endpoints.withLock { $0 = ordered }
    }

    /// The methods of the route the router would pick for `path`; empty when no route matches it.
    func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return endpoints.withLock { endpoints in
            var best: (endpoint: Endpoint, literals: [Bool])?
            for endpoint in endpoints where endpoint.path.components.count == segments.count {
                guard zip(endpoint.path.components, segments).allSatisfy({ $0 ~= $1 }) else { continue }
                let literals = zip(endpoint.path.components, segments).map { $0 == $1 }
                // The trie prefers a literal segment to a parameter at the first place where two routes differ.
                if best == nil || literals.lexicographicallyPrecedes(best!.literals, by: { $0 && !$1 }) {
                    best = (endpoint, literals)
                }
            }
            return best?.endpoint.methods ?? []
        }
    }

    private static func rank(_ method: HTTPRequest.Method) -> Int {
        order.firstIndex(of: method) ?? order.count
    }
}
