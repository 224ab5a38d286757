import Foundation
import Testing

@testable import API

/// The hand-kept OpenAPI document and the router must list the same operations. The pages of the browser
/// interface (`/`, `/app…`, `/public/…`) are HTML, not operations of the JSON API: their own tests cover them.
@Suite struct OpenAPIConformanceTests {
    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
        let harness = try await Harness.make()
        let router = try buildRouter(database: harness.database, configuration: harness.configuration)
        let routed = Set(
            router.routes.filter { !Self.isPage($0.path.description) }.map { "\($0.method.rawValue) \($0.path)" }
        )
        let documented = try Self.documentedOperations()
        #expect(routed.subtracting(documented).isEmpty, "missing from openapi.yaml: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "not routed: \(documented.subtracting(routed).sorted())")
        #expect(routed.count > 20)
    }

    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "/app" || path.hasPrefix("/app/") || path.hasPrefix("/public/")
    }

    /// `METHOD /path` for every operation under `paths:`; the document's layout (two-space indents) is ours.
    static func documentedOperations() throws -> Set<String> {
        let text = String(decoding: try OpenAPIDocument.load(), as: UTF8.self)
        var operations: Set<String> = []
        var inPaths = false
        var currentPath: String?
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty {
                inPaths = line == "paths:"
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /") && line.hasSuffix(":") && !line.hasPrefix("   ") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if let path = currentPath, line.hasPrefix("    ") && !line.hasPrefix("     ") && line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if methods.contains(String(method)) { operations.insert("\(method.uppercased()) \(path)") }
            }
        }
        return operations
    }
}
