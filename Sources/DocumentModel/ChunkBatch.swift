import Foundation
import GRDB

/// The distinct chunks of many prepared bodies (an import's), stored with a few statements instead of one per
/// chunk.
///
/// Which chunks exist is asked in one statement per 4,096 digests (they travel as one blob that SQLite slices
/// by joining the `batchSlot` table of integers),
/// and the missing ones are inserted the same way. Chunks are never deleted, so ids found by a read connection
/// before the write stay valid: `committedIDs` lets an import ask on the reader pool, on all cores, and leave
/// the single writer only what was missing.
struct ChunkBatch: Sendable {
    /// Each distinct chunk once, in order of first appearance.
    let digests: [ChunkDigest]
    let texts: [Substring]
    /// For each body, its chunks as indices into `digests`.
    let bodySlots: [[Int]]

    /// Digests per statement: a digest's place in its batch fits the 12 bits the lookup answer leaves it, and
    /// the `batchSlot` table (migration v5) holds one row per place.
    static let batchSize = 4096

    init(_ bodies: [BodyStore.PreparedBody]) {
        var slotOf: [ChunkDigest: Int] = [:]
        slotOf.reserveCapacity(bodies.reduce(0) { $0 + $1.digests.count })
        var digests: [ChunkDigest] = []
        var texts: [Substring] = []
        bodySlots = bodies.map { body in
            zip(body.digests, body.chunks).map { digest, chunk in
                if let slot = slotOf[digest] { return slot }
                slotOf[digest] = digests.count
                digests.append(digest)
                texts.append(chunk)
                return digests.count - 1
            }
        }
        self.digests = digests
        self.texts = texts
    }

    /// The ids of the already stored chunks among `digests`, 0 for the others.
    static func committedIDs(of digests: ArraySlice<ChunkDigest>, in db: Database) throws -> [Int64] {
        var ids = [Int64](repeating: 0, count: digests.count)
        // Each answer packs the chunk id and the digest's place in the batch into one integer, which GRDB
        // reads without building a row: decoding 11,000 two-column rows cost more than the lookups.
        let lookup = try db.cachedStatement(
            sql: """
                SELECT (textChunk.id << 12) | batchSlot.i
                FROM batchSlot CROSS JOIN textChunk ON textChunk.sha256 = substr(?2, batchSlot.i * 32 + 1, 32)
                WHERE batchSlot.i < ?1
                """
        )
        // Asked in index order, each lookup finds the pages of the one before in the cache.
        let order = digests.indices.sorted { digests[$0] < digests[$1] }
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let batch = order[start..<min(start + batchSize, order.count)]
            var blob = Data(capacity: batch.count * 32)
            for index in batch { digests[index].append(to: &blob) }
            let answers = try Int64.fetchCursor(lookup, arguments: [batch.count, blob])
            while let packed = try answers.next() {
                ids[order[start + Int(packed & 0xFFF)] - digests.startIndex] = packed >> 12
            }
        }
        return ids
    }

    /// Stores the chunks not yet stored and returns each body's chunk list. `known` holds ids found before
    /// the write (0 where none); only the others are looked up again, since another write may have stored
    /// them since.
    func store(known: [Int64]? = nil, in db: Database) throws -> [Data] {
        var ids = known ?? [Int64](repeating: 0, count: digests.count)
        let unknown = ids.indices.filter { ids[$0] == 0 }
        if !unknown.isEmpty {
            let found = try Self.committedIDs(of: ArraySlice(unknown.map { digests[$0] }), in: db)
            for (index, id) in zip(unknown, found) { ids[index] = id }
        }
        try insertMissing(&ids, in: db)
        return bodySlots.map { slots in
            var list: [UInt8] = []
            list.reserveCapacity(slots.count * 3)
            for slot in slots { Varint.append(UInt64(ids[slot]), to: &list) }
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
