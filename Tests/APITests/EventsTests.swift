import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /strategies/{id}/events` through the router: the activity log's authorization, resumption from
/// `Last-Event-ID` without a gap or a repeat, and a bound on the streams an account holds.
@Suite struct EventsTests {
    /// Ends every open stream until cancelled, so that the router test client, which reads a body to its end,
    /// returns: a stream otherwise stays open for as long as the client wants it.
    static func endStreams(of database: AppDatabase) -> Task<Void, Never> {
        Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(30))
                database.activityFeed.finishAll()
            }
        }
    }

    /// Opens a stream at `uri`, edits the harness section through the API while it is open, then ends every stream
    /// and returns what this one received.
    static func followDuringAnEdit(
        _ uri: String, headers: HTTPFields, harness: Harness, client: some TestClientProtocol
    ) async throws -> TestResponse {
        async let stream = client.execute(uri: uri, method: .get, headers: headers)
        try await Task.sleep(for: .milliseconds(100))
        let edit = try await client.send(
            .put, harness.sectionURI, as: harness.tokens["facilitator"], json: #"{"heading":"Introduction","body":"Live."}"#,
            headers: [.ifMatch: "*"]
        )
        #expect(edit.status == .ok)
        try await Task.sleep(for: .milliseconds(100))
        let ender = endStreams(of: harness.database)
        defer { ender.cancel() }
        return try await stream
    }

    /// The `id:` and `event:` lines of a stream, as pairs.
    static func events(_ text: String) -> [(id: Int64, event: String)] {
        text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard let id = lines.first(where: { $0.hasPrefix("id: ") }).flatMap({ Int64($0.dropFirst(4)) }),
                let event = lines.first(where: { $0.hasPrefix("event: ") })
            else { return nil }
            return (id, String(event.dropFirst(7)))
        }
    }

    @Test func aMemberResumesFromTheLogAndThenFollowsWithoutGapOrRepeat() async throws {
        let harness = try await Harness.make()
        let log = try await harness.database.activity(strategyID: harness.strategyID, after: nil, limit: 200).items
        try #require(log.count >= 3)
        let resumeAfter = log[0].id
        try await harness.application().test(.router) { client in
            // A write while the stream is open arrives live, after the history.
            let response = try await Self.followDuringAnEdit(
                "/strategies/\(harness.strategyID)/events",
                headers: [.authorization: "Bearer \(harness.tokens["observer"]!)", HTTPField.Name("Last-Event-ID")!: "\(resumeAfter)"],
                harness: harness, client: client
            )
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            #expect(response.headers[.cacheControl] == "no-store")
            let events = Self.events(response.text)
            let all = try await harness.database.activity(strategyID: harness.strategyID, after: resumeAfter, limit: 200).items
            #expect(events.map(\.id) == all.map(\.id), "\(response.text)")
            #expect(events.allSatisfy { $0.event == "activity" })
            #expect(all.last?.action == "section.edited")
            #expect(response.text.contains(#""action":"section.edited""#))
        }
    }

    @Test func theStreamAnswersAsTheActivityLogDoes() async throws {
        let harness = try await Harness.make()
        let uri = "/strategies/\(harness.strategyID)/events"
        try await harness.application().test(.router) { client in
            #expect(try await client.send(.get, uri, as: nil).status == .unauthorized)
            #expect(try await client.send(.get, uri, as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.get, "/strategies/999/events", as: harness.tokens["admin"]).status == .notFound)
            for bad in ["-1", "x", "99999999999999999999"] {
                let response = try await client.send(
                    .get, uri, as: harness.tokens["member"], headers: [HTTPField.Name("Last-Event-ID")!: bad]
                )
                #expect(response.status == .badRequest && response.isProblem, "\(bad)")
                let inQuery = try await client.send(
                    .get, "\(uri)?lastEventId=\(bad)", as: harness.tokens["member"], headers: [HTTPField.Name("Last-Event-ID")!: "0"]
                )
                #expect(inQuery.status == .badRequest, "query \(bad) beside a valid header")
            }
        }
    }

    @Test func anAccountHoldsAtMostEightStreams() async throws {
        let harness = try await Harness.make()
        let uri = "/strategies/\(harness.strategyID)/events"
        try await harness.application().test(.router) { client in
            try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await client.send(.get, uri, as: harness.tokens["member"]).status }
                }
                // Wait until the eight are open, then a ninth is refused while another account is not.
                for _ in 0..<100 where harness.database.activityFeed.followerCount < 8 {
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(harness.database.activityFeed.followerCount == 8)
                let ninth = try await client.send(.get, uri, as: harness.tokens["member"])
                #expect(ninth.status == .tooManyRequests && ninth.isProblem)
                #expect(ninth.text.contains("too-many-streams"))
                let ender = Self.endStreams(of: harness.database)
                let observer = try await client.send(.get, uri, as: harness.tokens["observer"])
                #expect(observer.status == .ok)
                for try await status in group { #expect(status == .ok) }
                // Ended streams give their places back.
                let again = try await client.send(.get, uri, as: harness.tokens["member"])
                ender.cancel()
                #expect(again.status == .ok)
            }
        }
    }
}
