import Foundation
import Testing

@testable import DocumentModel

/// The activity feed hands each follower its strategy's new entries in commit order, once, and lets go of
/// followers that stop, fall behind, or are ended.
@Suite struct ActivityFeedTests {
    /// The next `count` entries of `events`, skipping heartbeats.
    static func entries(_ count: Int, of events: AsyncStream<ActivityFeed.Event>) async -> [ActivityEntry] {
        var entries: [ActivityEntry] = []
        for await event in events {
            if case .entry(let entry) = event { entries.append(entry) }
            if entries.count == count { break }
        }
        return entries
    }

    @Test func followersGetTheirStrategysNewEntriesInOrderAndNoOthers() async throws {
        let store = try await TestStore.make()
        let other = try await store.database.createStrategy(NewStrategy(title: "Other", summary: ""), by: store.admin)
        let following = store.database.activityFeed.follow(strategyID: store.strategy.id)
        let before = try await store.database.activity(strategyID: store.strategy.id, after: nil, limit: 200).items.last?.id ?? 0
        _ = try await store.section("One")
        _ = try await store.database.createSection(strategyID: other.id, NewSection(heading: "Elsewhere", body: ""), by: store.admin)
        _ = try await store.section("Two")
        let received = await Self.entries(2, of: following.events)
        #expect(received.map(\.action) == ["section.created", "section.created"])
        #expect(received.allSatisfy { $0.strategyID == store.strategy.id && $0.id > before })
        #expect(received[0].id < received[1].id)
        let logged = try await store.database.activity(strategyID: store.strategy.id, after: before, limit: 10).items
        #expect(received == logged)
    }

    @Test func endingOrStoppingLetsTheFollowerGo() async throws {
        let store = try await TestStore.make()
        let feed = store.database.activityFeed
        let first = feed.follow(strategyID: store.strategy.id)
        let second = feed.follow(strategyID: store.strategy.id)
        #expect(feed.followerCount == 2)
        first.end()
        var ended = true
        for await _ in first.events { ended = false }
        #expect(ended)
        #expect(feed.followerCount == 1)
        feed.finishAll()
        for await _ in second.events {}
        #expect(feed.followerCount == 0)
        // Nobody follows: commits still move the feed on, so a new follower starts from now.
        _ = try await store.section("Unseen")
        try await Task.sleep(for: .milliseconds(50))
        let third = feed.follow(strategyID: store.strategy.id)
        let seen = try await store.section("Seen")
        #expect(await Self.entries(1, of: third.events).first?.subject == "section/\(seen.id)")
    }

    @Test func aFollowerThatFallsTooFarBehindIsEnded() async throws {
        let store = try await TestStore.make()
        let feed = store.database.activityFeed
        let following = feed.follow(strategyID: store.strategy.id)
        // Nobody reads while more entries than the buffer holds are committed; the feed hands them out on its own
        // queue, so wait until it has let the follower go before reading what it kept.
        for index in 0..<ActivityFeed.bufferLimit + 10 {
            _ = try await store.section("Section \(index)")
        }
        for _ in 0..<500 where feed.followerCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(feed.followerCount == 0)
        // The buffer holds events: heartbeats that fell due while the suite ran slowly take places as well (a loaded
        // machine took 90 s over this test once, and six heartbeats came due).
        var (entries, heartbeats) = (0, 0)
        for await event in following.events {
            if case .entry = event { entries += 1 } else { heartbeats += 1 }
        }
        #expect(entries + heartbeats == ActivityFeed.bufferLimit && entries > ActivityFeed.bufferLimit / 2)
    }

    @Test func heartbeatsComeWhenNothingElseDoes() async throws {
        let database = try AppDatabase.inMemory(passwords: PasswordHasher(cost: 4), heartbeat: .milliseconds(20))
        let following = database.activityFeed.follow(strategyID: 1)
        var heartbeats = 0
        for await event in following.events {
            #expect(event == .heartbeat)
            heartbeats += 1
            if heartbeats == 3 { break }
        }
        #expect(heartbeats == 3)
    }
}
