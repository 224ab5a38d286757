import Foundation
import GRDB
import GRDBSQLite

/// The chunks of many prepared bodies (an import's), stored with a few statements instead of one per chunk.
///
/// Which chunks exist is asked in one statement per 4,096 digests (they travel as one blob that SQLite slices
/// by joining the `batchSlot` table of integers), and the missing ones are inserted the same way. Chunks are
/// never deleted, so ids found by a read connection before the write stay valid: an import asks on the reader
/// pool, on all cores (`knownIDs`), and leaves the single writer only the chunks that were missing.
struct ChunkBatch: Sendable {
    /// Each body's chunk ids as found before the write, 0 for a chunk that was not stored then.
    let known: [[Int64]]
    /// The chunks that were not stored: each distinct one once, in order of first appearance.
    let digests: [ChunkDigest]
    let texts: [Substring]
    /// For each body, the places in `digests` of its chunks that were not stored, in order.
    let missingSlots: [[Int]]

    /// Digests per statement: a digest's place in its batch fits the 12 bits the lookup answer leaves it, and
    /// the `batchSlot` table (migration v5) holds one row per place.
    static let batchSize = 4096

    /// `known` holds each body's ids found before the write (`knownIDs`); nil when nothing was looked up.
    init(_ bodies: [BodyStore.PreparedBody], known: [[Int64]]? = nil) {
        let known = known ?? bodies.map { [Int64](repeating: 0, count: $0.digests.count) }
        var slotOf: [ChunkDigest: Int] = [:]
        var digests: [ChunkDigest] = []
        var texts: [Substring] = []
        missingSlots = zip(bodies, known).map { body, ids in
            ids.indices.compactMap { index in
                guard ids[index] == 0 else { return nil }
                let digest = body.digests[index]
                if let slot = slotOf[digest] { return slot }
                slotOf[digest] = digests.count
                digests.append(digest)
                texts.append(body.chunks[index])
                return digests.count - 1
            }
        }
        self.known = known
        self.digests = digests
        self.texts = texts
    }

    /// The ids of the stored chunks of each body, 0 for the others: the lookup an import makes on read
    /// connections before its write. `read` runs each of `parts` lookups in its own read transaction, at once;
    /// each covers its own stretch of the digest index, so that the connections do not all read every page.
    static func knownIDs(
        of bodies: [BodyStore.PreparedBody], parts: Int, read: @Sendable (_ lookup: (Database) throws -> [Int64]) throws -> [Int64]
    ) throws -> [[Int64]] {
        let digests = bodies.flatMap(\.digests)
        // Each digest goes to the stretch its first bytes fall in: digests are uniform, so the stretches hold
        // about as many each, and each is sorted by the thread that looks it up.
        var stretches = [[Int]](repeating: [], count: max(1, parts))
        for index in digests.indices {
            stretches[Int(digests[index].sortKey.multipliedFullWidth(by: UInt64(stretches.count)).high)].append(index)
        }
        let found = stretches.parallelMap(worthIt: stretches.count > 1) { stretch in
            Result { () throws -> (places: [Int], ids: [Int64]) in
                let order = inIndexOrder(stretch, of: digests[...])
                return (order, try read { db in try lookUp(digests[...], inOrder: order[...], in: db) })
            }
        }
        var ids = [Int64](repeating: 0, count: digests.count)
        for result in found {
            let (places, stretchIDs) = try result.get()
            for (place, id) in zip(places, stretchIDs) { ids[place] = id }
        }
        var start = 0
        return bodies.map { body in
            defer { start += body.digests.count }
            return Array(ids[start..<start + body.digests.count])
        }
    }

    /// The places of `digests` in the order of the digest index: asked in that order, each lookup finds the
    /// pages of the one before in the cache.
    static func indexOrder(_ digests: ArraySlice<ChunkDigest>) -> [Int] {
        inIndexOrder(Array(digests.indices), of: digests)
    }

    /// `places` sorted by the digests there, as the index orders them.
    static func inIndexOrder(_ places: [Int], of digests: ArraySlice<ChunkDigest>) -> [Int] {
        var keyed = places.map { (key: digests[$0].sortKey, index: $0) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : digests[$0.index] < digests[$1.index] }
        return keyed.map(\.index)
    }

    /// The ids of the already stored chunks among `digests`, 0 for the others.
    static func committedIDs(of digests: ArraySlice<ChunkDigest>, in db: Database) throws -> [Int64] {
        let order = indexOrder(digests)
        var ids = [Int64](repeating: 0, count: digests.count)
        for (place, id) in zip(order, try lookUp(digests, inOrder: order[...], in: db)) { ids[place - digests.startIndex] = id }
        return ids
    }

    /// The ids of the digests at `places` (in index order), 0 for those not stored, in the order of `places`.
    ///
    /// Chosen as a query planner would: one index probe per digest, or, when the stretch of the index between
    /// the first and the last digest holds fewer than `scanBelow` rows per digest, one scan of that stretch
    /// merged with the digests (in the service, a probe cost as much as reading three to five rows in order).
    /// The rows a stretch holds are estimated from the table's size, as digests are uniformly spread.
    static func lookUp(
        _ digests: ArraySlice<ChunkDigest>, inOrder places: ArraySlice<Int>, scanBelow: Double = 4, in db: Database
    ) throws -> [Int64] {
        guard let first = places.first, let last = places.last else { return [] }
        // Chunks are never deleted, so the largest id is the number of rows (found in the table's last page).
        let stored = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM textChunk")) ?? 0
        let share = Double(digests[last].sortKey - digests[first].sortKey) / 0x1p64
        if Double(stored) * share < scanBelow * Double(places.count) {
            return try scan(digests, inOrder: places, in: db)
        }
        return try probe(digests, inOrder: places, in: db)
    }

