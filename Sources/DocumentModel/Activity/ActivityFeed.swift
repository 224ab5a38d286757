import Foundation
import GRDB
import Metrics
import Synchronization

/// New activity entries, handed to whoever follows a strategy (`GET /strategies/{id}/events`, pages that update
/// while they are open).
///
/// After each commit of the write batcher the feed reads the entries appended since the last one it saw, once,
/// and gives each follower of a strategy that strategy's new entries: however many people follow, a commit costs
/// one query. Entries arrive in the order of their ids, which is the order of their commits (there is one writer).
public final class ActivityFeed: Sendable {
    /// What a follower receives. A follower that falls this far behind is ended rather than sent a partial
    /// history; it resumes from the log with the last id it got.
    public static let bufferLimit = 1024

    /// What a follower receives: an entry, or word that the feed is alive with nothing new (which keeps idle
    /// connections open through proxies, and lets a server notice a follower that has gone).
    public enum Event: Sendable, Equatable {
        case entry(ActivityEntry)
        case heartbeat
    }

    private let reader: any DatabaseReader
    private let state: Mutex<State>
    private let queue = DispatchQueue(label: "strategy.activity-feed")
    private let followersGauge = Gauge(label: "strategy_activity_followers")
    private let heartbeats: Mutex<Task<Void, Never>?> = Mutex(nil)

    private struct State {
        var lastSeen: Int64
        var followers: [Int: Follower] = [:]
        var nextID = 0
        var readScheduled = false
    }

    private struct Follower {
        let strategyID: Int64
        let continuation: AsyncStream<Event>.Continuation
    }

    init(reader: any DatabaseReader, heartbeat: Duration = .seconds(25)) throws {
        self.reader = reader
        let last = try reader.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM activity") } ?? 0
        self.state = Mutex(State(lastSeen: last))
        // One timer for every follower, not one per connection.
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                guard let self else { return }
                self.state.withLock { state in
                    for follower in state.followers.values { follower.continuation.yield(.heartbeat) }
                }
            }
        }
        heartbeats.withLock { $0 = task }
    }

    deinit {
        heartbeats.withLock { $0?.cancel() }
    }

    /// A follower's events, and how to stop following (when its connection closes, before the next write would
    /// tell).
    public struct Following: Sendable {
        public let events: AsyncStream<Event>
        public let end: @Sendable () -> Void
    }

    /// The strategy's entries committed from now on, until `end` or the caller stops iterating (or falls too far
    /// behind). The caller checks that the account may read the strategy.
    public func follow(strategyID: Int64) -> Following {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingOldest(Self.bufferLimit))
        let id = state.withLock { state in
            state.nextID += 1
            state.followers[state.nextID] = Follower(strategyID: strategyID, continuation: continuation)
            followersGauge.record(state.followers.count)
            return state.nextID
        }
        continuation.onTermination = { [weak self] _ in self?.unfollow(id) }
        return Following(events: stream, end: { continuation.finish() })
    }

    /// How many follow now (each open event stream is one).
    public var followerCount: Int { state.withLock { $0.followers.count } }

    /// Ends every follower's stream, as a server does when it stops: open connections close at once instead of
    /// holding the shutdown up.
    public func finishAll() {
        let all = state.withLock { state in state.followers.values.map(\.continuation) }
        for continuation in all { continuation.finish() }
    }

    private func unfollow(_ id: Int) {
        state.withLock { state in
            state.followers[id] = nil
            followersGauge.record(state.followers.count)
        }
    }

    /// Called by the write batcher after each commit; reads coalesce, so a burst of commits costs one read.
    func committed() {
        let schedule = state.withLock { state -> Bool in
            if state.readScheduled { return false }
            state.readScheduled = true
            return true
        }
        if schedule { queue.async { self.deliver() } }
    }

    private func deliver() {
        let pageSize = 1000
        while true {
            let (after, nobody) = state.withLock { state in
                state.readScheduled = false
                return (state.lastSeen, state.followers.isEmpty)
            }
            if nobody {
                // Nothing to hand out, but a later follower must not be sent what came before it.
                let last = try? reader.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM activity") }
                state.withLock { $0.lastSeen = max($0.lastSeen, (last ?? nil) ?? 0) }
                return
            }
            let entries =
                (try? reader.read { db in
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM activity WHERE id > ? ORDER BY id LIMIT ?", arguments: [after, pageSize]
                    ).map(AppDatabase.activityEntry)
                }) ?? []
            guard let last = entries.last else { return }
            // Yielding never runs the follower inline; ending one does (its termination takes the lock): after.
            let behind = state.withLock { state -> [AsyncStream<Event>.Continuation] in
                state.lastSeen = last.id
                var behind: [AsyncStream<Event>.Continuation] = []
                for entry in entries {
                    guard let strategyID = entry.strategyID else { continue }
                    for follower in state.followers.values where follower.strategyID == strategyID {
                        if case .dropped = follower.continuation.yield(.entry(entry)) { behind.append(follower.continuation) }
                    }
                }
                return behind
            }
            for continuation in behind { continuation.finish() }
            if entries.count < pageSize { return }
        }
    }
}
