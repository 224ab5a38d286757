import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Whatever people type is shown as text on every page, never as markup: a tag put in every field a person fills
/// in (titles, headings, texts, rationales, comments, replies, reasons, notes, names) comes back escaped on every
/// page of the strategy, the facilitator's included.
@Suite struct EscapingTests {
    static let tag = "<x-typed onmouseover=alert(1)>"
    static let escaped = "&lt;x-typed onmouseover=alert(1)&gt;"

    @Test func aTagTypedInEveryFieldIsTextOnEveryPage() async throws {
        let harness = try await Harness.make()
        let tag = Self.tag
        let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
        let (person, _) = try await harness.database.createAccount(name: "Ana \(tag)", admin: false, by: .commandLine)
        _ = try await harness.database.setMember(strategyID: harness.strategyID, accountID: person.id, role: .member, group: "government", by: admin)
        try await harness.application().test(.router) { client in
            let base = "/strategies/\(harness.strategyID)"
            let facilitator = harness.tokens["facilitator"]
            func json(_ text: String) throws -> String { String(decoding: try JSONEncoder().encode(text), as: UTF8.self) }
            func send(_ method: HTTPRequest.Method, _ path: String, as token: String?, _ body: String) async throws {
                let response = try await client.send(method, base + path, as: token, json: body, headers: [.ifMatch: "*"])
                #expect((200..<300).contains(response.status.code), "\(method) \(path): \(response.status.code) \(response.text)")
            }
            try await send(.patch, "", as: facilitator, #"{"title":\#(try json("Strategy " + tag)),"summary":\#(try json("Summary " + tag))}"#)
            try await send(
                .put, "/sections/\(harness.sectionID)", as: facilitator,
                #"{"heading":\#(try json("Heading " + tag)),"body":\#(try json("Children go online early. " + tag))}"#
            )
            try await send(
                .post, "/sections/\(harness.sectionID)/amendments", as: harness.tokens["member"],
                #"{"baseRevision":2,"heading":\#(try json("Amended " + tag)),"body":\#(try json("Children go online very early. " + tag)),"rationale":\#(try json("Rationale " + tag))}"#
            )
            try await send(
                .post, "/comments", as: harness.tokens["member"],
                #"{"section":\#(harness.sectionID),"revision":2,"anchor":{"start":0,"end":8},"body":\#(try json("Comment " + tag)),"kind":"editorial","suggestion":\#(try json("Young " + tag))}"#
            )
            try await send(.post, "/comments/1/replies", as: harness.tokens["signatory"], #"{"body":\#(try json("Reply " + tag))}"#)
            try await send(.post, "/drafts", as: facilitator, #"{"title":\#(try json("Draft " + tag)),"note":\#(try json("Note " + tag))}"#)
            try await send(.post, "/drafts", as: facilitator, #"{"title":"Second draft"}"#)

            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let strategy = "/app/strategies/\(harness.strategyID)"
            let section = "\(strategy)/sections/\(harness.sectionID)"
            let pages =
                WebPagesTests.pages(harness) + [
                    "\(strategy)/comments/1", "\(strategy)/desk", "\(strategy)/participation", "\(strategy)/phase", "\(section)/edit",
                    "\(section)/amendments/new", "\(section)/lists", "\(strategy)/drafts/1", "\(strategy)/drafts/1/compare/2", "/app",
                ]
            var shown = 0
            for page in pages {
                let response = try await web.get(page)
                #expect(response.status == .ok, "\(page)")
                #expect(!response.text.contains("<x-typed"), "\(page) shows a typed tag as markup")
                shown += response.text.components(separatedBy: Self.escaped).count - 1
            }
            // The strategy page shows the title and the summary; the others what they are about.
            let overview = try await web.get(strategy)
            #expect(overview.text.contains("Strategy " + Self.escaped))
            #expect(shown > pages.count)

            // The reasons and responses the facilitator gives are people's text too.
            try await send(.post, "/amendments/1/reject", as: facilitator, #"{"reason":\#(try json("Reason " + tag))}"#)
            try await send(.post, "/comments/1/resolve", as: facilitator, #"{"disposition":"noted","response":\#(try json("Response " + tag))}"#)
            for page in ["\(strategy)/amendments/1", "\(strategy)/comments/1", "\(strategy)/activity", "\(strategy)/desk"] {
                let response = try await web.get(page)
                #expect(!response.text.contains("<x-typed"), "\(page) shows a typed tag as markup")
            }
            let rejected = try await web.get("\(strategy)/amendments/1")
            #expect(rejected.text.contains("Reason " + Self.escaped))
        }
    }
}
