import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/app/strategies/{id}/events`: the API's event stream for the pages' script, with the session cookie.
@Suite struct WebEventsTests {
    @Test func aSignedInMemberFollowsWithTheCookieAndOthersDoNot() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            let path = "/app/strategies/\(harness.strategyID)/events"
            let cookie = member.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let response = try await EventsTests.followDuringAnEdit(
                path + "?lastEventId=0", headers: [.cookie: cookie], harness: harness, client: client
            )
            #expect(response.status == .ok && response.headers[.contentType] == "text/event-stream")
            let log = try await harness.database.activity(strategyID: harness.strategyID, after: 0, limit: 200).items
            #expect(EventsTests.events(response.text).map(\.id) == log.map(\.id))
            #expect(response.text.contains(#""action":"section.edited""#))

            var outsider = try await WebPagesTests.signIn("outsider", harness, client)
            #expect(try await outsider.get(path).status == .notFound)
            var anonymous = WebClient(client)
            let signedOut = try await anonymous.get(path)
            #expect(signedOut.status == .seeOther && signedOut.headers[.location]?.hasPrefix("/app/signin") == true)
            _ = try await member.get("/app")
        }
    }

    /// Live updates bring in what changed, not the page again: the section's lists and the desk's counts alone.
    @Test func liveUpdatesFetchFragments() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            _ = try await client.send(
                .post, "/strategies/\(harness.strategyID)/sections/\(harness.sectionID)/amendments", as: harness.tokens["member"],
                json: #"{"baseRevision":1,"body":"Children go online very early.","rationale":"Stronger"}"#
            )
            var member = try await WebPagesTests.signIn("member", harness, client)
            let section = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            let page = try await member.get(section)
            #expect(page.text.contains(#"data-lists="\#(section)/lists""#))
            let lists = try await member.get(section + "/lists")
            #expect(lists.status == .ok && lists.text.contains(#"id="amendment-list""#) && lists.text.contains("/amendments/1"))
            #expect(lists.text.contains(#"id="section-comments-area""#) && lists.text.contains(#"id="block-asides""#))
            #expect(!lists.text.contains("<html") && lists.body.readableBytes * 3 < page.body.readableBytes)
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let counts = try await facilitator.get("/app/strategies/\(harness.strategyID)/desk/counts")
            #expect(counts.status == .ok && counts.text.contains(#"<p id="desk-counts""#) && !counts.text.contains("<html"))
        }
    }
}
