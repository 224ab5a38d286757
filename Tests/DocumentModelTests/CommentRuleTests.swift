import Foundation
import GRDB
import Synchronization
import Testing

@testable import DocumentModel

/// A comment is disposed of once: the check before the write is not enough when two facilitators (or one
/// double-clicking) dispose of it at the same moment, so the write checks again inside its transaction.
@Suite struct CommentRuleTests {
    @Test func simultaneousDispositionsResolveACommentOnce() async throws {
        let store = try await TestStore.make(onDisk: true)
        let section = try await store.section("Scope", body: "Children under 18.")
        let comment = try await store.database.postComment(
            strategyID: store.strategy.id,
            NewComment(target: .section(id: section.id, revision: 1, anchor: 0..<8), kind: .editorial, body: "Which?", suggestion: nil),
            by: store.member
        )
        let (database, strategyID, facilitator) = (store.database, store.strategy.id, store.facilitator)
        // Another connection holds the write lock while all eight read the comment as open, so every one of them
        // reaches its write having passed the first check: only the check inside the write can keep it to one.
        let holder = try DatabaseQueue(path: try #require(store.path))
        let locked = Mutex(false)
        let release = Task.detached {
            try holder.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                locked.withLock { $0 = true }
                Thread.sleep(forTimeInterval: 0.5)
                try db.execute(sql: "COMMIT")
            }
        }
        while !locked.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let resolution = CommentResolution(
                        disposition: index.isMultiple(of: 2) ? .noted : .rejected, response: "Answer \(index)", applySuggestion: false
                    )
                    return (try? await database.resolveComment(strategyID: strategyID, number: comment.number, resolution, by: facilitator)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        try await release.value
        #expect(outcomes.filter { $0 }.count == 1, "\(outcomes.filter { $0 }.count) of 8 simultaneous dispositions were taken")
        let entries = try await store.database.activity(strategyID: strategyID, after: nil, limit: 100).items
        #expect(entries.filter { $0.action == "comment.resolved" }.count == 1)
    }
}
