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
}
