import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// An administrator starts a strategy in the browser (#25): the home page leads to New strategy, whose form
/// creates it with the same operation as `POST /strategies`; a refusal keeps what was typed; nobody else is
/// offered the page or may use it.
@Suite struct WebNewStrategyTests {
    static let path = "/app/admin/strategies/new"

    static func strategies(_ harness: Harness, _ client: some TestClientProtocol) async throws -> [Wire.Strategy] {
        try await client.send(.get, "/strategies", as: harness.tokens["admin"]).decode(Wire.Page<Wire.Strategy>.self).items
    }

    @Test func anAdministratorStartsAStrategyFromTheHomePage() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var admin = try await WebPagesTests.signIn("admin", harness, client)
            let home = try await admin.get("/app")
            #expect(home.text.contains(#"<a class="button" href="\#(Self.path)">New strategy</a>"#))
            let page = try await admin.get(Self.path)
            #expect(page.status == .ok)
            for name in ["Government", "Civil society", "Industry"] {
                #expect(page.text.contains(#"name="groupName[]" type="text" value="\#(name)""#), "\(name) is prefilled")
            }
            let created = try await admin.post(
                Self.path,
                pairs: [
                    ("title", "Protecting children online"), ("summary", "A national strategy, 2027–2030."),
                    ("groupName[]", "Government"), ("groupName[]", "Civil society"), ("groupName[]", ""), ("groupName[]", "Industry"),
                    ("groupName[]", "Shoqëria civile"), ("groupName[]", "  "),
                ]
            )
            #expect(created.status == .seeOther)
            let strategy = try #require(try await Self.strategies(harness, client).first { $0.title == "Protecting children online" })
            #expect(created.headers[.location] == "/app/strategies/\(strategy.id)")
            #expect(strategy.summary == "A national strategy, 2027–2030.")
            #expect(strategy.phase == "drafting")
            #expect(
                strategy.groups == [
                    Wire.Group(key: "government", name: "Government"), Wire.Group(key: "civil-society", name: "Civil society"),
                    Wire.Group(key: "industry", name: "Industry"), Wire.Group(key: "shoqeria-civile", name: "Shoqëria civile"),
                ])
            let activity = try await client.send(.get, "/strategies/\(strategy.id)/activity", as: harness.tokens["admin"])
            #expect(activity.text.contains("strategy.created"))
            #expect(try await admin.get("/app/strategies/\(strategy.id)").status == .ok)
        }
    }

    @Test func aRefusedFormKeepsWhatWasTypedAndCreatesNothing() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let before = try await Self.strategies(harness, client).count
            var admin = try await WebPagesTests.signIn("admin", harness, client)
            _ = try await admin.get(Self.path)
            let refused = try await admin.post(
                Self.path, pairs: [("title", " "), ("summary", "Kept <as typed>"), ("groupName[]", ""), ("groupName[]", " ")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"id="title-error""#))
            #expect(refused.text.contains(#"<p class="field-error" id="groups-error">must name at least one group</p>"#))
            #expect(refused.text.contains("Kept &lt;as typed&gt;</textarea>"))
            #expect(try await Self.strategies(harness, client).count == before)
        }
    }

    @Test func nobodyButAnAdministratorIsOfferedThePageOrMayUseIt() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let before = try await Self.strategies(harness, client).count
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            #expect(!(try await facilitator.get("/app").text.contains(Self.path)))
            let page = try await facilitator.get(Self.path)
            #expect(page.status == .forbidden)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            _ = try await facilitator.get("/app/settings")
            let post = try await facilitator.post(Self.path, pairs: [("title", "Mine"), ("groupName[]", "Government")])
            #expect(post.status == .forbidden)
            #expect(try await Self.strategies(harness, client).count == before)
        }
    }
}
