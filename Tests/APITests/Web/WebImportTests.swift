import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Import a DocBook document (#25): an administrator uploads a file, strict or lenient, and reads the report;
/// a refused document is explained on the page and imports nothing; only administrators reach the page, and the
/// upload keeps every defence of a form (origin, token, size).
@Suite struct WebImportTests {
    static let page = "/app/import"

    static let document = Array(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <article xmlns="http://docbook.org/ns/docbook" version="5.0">
          <info><title>Strategjia për mbrojtjen e fëmijëve</title><abstract><para>Imported.</para></abstract>
            <authorgroup><author><orgname>Government</orgname></author><author><orgname>Civil society</orgname></author></authorgroup>
          </info>
          <section><title>Hyrje</title><para>Children go online <emphasis>early</emphasis>.</para>
            <section><title>Scope</title><para>All children.</para><table><tgroup cols="1"><tbody><row><entry>A cell</entry></row></tbody></tgroup></table></section>
          </section>
          <section><title>Goals</title><itemizedlist><listitem><para>Safety</para></listitem></itemizedlist></section>
        </article>
        """.utf8
    )

    static func strategyCount(_ harness: Harness, _ client: some TestClientProtocol) async throws -> Int {
        try await client.send(.get, "/strategies?limit=100", as: harness.tokens["admin"]).decode(Wire.Page<Wire.Strategy>.self).items.count
    }

    @Test func anAdministratorImportsLenientlyAndReadsTheReport() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("admin", harness, client)
            #expect(try await web.get("/app").text.contains(#"href="/app/import">Import a DocBook document</a>"#))
            let shown = try await web.get(Self.page)
            #expect(shown.status == .ok && shown.text.contains(#"enctype="multipart/form-data""#))
            #expect(shown.text.contains(#"<label for="document">DocBook file</label>"#))
            let imported = try await web.upload(Self.page, ["mode": "lenient"], file: ("document", "strategy.xml", Self.document))
            #expect(imported.status == .created)
            #expect(imported.text.contains("a strategy in drafting with 3 sections and 2 stakeholder groups"))
            #expect(imported.text.contains("1 element outside the mapping was kept as plain text") && imported.text.contains("table"))
            let strategies = try await client.send(.get, "/strategies?limit=100", as: harness.tokens["admin"]).decode(Wire.Page<Wire.Strategy>.self)
            let strategy = try #require(strategies.items.first { $0.title == "Strategjia për mbrojtjen e fëmijëve" })
            #expect(imported.text.contains(#"<a class="button" href="/app/strategies/\#(strategy.id)">Open the strategy</a>"#))
            let sections = try await client.send(.get, "/strategies/\(strategy.id)/sections", as: harness.tokens["admin"])
                .decode(Wire.Page<Wire.OutlineEntry>.self).items.map { "\($0.number) \($0.heading)" }
            #expect(sections == ["1 Hyrje", "1.1 Scope", "2 Goals"])
        }
    }

    @Test func aRefusedDocumentIsExplainedAndImportsNothing() async throws {
        let harness = try await Harness.make()
        var configuration = harness.configuration
        configuration.importLimit = 4096
        var limited = harness
        limited.configuration = configuration
        try await limited.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("admin", harness, client)
            _ = try await web.get(Self.page)
            let before = try await Self.strategyCount(harness, client)
            let strict = try await web.upload(Self.page, ["mode": "strict"], file: ("document", "strategy.xml", Self.document))
            #expect(strict.status == .unprocessableContent)
            #expect(strict.text.contains("outside the DocBook subset") && strict.text.contains("<code>/article/section[1]/section[1]/table"))
            #expect(strict.text.contains(#"id="mode-strict" name="mode" value="strict" checked"#), "the choice is kept")
            let doctype = Array(
                #"<!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]><article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>&x;</title></article>"#
                    .utf8)
            let refusedDoctype = try await web.upload(Self.page, ["mode": "lenient"], file: ("document", "evil.xml", doctype))
            #expect(refusedDoctype.status == .unprocessableContent && refusedDoctype.text.contains("document type declaration"))
            #expect(!refusedDoctype.text.contains("root:"), "no entity was expanded")
            let malformed = try await web.upload(Self.page, ["mode": "lenient"], file: ("document", "broken.xml", Array("<article><title>".utf8)))
            #expect(malformed.status == .badRequest && malformed.text.contains("not well-formed XML"))
            let notDocBook = try await web.upload(Self.page, ["mode": "lenient"], file: ("document", "page.xml", Array("<html><body/></html>".utf8)))
            #expect(notDocBook.status == .unprocessableContent && notDocBook.text.contains("not a DocBook 5 article or book"))
            let none = try await web.upload(Self.page, ["mode": "lenient"], file: nil)
            #expect(none.status == .unprocessableContent && none.text.contains("Choose a DocBook file"))
            let large = try await web.upload(
                Self.page, ["mode": "lenient"], file: ("document", "big.xml", Array(repeating: UInt8(ascii: " "), count: 5000)))
            #expect(large.status == .contentTooLarge && large.text.contains("larger than"))
            let huge = try await web.upload(
                Self.page, ["mode": "lenient"], file: ("document", "huge.xml", Array(repeating: UInt8(ascii: " "), count: 200_000)))
            #expect(huge.status == .contentTooLarge, "past the form's own limit")
            let crafted = try await web.upload(Self.page, ["mode": "careless"], file: ("document", "strategy.xml", Self.document))
            #expect(crafted.status == .badRequest)
            #expect(try await Self.strategyCount(harness, client) == before)
        }
    }

    @Test func facilitatorsImportTooAndRunWhatTheyImportButMembersDoNot() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let before = try await Self.strategyCount(harness, client)
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await member.get(Self.page).status == .forbidden)
            #expect(!(try await member.get("/app").text.contains("/app/import")))
            let refused = try await member.upload(Self.page, ["mode": "lenient"], file: ("document", "strategy.xml", Self.document))
            #expect(refused.status == .forbidden)
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            #expect(try await facilitator.get("/app").text.contains(#"href="/app/import">Import a DocBook document</a>"#))
            _ = try await facilitator.get(Self.page)
            let forged = try await facilitator.upload(
                Self.page, ["mode": "lenient", "csrf": "forged"], file: ("document", "strategy.xml", Self.document))
            #expect(forged.status == .forbidden)
            let urlEncoded = try await facilitator.post(Self.page, ["mode": "lenient", "document": "<article/>"])
            #expect(urlEncoded.status == .unsupportedMediaType)
            #expect(try await Self.strategyCount(harness, client) == before)
            let imported = try await facilitator.upload(Self.page, ["mode": "lenient"], file: ("document", "strategy.xml", Self.document))
            #expect(imported.status == .created)
            // The facilitator runs the imported strategy: its members list names them, and its outline is theirs to edit.
            let me = try await client.send(.get, "/me", as: harness.tokens["facilitator"]).decode(Wire.Me.self)
            let strategies = try await client.send(.get, "/strategies?limit=100", as: harness.tokens["admin"]).decode(Wire.Page<Wire.Strategy>.self)
            let strategy = try #require(strategies.items.first { $0.title == "Strategjia për mbrojtjen e fëmijëve" })
            #expect(me.memberships.contains { $0.strategy == strategy.id && $0.role == "facilitator" })
            #expect(try await facilitator.get("/app/strategies/\(strategy.id)/outline").status == .ok)
            // Through the API as well, as a facilitator, not as a member.
            let document = String(decoding: Self.document, as: UTF8.self)
            let api = try await client.send(
                .post, "/strategies/import?lenient=true", as: harness.tokens["facilitator"], json: document,
                contentType: "application/docbook+xml"
            )
            #expect(api.status == .created)
            let memberAPI = try await client.send(
                .post, "/strategies/import?lenient=true", as: harness.tokens["member"], json: document, contentType: "application/docbook+xml"
            )
            #expect(memberAPI.status == .forbidden)
            #expect(try await Self.strategyCount(harness, client) == before + 2)
        }
    }
}
