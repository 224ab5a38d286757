import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The activity log names what each entry is about as people know it, with a link (#25): "edited a section –
/// 1 Introduction", not "(section/15)".
@Suite struct WebActivityTests {
    @Test func entriesNameTheirSectionAmendmentAndMember() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let base = "/strategies/\(harness.strategyID)"
            let edited = try await client.send(
                .put, "\(base)/sections/\(harness.sectionID)", as: harness.tokens["facilitator"],
                json: #"{"heading":"Introduction","body":"Children go online very early."}"#, headers: [.ifMatch: "*"]
            )
            #expect(edited.status == .ok)
            let proposed = try await client.send(
                .post, "\(base)/sections/\(harness.sectionID)/amendments", as: harness.tokens["member"],
                json: #"{"baseRevision":2,"body":"Children go online early.","rationale":"Plainer"}"#
            )
            #expect(proposed.status == .created)
            var web = try await WebPagesTests.signIn("observer", harness, client)
            let strategy = "/app/strategies/\(harness.strategyID)"
            let section = #"<a href="\#(strategy)/sections/\#(harness.sectionID)">1 Introduction</a>"#
            let log = try await web.get(strategy + "/activity")
            #expect(log.text.contains("<td>edited a section</td><td>\(section)</td>"))
            #expect(log.text.contains(#"<td>proposed an amendment</td><td><a href="\#(strategy)/amendments/1">Amendment 1</a></td>"#))
            // A member's entry names the member (the Harness's observer is "Observer").
            #expect(log.text.contains("<td>added a member</td><td>Observer</td>"))
            #expect(!log.text.contains("section/\(harness.sectionID)<"))
            let overview = try await web.get(strategy)
            #expect(overview.text.contains("edited a section – \(section)"))
        }
    }
}
