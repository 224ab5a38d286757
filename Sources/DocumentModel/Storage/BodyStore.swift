import Foundation
import GRDB

/// Stores section bodies as ordered lists of content-addressed chunks.
///
/// A chunk ends after a line break or after a sentence end (`.`, `!`, `?`, `;` or `:` followed by white
/// space, which stays with the chunk), so an edit of one sentence stores that sentence alone; every unchanged
/// chunk is shared by all the revisions that have it. Chunks are keyed by SHA-256 and referred to by integer
/// ids, which a revision lists as LEB128 varints. Concatenating the chunks gives the body back byte for byte.
enum BodyStore {
    /// A body as loaded: its text and, for the next store, which id each of its chunks already has.
    struct Loaded {
        var text: String
        var chunkIDs: [Substring: Int64]
    }

    /// Saves the chunks of `body` not yet known and returns the revision's chunk list.
    /// Chunks found in `known` (typically the current revision's) are reused without a query.
    static func store(_ body: String, known: [Substring: Int64] = [:], in db: Database) throws -> Data {
        // Chunks met earlier in this body, by digest: hashing a `Substring` as a dictionary key normalises it to
        // NFC first, which for non-ASCII text cost more than the SHA-256 (imports store thousands of chunks).
        var seen: [ChunkDigest: Int64] = [:]
        var list = Data()
        for chunk in chunks(of: body) {
            let id: Int64
            if !known.isEmpty, let knownID = known[chunk] {
                id = knownID
            } else {
                let hash = ChunkDigest(chunk.utf8)
                if let seenID = seen[hash] {
                    id = seenID
                } else if let existing = try db.value(Int64.self, "SELECT id FROM textChunk WHERE sha256 = ?", [hash.data]) {
                    id = existing
                } else {
                    try db.run("INSERT INTO textChunk (sha256, text) VALUES (?, ?)", [hash.data, String(chunk)])
                    id = db.lastInsertedRowID
                }
                seen[hash] = id
            }
            Varint.append(UInt64(id), to: &list)
        }
        return list
    }

    /// A body cut into chunks and hashed: the part of storing that needs no database, done before the write.
    struct PreparedBody: Sendable, Equatable {
        var chunks: [Substring]
        var digests: [ChunkDigest]
    }

    static func prepare(_ body: String) -> PreparedBody {
        let chunks = chunks(of: body)
        return PreparedBody(chunks: chunks, digests: chunks.map { ChunkDigest($0.utf8) })
    }

    /// Rebuilds a body from its chunk list, byte for byte, with the ids of its chunks for the next store.
    static func load(_ list: Data, in db: Database) throws -> Loaded {
        var chunkIDs: [Substring: Int64] = [:]
        let text = try assemble(list, in: db) { chunk, id in chunkIDs[Substring(chunk)] = id }
        return Loaded(text: text, chunkIDs: chunkIDs)
    }

    /// Rebuilds a body for reading only: no chunk index, whose hashing cost more than the query on large reads.
    static func loadText(_ list: Data, in db: Database) throws -> String {
        try assemble(list, in: db) { _, _ in }
    }

