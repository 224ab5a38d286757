import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Replies are shown and counted under the comment they answer, on the section page and on the desk, where a
/// facilitator reads the thread before disposing of the comment (#25).
@Suite struct WebThreadTests {
    @Test func theDeskAndTheSectionShowACommentsThread() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let base = "/strategies/\(harness.strategyID)"
            let posted = try await client.send(
                .post, "\(base)/comments", as: harness.tokens["member"],
                json: #"{"section":\#(harness.sectionID),"revision":1,"anchor":{"start":0,"end":8},"body":"Which children?"}"#
            )
            #expect(posted.status == .created)
            for (who, text) in [("signatory", "All under 18."), ("member", "Then say so.")] {
                let reply = try await client.send(.post, "\(base)/comments/1/replies", as: harness.tokens[who], json: #"{"body":"\#(text)"}"#)
                #expect(reply.status == .created)
            }
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let desk = try await web.get("/app/strategies/\(harness.strategyID)/desk")
            #expect(desk.status == .ok)
            #expect(desk.text.contains(#"<p class="meta replies-count">Replies (2)</p>"#))
            let first = try #require(desk.text.range(of: "All under 18."))
            let second = try #require(desk.text.range(of: "Then say so."))
            #expect(first.lowerBound < second.lowerBound, "the thread reads oldest first")
            let section = try await web.get("/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)")
            #expect(section.text.contains(#"<p class="meta replies-count">Replies (2)</p>"#))
        }
    }
}
