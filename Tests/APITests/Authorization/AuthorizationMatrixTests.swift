import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every operation of the OpenAPI document × every kind of caller, against the table in docs/RELIABILITY.md:
/// the table is the specification, this test holds the service to it, and a new operation without a row fails.
/// Set PRINT_AUTHORIZATION_MATRIX=1 to print the table the service answers (to review, never to paste blindly).
@Suite struct AuthorizationMatrixTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let operation: String
        let expected: [String]
        var testDescription: String { operation }
        var method: HTTPRequest.Method { HTTPRequest.Method(String(operation.prefix { $0 != " " }))! }
        var path: String { String(operation.drop { $0 != " " }.dropFirst()) }
    }

    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/RELIABILITY.md")

    /// The rows between the `authorization-matrix` markers: `` | `METHOD /path` | status | … | ``.
    static func rows() throws -> [Row] {
        try rows(between: "authorization-matrix")
    }

    /// The rows of the table between `<!-- marker:start -->` and `<!-- marker:end -->`.
    static func rows(between marker: String) throws -> [Row] {
        let text = try String(contentsOf: documentURL, encoding: .utf8)
        guard let start = text.range(of: "<!-- \(marker):start -->"),
            let end = text.range(of: "<!-- \(marker):end -->")
        else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == AuthorizationFixture.principals.count + 1, cells[0].hasPrefix("`") else { return nil }
            return Row(operation: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")), expected: Array(cells.dropFirst()))
        }
    }

    @Test func theTableHasARowForEveryOperationOfTheSpec() throws {
        let documented = try OpenAPIConformanceTests.documentedOperations()
        let rows = Set(try Self.rows().map(\.operation))
        #expect(documented.subtracting(rows).isEmpty, "no row for \(documented.subtracting(rows).sorted())")
        #expect(rows.subtracting(documented).isEmpty, "not in the spec: \(rows.subtracting(documented).sorted())")
    }

    @Test(arguments: try AuthorizationMatrixTests.rows())
    func everyCallerGetsTheStatusOfTheTable(row: Row) async throws {
        // A done write changes the world: the next caller tries it on a world of its own.
        let observed = try await AuthorizationFixture.answers(of: AuthorizationFixture.principals) { principal, fixture, client in
            let status = try await MatrixRequest(row: row, fixture: fixture).send(as: principal, client: client).status.code
            return (String(status), row.method != .get && status < 400)
        }
        if ProcessInfo.processInfo.environment["PRINT_AUTHORIZATION_MATRIX"] != nil {
            print("| `\(row.operation)` | " + observed.joined(separator: " | ") + " |")
        }
        for (index, principal) in AuthorizationFixture.principals.enumerated() {
            #expect(observed[index] == row.expected[index], "\(row.operation) as \(principal)")
        }
    }

    /// Object-level authorization: a section of one strategy under another strategy's address does not exist for
    /// anyone the table lets do the operation, though every one of them belongs to both strategies (admins to all).
    @Test(arguments: try AuthorizationMatrixTests.rows().filter { $0.path.contains("{section}") })
    func aSectionOfOneStrategyUnderAnothersAddressIsNotFound(row: Row) async throws {
        let fixture = try await AuthorizationFixture.make()
        let allowed = zip(AuthorizationFixture.principals, row.expected).filter { $0.1.hasPrefix("2") }.map(\.0)
        #expect(!allowed.isEmpty)
        for principal in allowed {
            var request = MatrixRequest(row: row, fixture: fixture)
            request.strategy = fixture.other
            request.section = fixture.sectionIDs[fixture.consultation]!
            let response = try await request.send(as: principal)
            #expect(response.status == .notFound, "\(row.operation) as \(principal): \(response.status.code)")
        }
    }
}
