import DocumentModel
import Foundation
import Testing
import Yams

@testable import API

/// One list of activity actions (`ActivityAction`) behind the log, the page script, the catalog and the OpenAPI
/// document: each of them is held to it here.
@Suite struct ActivityActionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let actions = Set(ActivityAction.allCases.map(\.rawValue))

    @Test func theCatalogNamesEveryAction() throws {
        let english = try MessageCatalog.load().messages(account: nil, acceptLanguage: "en")
        for action in ActivityAction.allCases {
            #expect(english.table["activity_" + action.rawValue] != nil, "activity_\(action.rawValue)")
        }
        let named = english.table.keys.filter { $0.hasPrefix("activity_") && $0.contains(".") }.map { String($0.dropFirst(9)) }
        #expect(Set(named).subtracting(Self.actions).isEmpty, "the catalog names actions that do not exist")
    }

    @Test func theOpenAPIDocumentListsExactlyTheActions() throws {
        let document = try OpenAPIDocumentTests.document()
        let components = try #require(document["components"] as? [String: Any])
        let schemas = try #require(components["schemas"] as? [String: Any])
        let entry = try #require(schemas["ActivityEntry"] as? [String: Any])
        let properties = try #require(entry["properties"] as? [String: Any])
        let action = try #require(properties["action"] as? [String: Any])
        let listed = try #require(action["enum"] as? [String])
        #expect(Set(listed) == Self.actions)
    }

    @Test func thePageScriptNamesOnlyActionsThatExist() throws {
        let script = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/API/Resources/Web/assets/app.js"), encoding: .utf8
        )
        let exact = script.matches(of: /action [!=]== "([a-z.-]+)"/).map { String($0.output.1) }
        let prefixes = script.matches(of: /action\.startsWith\("([a-z.-]+)"\)/).map { String($0.output.1) }
        #expect(!exact.isEmpty && !prefixes.isEmpty)
        for action in exact { #expect(Self.actions.contains(action), "app.js names \(action)") }
        for prefix in prefixes { #expect(Self.actions.contains { $0.hasPrefix(prefix) }, "app.js names \(prefix)…") }
    }

    @Test func everyEntryTheLogHoldsIsAnAction() async throws {
        let harness = try await Harness.make()
        let entries = try await harness.database.activity(strategyID: harness.strategyID, after: 0, limit: 200).items
        #expect(!entries.isEmpty)
        for entry in entries { #expect(Self.actions.contains(entry.action), "\(entry.action)") }
    }
}
