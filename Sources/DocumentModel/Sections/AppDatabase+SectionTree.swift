import Foundation
import GRDB

/// The section tree in SQL: live siblings, dense positions, ancestry and derived numbers; all run inside the
/// caller's transaction.
extension AppDatabase {
    static func requireLiveSection(_ db: Database, strategyID: Int64, id: Int64, field: String) throws {
        let live = try db.value(
            Bool.self, "SELECT 1 FROM section WHERE id = ? AND strategyId = ? AND removedAt IS NULL", [id, strategyID]
        )
        guard live != nil else { throw DocumentModelError.invalid(field, "is not a section of this strategy") }
    }

    static func siblingCount(_ db: Database, strategyID: Int64, parentID: Int64?, excluding: Int64? = nil) throws -> Int {
        try db.value(
            Int.self,
            """
            SELECT COUNT(*) FROM section
            WHERE strategyId = ? AND parentId IS ? AND removedAt IS NULL AND id IS NOT ?
            """, [strategyID, parentID, excluding]
        ) ?? 0
    }

    /// Moves the live siblings at `from` and after by `delta`, keeping positions dense (1…n).
    static func shiftSiblings(
        _ db: Database, strategyID: Int64, parentID: Int64?, from position: Int, by delta: Int, excluding: Int64? = nil
    ) throws {
        try db.run(
            """
            UPDATE section SET position = position + ?
            WHERE strategyId = ? AND parentId IS ? AND removedAt IS NULL AND position >= ? AND id IS NOT ?
            """, [delta, strategyID, parentID, position, excluding]
        )
    }

    static func isInSubtree(_ db: Database, candidate: Int64, root: Int64) throws -> Bool {
        try db.value(
            Bool.self,
            """
            WITH RECURSIVE ancestor(id) AS (
                SELECT ? UNION SELECT section.parentId FROM section JOIN ancestor ON section.id = ancestor.id
                WHERE section.parentId IS NOT NULL
            ) SELECT 1 FROM ancestor WHERE id = ?
            """, [candidate, root]
        ) != nil
    }

    /// Positions are kept dense, so a live section's number is the chain of its ancestors' positions.
    static func outlineNumber(_ db: Database, id: Int64) throws -> String {
        let positions = try db.values(
            Int.self,
            """
            WITH RECURSIVE chain(id, parentId, position, depth) AS (
                SELECT id, parentId, position, 0 FROM section WHERE id = ?
                UNION ALL
                SELECT section.id, section.parentId, section.position, chain.depth + 1
                FROM section JOIN chain ON section.id = chain.parentId
            ) SELECT position FROM chain ORDER BY depth DESC
            """, [id]
        )
        return positions.map(String.init).joined(separator: ".")
    }
}
