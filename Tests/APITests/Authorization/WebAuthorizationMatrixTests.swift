import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// Every route of the browser interface (pages and forms) × the nine kinds of caller, against the second table in
/// docs/RELIABILITY.md, as `AuthorizationMatrixTests` does for the API: a page offers and a form does exactly what
/// the domain's access policy allows, and a new route without a row fails.
@Suite struct WebAuthorizationMatrixTests {
    static func rows() throws -> [AuthorizationMatrixTests.Row] {
        try AuthorizationMatrixTests.rows(between: "web-authorization-matrix")
    }

    /// The interface's routes as the router holds them: `GET /…` and `POST /…` under `/`, `/app` and `/public`.
    static func routes() throws -> Set<String> {
        let router = try buildRouter(database: try AppDatabase.inMemory(), configuration: APIConfiguration(port: 0))
        return Set(
            router.routes.filter { route in
                let path = route.path.description
                return route.method != .head && (path == "/" || WebFallbackPages.isInterfacePath(path) && path != "/app/**")
            }.map { "\($0.method.rawValue) \($0.path.description)" }
        )
    }

    @Test func theTableHasARowForEveryRouteOfTheInterface() throws {
        let routes = try Self.routes()
        let rows = Set(try Self.rows().map(\.operation))
        #expect(routes.count > 40)
        #expect(routes.subtracting(rows).isEmpty, "no row for \(routes.subtracting(rows).sorted())")
        #expect(rows.subtracting(routes).isEmpty, "not a route: \(rows.subtracting(routes).sorted())")
    }

    @Test(arguments: try WebAuthorizationMatrixTests.rows())
    func everyCallerGetsTheStatusOfTheTable(row: AuthorizationMatrixTests.Row) async throws {
        let observed = try await AuthorizationFixture.answers(of: AuthorizationFixture.principals) { principal, fixture, client in
            let response = try await WebMatrixRequest(row: row, fixture: fixture).send(as: principal, client: client)
            // A refusal is a page (or a redirect to sign in), never the API's JSON.
            if response.status.code >= 400 {
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(row.operation) as \(principal)")
            }
            return (String(response.status.code), row.method != .get && response.status.code < 400)
        }
        if ProcessInfo.processInfo.environment["PRINT_AUTHORIZATION_MATRIX"] != nil {
            print("| `\(row.operation)` | " + observed.joined(separator: " | ") + " |")
        }
        for (index, principal) in AuthorizationFixture.principals.enumerated() {
            #expect(observed[index] == row.expected[index], "\(row.operation) as \(principal)")
        }
    }
}
