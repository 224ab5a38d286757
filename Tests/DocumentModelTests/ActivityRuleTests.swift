import Foundation
import GRDB
import Testing

@testable import DocumentModel

/// The activity log's chain at its edges: every field of an entry is in its hash, its stored link to the previous
/// entry is checked, and an entry taken out of the chain breaks it at the next one, even for a tamperer who drops the triggers that forbid both.
@Suite struct ActivityRuleTests {
    /// A store on disk with five entries (strategy created, two members added, a section created and edited), and a
    /// second connection without the triggers, as a tamperer would have.
    static func tampered(_ change: String, column: String? = nil) async throws -> (ChainVerification, [ActivityEntry]) {
        let store = try await TestStore.make(onDisk: true)
        let section = try await store.section("H")
        _ = try await store.database.updateSection(
            strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "changed", message: nil, by: store.facilitator
        )
        let entries = try await store.database.activity(strategyID: store.strategy.id, after: nil, limit: 50).items
        #expect(try await store.database.verifyActivity(strategyID: store.strategy.id).intact)
        let queue = try DatabaseQueue(path: try #require(store.path))
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER activity_no_update")
            try db.execute(sql: "DROP TRIGGER activity_no_delete")
            try db.execute(sql: change, arguments: [entries[2].id])
        }
        return (try await store.database.verifyActivity(strategyID: store.strategy.id), entries)
    }

    @Test(arguments: [
        ("accountId", "UPDATE activity SET accountId = accountId + 1 WHERE id = ?"),
        ("groupKey", "UPDATE activity SET groupKey = 'government' WHERE id = ?"),
        ("action", "UPDATE activity SET action = 'member.removed' WHERE id = ?"),
        ("subject", "UPDATE activity SET subject = 'account/999' WHERE id = ?"),
        ("detail", "UPDATE activity SET detail = '{\"role\":\"facilitator\"}' WHERE id = ?"),
        ("createdAt", "UPDATE activity SET createdAt = '2001-01-01 00:00:00.000' WHERE id = ?"),
        ("strategyId", "UPDATE activity SET strategyId = NULL WHERE id = ?"),
        // The link readers of the API follow: hashed into the next entry, and checked on its own too.
        ("previousHash", "UPDATE activity SET previousHash = zeroblob(32) WHERE id = ?"),
    ])
    func everyFieldOfAnEntryIsInItsHash(column: String, change: String) async throws {
        let (result, entries) = try await Self.tampered(change)
        #expect(!result.intact, "a changed \(column) went unnoticed")
        if column != "strategyId" { #expect(result.firstBrokenEntry == entries[2].id, "\(column)") }
    }

    @Test func anEntryTakenOutBreaksTheChainAtTheNext() async throws {
        let (result, entries) = try await Self.tampered("DELETE FROM activity WHERE id = ?")
        #expect(!result.intact)
        #expect(result.firstBrokenEntry == entries[3].id)
    }
}
