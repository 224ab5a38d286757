import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// The pages of the browser interface through the real application: the same rules as the API (404 for
/// non-members, whatever the page), text from the database always escaped, only safe links, and no 5xx for
/// anything a visitor can send.
@Suite struct WebPagesTests {
    static let password = "tall ships sail at dawn"

    /// Signs `role` of the harness in through the sign-in form.
    static func signIn(_ role: String, _ harness: Harness, _ client: some TestClientProtocol) async throws -> WebClient {
        let id = harness.accountIDs[role]!
        // The invitation gives the account its email; a second sign-in of the same role finds it has a password.
        _ = try? await harness.database.invite(accountID: id, email: "\(role)@example.org", by: .commandLine)
        try await harness.database.setPassword(accountID: id, NewPassword(password: password, repeated: password), by: .commandLine)
        var web = WebClient(client)
        _ = try await web.get("/app/signin")
        let signedIn = try await web.post("/app/signin", ["email": "\(role)@example.org", "password": password, "next": "/app"])
        #expect(signedIn.status == .seeOther, "\(role) could not sign in")
        return web
    }

    /// Every page of a strategy, by path.
    static func pages(_ harness: Harness) -> [String] {
        let base = "/app/strategies/\(harness.strategyID)"
        return [
            base, "\(base)/sections/\(harness.sectionID)", "\(base)/sections/\(harness.sectionID)?since=r1",
            "\(base)/sections/\(harness.sectionID)/revisions/1", "\(base)/amendments/1", "\(base)/drafts", "\(base)/drafts/1/compare/1",
            "\(base)/activity",
        ]
    }

