import Foundation
import GRDB

/// Stores section bodies as ordered lists of content-addressed lines.
///
/// A line is the natural unit of change in the Markdown subset (a paragraph is written on one line, a list
/// item is one line), so an edit adds only the lines it changed; unchanged lines are shared by every
/// revision that has them. Lines are keyed by SHA-256 and referred to by a compact integer id.
enum BodyStore {
    /// A body as loaded: its text and, for the next store, which id each of its lines already has.
    struct Loaded {
        var text: String
        var lineIDs: [Substring: Int64]
    }

    /// Saves the lines of `body` not yet known and returns the revision's line list ("12,13,7").
    /// Lines found in `known` (typically the current revision's) are reused without a query.
    static func store(_ body: String, known: [Substring: Int64] = [:], in db: Database) throws -> String {
        var known = known
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var ids: [Int64] = []
        ids.reserveCapacity(lines.count)
        for line in lines {
            if let id = known[line] {
                ids.append(id)
                continue
            }
            let text = String(line)
            let hash = Hashing.sha256(text)
            let id: Int64
            if let existing = try db.value(Int64.self, "SELECT id FROM textLine WHERE sha256 = ?", [hash]) {
                id = existing
            } else {
                try db.run("INSERT INTO textLine (sha256, text) VALUES (?, ?)", [hash, text])
                id = db.lastInsertedRowID
            }
            known[line] = id
            ids.append(id)
        }
        return ids.map(String.init).joined(separator: ",")
    }

    /// Rebuilds a body from its line list, byte for byte.
    static func load(_ lineList: String, in db: Database) throws -> Loaded {
        let ids = lineList.split(separator: ",").compactMap { Int64($0) }
        guard !ids.isEmpty else { return Loaded(text: "", lineIDs: [:]) }
        var texts: [Int64: String] = [:]
        texts.reserveCapacity(ids.count)
        // One cached statement whatever the number of lines: the list travels as a JSON array.
        for row in try db.rows("SELECT id, text FROM textLine WHERE id IN (SELECT value FROM json_each(?))", ["[" + lineList + "]"]) {
            texts[row[0]] = row[1]
        }
        var text = ""
        var lineIDs: [Substring: Int64] = [:]
        for (index, id) in ids.enumerated() {
            guard let line = texts[id] else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "missing text line") }
            if index > 0 { text += "\n" }
            text += line
            lineIDs[Substring(line)] = id
        }
        return Loaded(text: text, lineIDs: lineIDs)
    }
}
