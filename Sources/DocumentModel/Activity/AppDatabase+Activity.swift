import Foundation
import GRDB

extension AppDatabase {
    /// The chain a strategy's entries belong to; account administration has its own chain (strategy nil).
    static let genesisHash = Data(count: 32)

    /// Appends one entry to the strategy's chain, inside the caller's transaction.
    static func appendActivity(
        _ db: Database,
        strategyID: Int64?,
        actor: Actor,
        action: ActivityAction,
        subject: String,
        detail: [String: String] = [:]
    ) throws {
        let previous =
            try db.value(
                Data.self, "SELECT hash FROM activity WHERE strategyId IS ? ORDER BY id DESC LIMIT 1", [strategyID]
            ) ?? genesisHash
        let createdAt = Timestamp.rfc3339(Date())
        let detailText = canonicalJSON(detail)
        let hash = activityHash(
            previous: previous, strategyID: strategyID, accountID: actor.accountID, group: actor.group,
            action: action.rawValue, subject: subject, detail: detailText, createdAt: createdAt
        )
        try db.run(
            """
            INSERT INTO activity (strategyId, accountId, groupKey, action, subject, detail, createdAt, previousHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [strategyID, actor.accountID, actor.group, action.rawValue, subject, detailText, createdAt, previous, hash]
        )
    }

    /// SHA-256 over the previous hash and every field, each length-prefixed so that no two entries collide.
    static func activityHash(
        previous: Data, strategyID: Int64?, accountID: Int64?, group: String?,
        action: String, subject: String, detail: String, createdAt: String
    ) -> Data {
        let fields = [
            Hashing.hex(previous), strategyID.map(String.init) ?? "", accountID.map(String.init) ?? "", group ?? "",
            action, subject, detail, createdAt,
        ]
        let text = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hashing.sha256(text)
    }

    static func canonicalJSON(_ detail: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(detail), as: UTF8.self)) ?? "{}"
    }

    /// A page of the strategy's activity, oldest first.
    public func activity(strategyID: Int64, after: Int64?, limit: Int) async throws -> Page<ActivityEntry> {
        try read { db in
            let rows = try db.rows(
                "SELECT * FROM activity WHERE strategyId = ? AND id > ? ORDER BY id LIMIT ?", [strategyID, after ?? 0, limit + 1]
            )
            let entries = rows.prefix(limit).map(Self.activityEntry)
            return Page(items: entries, nextAfter: rows.count > limit ? entries.last?.id : nil)
        }
    }

    /// A page of the strategy's activity for a member, newest first, with the actors' names.
    public func recentActivity(strategyID: Int64, before: Int64?, limit: Int, for account: Account) async throws -> Page<ActivityEntry> {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let rows = try db.rows(
                """
                SELECT activity.*, account.name AS accountName FROM activity LEFT JOIN account ON account.id = activity.accountId
                WHERE activity.strategyId = ? AND activity.id < ? ORDER BY activity.id DESC LIMIT ?
                """, [strategyID, before ?? Int64.max, limit + 1]
            )
            let entries = rows.prefix(limit).map { row in
                var entry = Self.activityEntry(row)
                entry.accountName = row["accountName"]
                return entry
            }
            return Page(items: Array(entries), nextAfter: rows.count > limit ? entries.last?.id : nil)
        }
    }

    /// Re-hashes the strategy's whole chain and checks every link.
    public func verifyActivity(strategyID: Int64) async throws -> ChainVerification {
        try read { db in
            var previous = Self.genesisHash
            var count = 0
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT * FROM activity WHERE strategyId IS ? ORDER BY id", arguments: [strategyID]
            )
            while let row = try cursor.next() {
                let entry = Self.activityEntry(row)
                let storedPrevious: Data = row["previousHash"]
                let storedHash: Data = row["hash"]
                count += 1
                // Hash the stored text, not a re-rendered date, so verification sees exactly what was chained.
                let expected = Self.activityHash(
                    previous: previous, strategyID: entry.strategyID, accountID: entry.accountID, group: entry.group,
                    action: entry.action, subject: entry.subject, detail: entry.detail, createdAt: row["createdAt"]
                )
                if storedPrevious != previous || storedHash != expected {
                    return ChainVerification(intact: false, entries: count, firstBrokenEntry: entry.id)
                }
                previous = storedHash
            }
            return ChainVerification(intact: true, entries: count, firstBrokenEntry: nil)
        }
    }

    static func activityEntry(_ row: Row) -> ActivityEntry {
        let createdAtText: String = row["createdAt"]
        return ActivityEntry(
            id: row["id"], strategyID: row["strategyId"], accountID: row["accountId"], group: row["groupKey"],
            action: row["action"], subject: row["subject"], detail: row["detail"],
            createdAt: Timestamp.parse(createdAtText) ?? Date(timeIntervalSince1970: 0),
            previousHash: Hashing.hex(row["previousHash"]), hash: Hashing.hex(row["hash"])
        )
    }
}