    /// Many bodies for reading with a few queries for all their chunks (an export reads every section). The
    /// chunk texts are copied into one buffer and the bodies put together from it: a string and a dictionary
    /// entry per chunk cost as much as the rest of an export.
    ///
    /// Chunks written together have neighbouring ids, so the ids are read as runs: each run of ids close
    /// together is read with one range scan of the table (at most twice the rows needed), far cheaper than a
    /// lookup each; ids outside any run (a chunk shared with an older strategy, such as a blank line) are
    /// looked up one by one.
    static func loadTexts(_ lists: [Data], in db: Database) throws -> [String] {
        let idLists = lists.map { Varint.decode($0).map { Int64($0) } }
        var all = Array(idLists.joined())
        guard !all.isEmpty else { return lists.map { _ in "" } }
        all.sort()
        var ids: [Int64] = [all[0]]
        for id in all.dropFirst() where id != ids[ids.count - 1] { ids.append(id) }
        var runs: [Run] = []
        var scattered: [Int64] = []
        var start = 0
        for index in 1...ids.count where index == ids.count || ids[index] - ids[index - 1] > Run.maximumGap {
            let cluster = ids[start..<index]
            start = index
            if cluster.count >= Run.minimumCount && cluster.last! - cluster.first! < 2 * Int64(cluster.count) {
                runs.append(Run(lowest: cluster.first!, highest: cluster.last!, base: runs.last.map { $0.base + $0.width } ?? 0))
            } else {
                scattered += cluster
            }
        }
        var buffer: [UInt8] = []
        // Where each chunk's text lies in `buffer`: by id in the runs' slots, else in a dictionary.
        var slots = [Range<Int>?](repeating: nil, count: runs.last.map { $0.base + $0.width } ?? 0)
        var other: [Int64: Range<Int>] = [:]
        func read(_ cursor: RowCursor, into place: (Int64, Range<Int>) -> Void) throws {
            while let row = try cursor.next() {
                let start = buffer.count
                // Through the raw bytes: appending `Data` itself goes element by element.
                try row.withUnsafeData(atIndex: 1) { data in data?.withUnsafeBytes { buffer.append(contentsOf: $0) } }
                place(row[0], start..<buffer.count)
            }
        }
        let range = try db.cachedStatement(sql: "SELECT id, text FROM textChunk WHERE id BETWEEN ? AND ?")
        for run in runs {
            try read(try Row.fetchCursor(range, arguments: [run.lowest, run.highest])) { id, span in slots[run.base + Int(id - run.lowest)] = span }
        }
        if !scattered.isEmpty {
            // One cached statement whatever the number of chunks: the ids travel as a JSON array.
            let array = "[" + scattered.map(String.init).joined(separator: ",") + "]"
            let lookup = try db.cachedStatement(sql: "SELECT id, text FROM textChunk WHERE id IN (SELECT value FROM json_each(?))")
            try read(try Row.fetchCursor(lookup, arguments: [array])) { id, span in other[id] = span }
        }
        return try idLists.map { ids in
            var text: [UInt8] = []
            var run = 0
            for id in ids {
                // A body's ids mostly stay in one run: the last one found is tried first.
                if run >= runs.count || !runs[run].contains(id) { run = runs.firstIndex { $0.contains(id) } ?? runs.count }
                let span = run < runs.count ? slots[runs[run].base + Int(id - runs[run].lowest)] : other[id]
                guard let span else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "missing text chunk") }
                text.append(contentsOf: buffer[span])
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// Ids close together, read with one range scan; `base` is where its slots start.
    private struct Run {
        /// Ids further apart than this end a run.
        static let maximumGap: Int64 = 64
        /// Fewer ids than this are looked up one by one.
        static let minimumCount = 32
        let lowest, highest: Int64
        let base: Int
        var width: Int { Int(highest - lowest) + 1 }
        func contains(_ id: Int64) -> Bool { id >= lowest && id <= highest }
    }

    private static func assemble(_ list: Data, in db: Database, visit: (String, Int64) -> Void) throws -> String {
        let ids = Varint.decode(list).map { Int64($0) }
        guard !ids.isEmpty else { return "" }
        var texts: [Int64: String] = [:]
        texts.reserveCapacity(ids.count)
        // One cached statement whatever the number of chunks: the ids travel as a JSON array.
        let array = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let statement = try db.cachedStatement(sql: "SELECT id, text FROM textChunk WHERE id IN (SELECT value FROM json_each(?))")
        let cursor = try Row.fetchCursor(statement, arguments: [array])
        while let row = try cursor.next() { texts[row[0]] = row[1] }
        var text = ""
        for id in ids {
            guard let chunk = texts[id] else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "missing text chunk") }
            text += chunk
            visit(chunk, id)
        }
        return text
    }

    /// Splits after every line break and after sentence punctuation followed by spaces or tabs.
    ///
    /// Works on UTF-8 bytes: every boundary character is ASCII, and ASCII bytes never occur inside a
    /// multi-byte sequence, so each cut falls between two characters. (Iterating `Character`s here cost a
    /// quarter of the server's CPU under write load.)
    static func chunks(of body: String) -> [Substring] {
        var body = body
        let cuts: [Int] = body.withUTF8 { bytes in
            // Line feed and the sentence punctuation all lie below 64: one shift and mask tells them apart.
            let punctuation: UInt64 =
                1 << UInt8(ascii: ".") | 1 << UInt8(ascii: "!") | 1 << UInt8(ascii: "?") | 1 << UInt8(ascii: ";")
                | 1 << UInt8(ascii: ":")
            let special = punctuation | 1 << 0x0A
            func isIn(_ set: UInt64, _ byte: UInt8) -> Bool { byte < 64 && set >> byte & 1 == 1 }
            var cuts: [Int] = []
            var index = 0
            while index < bytes.count {
                // Most bytes are neither: skip them in a tight loop.
                while index < bytes.count && !isIn(special, bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                if bytes[index] == 0x0A {
                    index += 1
                    cuts.append(index)
                    continue
                }
                index += 1
                while index < bytes.count && isIn(punctuation, bytes[index]) { index += 1 }
                guard index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 else { continue }
                // Keep the run of spaces after the punctuation with the sentence it ends.
                index += 1
                while index < bytes.count && bytes[index] == 0x20 { index += 1 }
                cuts.append(index)
            }
            if cuts.last != bytes.count || cuts.isEmpty { cuts.append(bytes.count) }
            return cuts
        }
        // Offsets into a native string's UTF-8 become indices in constant time.
        let utf8 = body.utf8
        var result: [Substring] = []
        result.reserveCapacity(cuts.count)
        var start = utf8.startIndex
        for cut in cuts {
            let end = utf8.index(utf8.startIndex, offsetBy: cut)
            result.append(body[start..<end])
            start = end
        }
        return result
    }
}

/// Unsigned LEB128, the compact encoding of chunk lists.
enum Varint {
    static func append<Bytes: RangeReplaceableCollection<UInt8>>(_ value: UInt64, to data: inout Bytes) {
        var value = value
        while value >= 0x80 {
            data.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        data.append(UInt8(value))
    }

    static func decode(_ data: Data) -> [UInt64] {
        var values: [UInt64] = []
        var current: UInt64 = 0
        var shift: UInt64 = 0
        for byte in data {
            current |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                values.append(current)
                current = 0
                shift = 0
            } else {
                shift += 7
            }
        }
        return values
    }
}
