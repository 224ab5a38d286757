import Foundation
import GRDB

/// Stores section bodies as ordered lists of content-addressed lines.
///
/// A line is the natural unit of change in the Markdown subset (a paragraph is written on one line, a list
/// item is one line), so an edit adds only the lines it changed; unchanged lines are shared by every
/// revision that has them. Lines are keyed by SHA-256 and referred to by a compact integer id.
enum BodyStore {
    /// Saves the lines of `body` not yet known and returns the revision's line list ("12,13,7").
    static func store(_ body: String, in db: Database) throws -> String {
        var ids: [Int64] = []
        var known: [Substring: Int64] = [:]
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        ids.reserveCapacity(lines.count)
        for line in lines {
            if let id = known[line] {
                ids.append(id)
                continue
            }
            let text = String(line)
            let hash = Hashing.sha256(text)
            let id: Int64
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM textLine WHERE sha256 = ?", arguments: [hash]) {
                id = existing
            } else {
                try db.execute(sql: "INSERT INTO textLine (sha256, text) VALUES (?, ?)", arguments: [hash, text])
                id = db.lastInsertedRowID
            }
            known[line] = id
            ids.append(id)
        }
        return ids.map(String.init).joined(separator: ",")
    }

    /// Rebuilds a body from its line list, byte for byte.
    static func load(_ lineIDs: String, in db: Database) throws -> String {
        let ids = lineIDs.split(separator: ",").compactMap { Int64($0) }
        guard !ids.isEmpty else { return "" }
        var texts: [Int64: String] = [:]
        let unique = Array(Set(ids))
        // Chunked so a very long body never exceeds SQLite's limit on bound parameters.
        for start in stride(from: 0, to: unique.count, by: 500) {
            let chunk = Array(unique[start..<min(start + 500, unique.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, text FROM textLine WHERE id IN (\(placeholders))", arguments: StatementArguments(chunk)
            )
            for row in rows { texts[row["id"]] = row["text"] }
        }
        return try ids.map { id in
            guard let text = texts[id] else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "missing text line") }
            return text
        }.joined(separator: "\n")
    }
}