    @Test func membersReadEveryPageAndNonMembersFindNone() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let member = harness.tokens["member"]
            let base = "/strategies/\(harness.strategyID)"
            _ = try await client.send(
                .post, "\(base)/sections/\(harness.sectionID)/amendments", as: member,
                json: #"{"baseRevision":1,"body":"Children go online very early.","rationale":"Stronger"}"#
            )
            _ = try await client.send(.post, "\(base)/drafts", as: harness.tokens["facilitator"], json: #"{"title":"One"}"#)
            var reader = try await Self.signIn("observer", harness, client)
            for page in Self.pages(harness) {
                let response = try await reader.get(page)
                #expect(response.status == .ok, "\(page) for an observer")
                // Every page of a strategy leads back through the breadcrumbs partial: home, then the strategy.
                #expect(
                    response.text.contains(#"<nav class="breadcrumbs" aria-label="You are here"><ol><li><a href="/app">"#)
                        && response.text.contains(#"<li aria-current="page">"#), "\(page) has its breadcrumbs")
                #expect(response.text.components(separatedBy: "<h1").count == 2, "\(page) has one h1")
            }
            var outsider = try await Self.signIn("outsider", harness, client)
            for page in Self.pages(harness) {
                let response = try await outsider.get(page)
                #expect(response.status == .notFound, "\(page) for a non-member")
                #expect(!response.text.contains("Online child protection"), "\(page) tells a non-member the strategy's title")
            }
            let home = try await outsider.get("/app")
            #expect(home.status == .ok && !home.text.contains("Online child protection"))
        }
    }

    @Test func idsOfOneStrategyUnderAnothersAddressAreNotFound() async throws {
        let harness = try await Harness.make()
        let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
        let other = try await harness.database.createStrategy(NewStrategy(title: "Other", summary: ""), by: admin)
        _ = try await harness.database.setMember(
            strategyID: other.id, accountID: harness.accountIDs["member"]!, role: .member, group: "industry", by: admin
        )
        try await harness.application().test(.router) { client in
            var web = try await Self.signIn("member", harness, client)
            let response = try await web.get("/app/strategies/\(other.id)/sections/\(harness.sectionID)")
            #expect(response.status == .notFound)
            for path in ["/app/strategies/0", "/app/strategies/-1", "/app/strategies/abc", "/app/strategies/99999999999999999999"] {
                #expect(try await web.get(path).status == .notFound, "\(path)")
            }
        }
    }

    @Test func textFromTheDatabaseIsEscapedAndOnlySafeLinksAreLinks() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let facilitator = harness.tokens["facilitator"]
            let body = """
                <script>alert(1)</script> and <img src=x onerror=alert(2)>

                [safe](https://example.org/a?b=1&c=2) [mail](mailto:a@example.org)
                """
            let created = try await client.send(
                .post, "/strategies/\(harness.strategyID)/sections", as: facilitator,
                json: #"{"heading":"<b>\"Heading\"</b>","body":\#(String(decoding: try JSONEncoder().encode(body), as: UTF8.self))}"#
            )
            let section = try created.decode(Wire.Section.self).id
            var web = try await Self.signIn("member", harness, client)
            let page = try await web.get("/app/strategies/\(harness.strategyID)/sections/\(section)")
            #expect(page.status == .ok)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.text.contains("<img"))
            #expect(!page.text.contains("<b>"))
            #expect(page.text.contains(#"<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener noreferrer"><span data-at="#))
            #expect(page.text.contains(#">safe</span></a>"#))
            #expect(page.text.contains(#"<a href="mailto:a@example.org""#))
            // Such links are refused at the door (422); were one in the database, it would still be no link.
            let stored = try await client.send(
                .post, "/strategies/\(harness.strategyID)/sections", as: facilitator, json: #"{"heading":"X","body":"[bad](javascript:evil)"}"#
            )
            #expect(stored.status == .unprocessableContent)
            for bad in ["[bad](javascript:evil)", "[bad](JaVaScRiPt:evil)", "[bad](data:text/html,x)", "[bad](vbscript:x)", "[bad](page.html)"] {
                let html = BodyHTML.render(bad)
                #expect(!html.contains("href") && html.contains("bad"), "\(bad) → \(html)")
            }
            #expect(!page.text.contains("href=\"data:"))
        }
    }

    @Test func changesSinceShowsARedlineAndUnknownChoicesSaySo() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let edited = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["facilitator"],
                json: #"{"heading":"Introduction","body":"Most children go online early."}"#, headers: [.ifMatch: #""1""#]
            )
            #expect(edited.status == .ok)
            var web = try await Self.signIn("member", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            let redline = try await web.get(page + "?since=r1")
            #expect(redline.text.contains("<ins><span class=\"visually-hidden\">[inserted: </span>Most"))
            #expect(redline.text.contains("<del><span class=\"visually-hidden\">[deleted: </span>Children"))
            for bad in ["r0", "r9", "d1", "x", "r", "r1x", "%00"] {
                let response = try await web.get(page + "?since=" + bad)
                #expect(response.status == .ok, "since=\(bad)")
                #expect(response.text.contains("does not exist"), "since=\(bad)")
            }
        }
    }

    @Test func aTamperedSessionCookieIsSentToSignInNeverAnError() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            for value in ["", "x", String(repeating: "A", count: 43), String(repeating: "é", count: 43), "a;b", "%00"] {
                let response = try await client.execute(uri: "/app", method: .get, headers: [.cookie: "strategy_session=\(value)"])
                #expect(response.status == .seeOther, "cookie \(value)")
            }
        }
    }

    @Test func everyMessageATemplateOrAPageUsesIsInTheEnglishCatalog() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let web = root.appendingPathComponent("Sources/API/Web")
        let resources = root.appendingPathComponent("Sources/API/Resources/Web")
        let catalog = try JSONDecoder().decode(
            [String: String].self, from: Data(contentsOf: resources.appendingPathComponent("messages/en.json"))
        )
        var used: Set<String> = []
        func collect(_ pattern: String, in directory: URL, ext: String) throws {
            let regex = try Regex(pattern)
            for case let file as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)!
            where file.pathExtension == ext {
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(of: regex) { used.insert(String(match.output[1].substring!)) }
            }
        }
        try collect(#"\{\{[#^/]?t\.([A-Za-z0-9_]+)\}\}"#, in: resources.appendingPathComponent("templates"), ext: "mustache")
        try collect(#"\b(?:t|messages)\["([A-Za-z0-9_.-]+)"\]"#, in: web, ext: "swift")
        try collect(#"\.format\(\s*"([A-Za-z0-9_.-]+)""#, in: web, ext: "swift")
        try collect(#"\.plural\(\s*"([A-Za-z0-9_.-]+)""#, in: web, ext: "swift")
        #expect(used.count > 100)
        #expect(used.subtracting(catalog.keys).sorted() == [])
        // Keys made from values (a phase, a role, an activity) are checked against their values.
        for phase in Phase.allCases { #expect(catalog["phase_" + phase.rawValue] != nil) }
        for role in Role.allCases { #expect(catalog["role_" + role.rawValue] != nil) }
        for change in SectionComparison.Change.allCases { #expect(catalog["change_" + change.rawValue] != nil) }
        for status in AnchorStatus.allCases { #expect(catalog["anchor_" + status.rawValue] != nil) }
        for disposition in Disposition.allCases { #expect(catalog["disposition_" + disposition.rawValue] != nil) }
        for decision in SignoffDecision.allCases { #expect(catalog["decision_" + decision.rawValue] != nil) }
    }
}

extension WebPagesTests {
    @Test func settingsSaveTheTimeZoneAndRefuseNonsense() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await Self.signIn("member", harness, client)
            let page = try await web.get("/app/settings")
            #expect(page.status == .ok && page.text.contains(#"<label for="timeZone">Time zone</label>"#))
            let saved = try await web.post("/app/settings", ["language": "", "timeZone": "Asia/Tokyo"])
            #expect(saved.status == .seeOther)
            #expect(try await harness.database.account(id: harness.accountIDs["member"]!)?.timeZone == "Asia/Tokyo")
            let refused = try await web.post("/app/settings", ["language": "<script>", "timeZone": "Mars/Olympus"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("must be a time zone") && !refused.text.contains("<script>"))
            let wrong = try await web.post(
                "/app/settings/password",
                ["currentPassword": "not it", "password": "rivers run to the sea", "repeatPassword": "rivers run to the sea"]
            )
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("is not your current password"))
            let changed = try await web.post(
                "/app/settings/password",
                ["currentPassword": Self.password, "password": "rivers run to the sea", "repeatPassword": "rivers run to the sea"]
            )
            #expect(changed.status == .seeOther)
            #expect(try await web.get("/app").status == .ok, "the session that changed the password stays signed in")
        }
    }
}