    private static func probe(_ digests: ArraySlice<ChunkDigest>, inOrder places: ArraySlice<Int>, in db: Database) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: places.count)
        // Each answer packs the chunk id and the digest's place in the batch into one integer, which GRDB
        // reads without building a row: decoding 11,000 two-column rows cost more than the lookups.
        let lookup = try db.cachedStatement(
            sql: """
                SELECT (textChunk.id << 12) | batchSlot.i
                FROM batchSlot CROSS JOIN textChunk ON textChunk.sha256 = substr(?2, batchSlot.i * 32 + 1, 32)
                WHERE batchSlot.i < ?1
                """
        )
        for start in stride(from: places.startIndex, to: places.endIndex, by: batchSize) {
            let batch = places[start..<min(start + batchSize, places.endIndex)]
            var blob = Data(capacity: batch.count * 32)
            for place in batch { digests[place].append(to: &blob) }
            let answers = try Int64.fetchCursor(lookup, arguments: [batch.count, blob])
            while let packed = try answers.next() {
                ids[start - places.startIndex + Int(packed & 0xFFF)] = packed >> 12
            }
        }
        return ids
    }

    /// Reads the index from the first digest to the last in order, matching its rows with the digests. The
    /// stored digest is read in place through SQLite's C API: a `Data` per row cost more than the scan.
    private static func scan(_ digests: ArraySlice<ChunkDigest>, inOrder places: ArraySlice<Int>, in db: Database) throws -> [Int64] {
        let wanted = places.map { digests[$0] }
        var ids = [Int64](repeating: 0, count: wanted.count)
        let range = try db.cachedStatement(sql: "SELECT id, sha256 FROM textChunk WHERE sha256 BETWEEN ? AND ? ORDER BY sha256")
        let rows = try Int64.fetchCursor(range, arguments: [wanted[0].data, wanted[wanted.count - 1].data])
        let handle = range.sqliteStatement
        var next = 0
        while next < wanted.count, let id = try rows.next() {
            guard let blob = sqlite3_column_blob(handle, 1),
                let stored = ChunkDigest(bytes: UnsafeRawBufferPointer(start: blob, count: Int(sqlite3_column_bytes(handle, 1))))
            else { continue }
            while next < wanted.count && wanted[next] < stored { next += 1 }
            while next < wanted.count && wanted[next] == stored {
                ids[next] = id
                next += 1
            }
        }
        return ids
    }

    /// Stores the chunks not yet stored and returns each body's chunk list. Those not found before the write
    /// are looked up again first, since another write may have stored them since.
    func store(in db: Database) throws -> [Data] {
        var ids = try Self.committedIDs(of: digests[...], in: db)
        try insertMissing(&ids, in: db)
        return zip(known, missingSlots).map { known, slots in
            var list: [UInt8] = []
            list.reserveCapacity(known.count * 3)
            var next = 0
            for id in known {
                if id != 0 {
                    Varint.append(UInt64(id), to: &list)
                } else {
                    Varint.append(UInt64(ids[slots[next]]), to: &list)
                    next += 1
                }
            }
            return Data(list)
        }
    }

    /// Inserts the chunks whose id is still 0, one statement per 4,096: their digests travel as one blob,
    /// their texts as another with a JSON list of cut offsets, and SQLite answers each new id with its digest.
    /// (A first import of new text is bound by the commit's disk writes either way; this spares it 11,000
    /// statements.) An empty blob may reach SQLite as NULL, hence the `coalesce` for an empty body's one chunk.
    private func insertMissing(_ ids: inout [Int64], in db: Database) throws {
        let missing = ids.indices.filter { ids[$0] == 0 }
        guard !missing.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                WITH cut(i, start, stop) AS (SELECT key, value, lead(value) OVER (ORDER BY key) FROM json_each(?3))
                INSERT INTO textChunk (sha256, text)
                SELECT substr(?1, i * 32 + 1, 32), coalesce(CAST(substr(?2, start + 1, stop - start) AS TEXT), '') FROM cut WHERE stop IS NOT NULL
                RETURNING sha256, id
                """
        )
        var slotOf: [ChunkDigest: Int] = [:]
        slotOf.reserveCapacity(missing.count)
        for slot in missing { slotOf[digests[slot]] = slot }
        for start in stride(from: 0, to: missing.count, by: Self.batchSize) {
            let batch = missing[start..<min(start + Self.batchSize, missing.count)]
            var digestBlob = Data(capacity: batch.count * 32)
            var textBlob = Data()
            var cuts = "[0"
            for slot in batch {
                digests[slot].append(to: &digestBlob)
                textBlob.append(contentsOf: texts[slot].utf8)
                cuts += ",\(textBlob.count)"
            }
            cuts += "]"
            let rows = try Row.fetchCursor(insert, arguments: [digestBlob, textBlob, cuts])
            while let row = try rows.next() {
                let digest = try row.withUnsafeData(atIndex: 0) { $0.flatMap(ChunkDigest.init(bytes:)) }
                guard let digest, let slot = slotOf[digest] else {
                    throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "an inserted chunk came back with another digest")
                }
                ids[slot] = row[1]
            }
        }
    }
}
