import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The desk shows what each proposal does (#25): a compact word redline with a few words around each change,
/// supporters by group; and a conflict resolved after an Accept pressed on the desk returns there.
@Suite struct WebDeskProposalTests {
    static let body = "Children go online early. Schools teach digital skills from the first grade, and parents learn them too."

    @Test func eachAmendmentShowsItsRedlineAndItsSupportersByGroup() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let base = "/strategies/\(harness.strategyID)"
            let edited = try await client.send(
                .put, "\(base)/sections/\(harness.sectionID)", as: harness.tokens["facilitator"],
                json: #"{"heading":"Introduction","body":"\#(Self.body)"}"#, headers: [.ifMatch: "*"]
            )
            #expect(edited.status == .ok)
            let proposed = try await client.send(
                .post, "\(base)/sections/\(harness.sectionID)/amendments", as: harness.tokens["member"],
                json: #"{"baseRevision":2,"body":"\#(Self.body.replacingOccurrences(of: "early", with: "very early"))","rationale":"Sooner"}"#
            )
            #expect(proposed.status == .created)
            #expect(try await client.send(.post, "\(base)/amendments/1/support", as: harness.tokens["signatory"]).status == .ok)
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let desk = try await web.get("/app/strategies/\(harness.strategyID)/desk")
            let item = try #require(desk.text.components(separatedBy: #"id="desk-amendment-1""#).last)
            // The change, a few words on each side, and the rest of the paragraph left out.
            #expect(
                item.contains(
                    #"<div class="redline compact"><p>Children go online <ins><span class="visually-hidden">[inserted: </span>very <span class="visually-hidden"> ]</span></ins>early. Schools teach digital skills from … </p>"#
                ))
            #expect(!item.prefix(2_000).contains("parents learn them too"))
            #expect(item.contains(#"<p class="meta">Supporters: Government: Signatory</p>"#))
        }
    }

    @Test func acceptResolvedTextReturnsToTheDeskWhenTheAcceptWasPressedThere() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let base = "/strategies/\(harness.strategyID)"
            for text in ["Children go online very early.", "Children go online quite early."] {
                let proposed = try await client.send(
                    .post, "\(base)/sections/\(harness.sectionID)/amendments", as: harness.tokens["member"],
                    json: #"{"baseRevision":1,"body":"\#(text)","rationale":"Sooner"}"#
                )
                #expect(proposed.status == .created)
            }
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let desk = "/app/strategies/\(harness.strategyID)/desk"
            _ = try await web.get(desk)
            let amendments = "/app/strategies/\(harness.strategyID)/amendments"
            #expect(try await web.post(amendments + "/1/accept", ["from": "desk"]).headers[.location] == desk + "?notice=amendmentAccepted")
            let conflict = try await web.post(amendments + "/2/accept", ["from": "desk"])
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains(#"<input type="hidden" name="from" value="desk">"#))
            let resolved = try await web.post(
                amendments + "/2/accept", ["from": "desk", "revision": "2", "resolvedBody": "Children go online very early, and quite young."]
            )
            #expect(resolved.status == .seeOther)
            #expect(resolved.headers[.location] == desk + "?notice=amendmentAccepted")
        }
    }
}
