import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The API tokens page (#25): anyone signed in creates a named token, sees its text once and uses it with the
/// API, sees when it was last used, and revokes it — after which it fails on its next request.
@Suite struct WebTokensTests {
    static let page = "/app/settings/tokens"

    /// The token text a page shows in its one-time box, if any.
    static func token(in text: String) -> String? {
        guard let box = text.range(of: #"id="new-token""#), let value = text[box.upperBound...].range(of: #"value=""#) else { return nil }
        return String(text[value.upperBound...].prefix { $0 != "\"" })
    }

    /// The table row of the token named `name`.
    static func row(_ name: String, in text: String) -> String {
        guard let start = text.range(of: "<th scope=\"row\">\(name)</th>") else { return "" }
        return text[start.upperBound...].components(separatedBy: "</tr>").first ?? ""
    }

    @Test func aMemberCreatesUsesAndRevokesAToken() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await web.get("/app/settings").text.contains(#"<a href="/app/settings/tokens">API tokens</a>"#))
            let shown = try await web.get(Self.page)
            #expect(shown.status == .ok && shown.text.contains("<h2 id=\"create-token-heading\">Create token</h2>"))
            let created = try await web.post(Self.page, ["name": "Nightly export"])
            #expect(created.status == .ok)
            let token = try #require(Self.token(in: created.text))
            #expect(token.hasPrefix("stk_"))
            // Shown once: the list afterwards names it and shows its beginning only.
            let listed = try await web.get(Self.page)
            #expect(listed.text.contains("<th scope=\"row\">Nightly export</th>") && !listed.text.contains(token))
            #expect(Self.row("Nightly export", in: listed.text).contains("<td>Never</td>"), "not used yet")
            // It works with the API as the member; its last use is recorded.
            let me = try await client.send(.get, "/me", as: token)
            let meID = try me.decode(Wire.Me.self).id
            #expect(me.status == .ok && meID == harness.accountIDs["member"])
            let tokens = try await client.send(.get, "/accounts/\(harness.accountIDs["member"]!)/tokens", as: token).text
            #expect(tokens.contains(#""name":"Nightly export""#) && !tokens.contains(#""lastUsedAt":null,"name":"Nightly export""#))
            let used = Self.row("Nightly export", in: try await web.get(Self.page).text)
            #expect(!used.isEmpty && !used.contains("<td>Never</td>"), "the page shows its last use")
            // Revoked: its next request fails.
            let info = try await harness.database.tokens(accountID: harness.accountIDs["member"]!)
            let id = try #require(info.first { $0.name == "Nightly export" }?.id)
            let revoked = try await web.post(Self.page + "/\(id)/revoke", [:])
            #expect(revoked.status == .seeOther && revoked.headers[.location] == Self.page + "?notice=tokenRevoked")
            #expect(try await client.send(.get, "/me", as: token).status == .unauthorized)
            #expect(try await web.get(Self.page).text.contains("Revoked on"))
        }
    }

    @Test func aTokenNeedsANameAndNobodyRevokesAnotherPersonsToken() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            _ = try await web.get(Self.page)
            let before = try await harness.database.tokens(accountID: harness.accountIDs["member"]!).count
            let unnamed = try await web.post(Self.page, ["name": "  "])
            #expect(unnamed.status == .unprocessableContent && unnamed.text.contains(#"id="name-error""#))
            let long = try await web.post(Self.page, ["name": String(repeating: "x", count: 201)])
            #expect(long.status == .unprocessableContent && long.text.contains(#"value="xxxx"#))
            #expect(try await harness.database.tokens(accountID: harness.accountIDs["member"]!).count == before)
            // The admin's token, by its id, is not the member's to revoke: not found, and it still works.
            let adminToken = try #require(try await harness.database.tokens(accountID: harness.accountIDs["admin"]!).first)
            let other = try await web.post(Self.page + "/\(adminToken.id)/revoke", [:])
            #expect(other.status == .notFound)
            #expect(try await client.send(.get, "/me", as: harness.tokens["admin"]).status == .ok)
        }
    }

    @Test func theAPIAcceptsANameAndRefusesABadOne() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let uri = "/accounts/\(harness.accountIDs["member"]!)/tokens"
            let named = try await client.send(.post, uri, as: harness.tokens["member"], json: #"{"name":"Laptop"}"#)
            #expect(named.status == .created)
            let bare = try await client.send(.post, uri, as: harness.tokens["member"])
            #expect(bare.status == .created, "a name stays optional in the API")
            let multiline = try await client.send(.post, uri, as: harness.tokens["member"], json: #"{"name":"a\nb"}"#)
            #expect(multiline.status == .unprocessableContent && multiline.isProblem)
            let unknown = try await client.send(.post, uri, as: harness.tokens["member"], json: #"{"label":"x"}"#)
            #expect(unknown.status == .unprocessableContent || unknown.status == .badRequest)
            let list = try await client.send(.get, uri, as: harness.tokens["member"]).text
            #expect(list.contains(#""name":"Laptop""#) && list.contains(#""name":null"#))
        }
    }
}
