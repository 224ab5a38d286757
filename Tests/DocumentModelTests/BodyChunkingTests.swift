import Foundation
import TestSupport
import Testing

@testable import DocumentModel

@Suite struct BodyChunkingTests {
    @Test func sentencesAndLineEndsAreChunkBoundaries() {
        let chunks = BodyStore.chunks(of: "One. Two!  Three?\nFour: five\r\n\n- item; next")
        #expect(chunks == ["One. ", "Two!  ", "Three?\n", "Four: ", "five\r\n", "\n", "- item; ", "next"])
    }

    @Test func chunksAlwaysConcatenateToTheBody() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [String] = ["a", "b", " ", ".", "!", "?", ";", ":", "\n", "\r\n", "\r", "\t", "é", "👩‍👧", "  ", "...", ". \t", "\t "]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let body = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            let chunks = BodyStore.chunks(of: body)
            #expect(chunks.joined() == body)
            #expect(chunks.allSatisfy { !$0.isEmpty } || body.isEmpty)
            #expect(chunks.map(\.utf8.count) == Self.referenceLengths(body), "\(body.debugDescription)")
        }
    }

    /// The rule, one byte at a time: cut after a line feed, and after the spaces that follow a space or tab
    /// that follows sentence punctuation. Stored chunks depend on it: the fast scan must cut exactly here.
    static func referenceLengths(_ body: String) -> [Int] {
        let bytes = Array(body.utf8)
        var cuts: [Int] = []
        var index = 0, afterPunctuation = false
        while index < bytes.count {
            var next = index + 1
            if bytes[index] == 0x0A {
                cuts.append(next)
                afterPunctuation = false
            } else if afterPunctuation && (bytes[index] == 0x20 || bytes[index] == 0x09) {
                while next < bytes.count, bytes[next] == 0x20 { next += 1 }
                cuts.append(next)
                afterPunctuation = false
            } else {
                afterPunctuation = ".!?;:".utf8.contains(bytes[index])
            }
            index = next
        }
        if cuts.last != bytes.count || cuts.isEmpty { cuts.append(bytes.count) }
        return zip([0] + cuts, cuts).map { $1 - $0 }
    }

    @Test func varintsRoundTrip() {
        let values: [UInt64] = [0, 1, 127, 128, 300, 16_383, 16_384, 1 << 35, UInt64(Int64.max)]
        var data = Data()
        for value in values { Varint.append(value, to: &data) }
        #expect(Varint.decode(data) == values)
    }
}

@Suite struct BodyLoadingTests {
    /// Bodies read together come back byte for byte whether their chunks are neighbours (one range scan) or
    /// scattered among others (a lookup per chunk).
    @Test func manyBodiesLoadTheSameWhetherTheirChunksAreDenseOrScattered() async throws {
        let store = try await TestStore.make()
        let bodies = try await store.database.write { db -> ([Data], [Data]) in
            let first = try BodyStore.store("Alpha one. Alpha two.\n", in: db)
            for index in 0..<100 { _ = try BodyStore.store("Filler \(index). ", in: db) }
            let scattered = try BodyStore.store("Alpha one. Omega.\n", in: db)
            let dense = try BodyStore.store("New one. New two. New three.", in: db)
            return ([first, scattered], [dense, dense])
        }
        let (scattered, dense) = try store.database.read { db in
            (try BodyStore.loadTexts(bodies.0, in: db), try BodyStore.loadTexts(bodies.1, in: db))
        }
        #expect(scattered == ["Alpha one. Alpha two.\n", "Alpha one. Omega.\n"])
        #expect(dense == ["New one. New two. New three.", "New one. New two. New three."])
        #expect(try store.database.read { db in try BodyStore.loadTexts([], in: db) } == [])
    }

    /// A strategy written after others shares a few chunks with them (a blank line, a common sentence): its
    /// own chunks are still read as runs, the shared ones one by one, and every body comes back as it was.
    @Test func runsOfNeighbouringChunksAndStragglersLoadTogether() async throws {
        let store = try await TestStore.make()
        let lists = try await store.database.write { db -> [Data] in
            let older = try BodyStore.store((0..<300).map { "Older \($0).\n" }.joined(), in: db)
            for index in 0..<200 { _ = try BodyStore.store("Filler \(index). ", in: db) }
            let mixed = try BodyStore.store((0..<150).map { "New \($0). Older \($0 * 2).\n" }.joined(), in: db)
            for index in 0..<500 { _ = try BodyStore.store("More filler \(index). ", in: db) }
            let later = try BodyStore.store((0..<40).map { "Later \($0). " }.joined() + "Filler 5. More filler 300. Older 7.\n", in: db)
            return [older, mixed, later, Data()]
        }
        let texts = try store.database.read { db in try BodyStore.loadTexts(lists, in: db) }
        let older: String = (0..<300).map { "Older \($0).\n" }.joined()
        let mixed: String = (0..<150).map { "New \($0). Older \($0 * 2).\n" }.joined()
        let later: String = (0..<40).map { "Later \($0). " }.joined() + "Filler 5. More filler 300. Older 7.\n"
        #expect(texts == [older, mixed, later, ""])
    }

    /// An import stores all its bodies at once: chunks already stored, repeated within the batch, or new, and
    /// more than one lookup batch of them, all come back byte for byte and are stored once.
    @Test func bodiesStoredTogetherShareChunksWithEachOtherAndWithTheStore() async throws {
        let store = try await TestStore.make()
        let many = (0..<5000).map { "Sentence \($0) ünïcödé 🧒🏽. " }.joined()
        let bodies = ["Shared one. Shared two.\n", "Shared one. Fresh.\n", many, "", "Shared two.\n"]
        let prepared = bodies.map(BodyStore.prepare)
        let batch = ChunkBatch(prepared)
        let (lists, counts) = try await store.database.write { db -> ([Data], (Int, Int)) in
            _ = try BodyStore.store("Shared one. ", in: db)
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM textChunk") ?? 0
            let lists = try batch.store(in: db)
            return (lists, (before, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM textChunk") ?? 0))
        }
        let texts = try store.database.read { db in try BodyStore.loadTexts(lists, in: db) }
        #expect(texts == bodies)
        // Every distinct chunk but the one stored beforehand is new, and stored once however often it recurs.
        let distinct = Set(bodies.flatMap { BodyStore.chunks(of: $0) }).subtracting(["Shared one. "])
        #expect(counts.1 - counts.0 == distinct.count)
        // Ids found on a read connection before the write are used as they are: the same lists, nothing new.
        let known = try ChunkBatch.knownIDs(of: prepared, parts: 3) { lookup in try store.database.read(lookup) }
        #expect(known.map(\.count) == prepared.map(\.digests.count) && !known.joined().contains(0))
        let again = try await store.database.write { db in
            (try ChunkBatch(prepared, known: known).store(in: db), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM textChunk") ?? 0)
        }
        #expect(again.0 == lists && again.1 == counts.1)
    }

    /// A lookup probes the index once per digest, or scans the stretch of the index between its first and last
    /// digest when that is cheaper: both find the same ids, for stored, missing and repeated digests.
    @Test func probingAndScanningFindTheSameChunks() async throws {
        let store = try await TestStore.make()
        let stored = (0..<3000).map { "Stored sentence \($0). " }.joined()
        let lists = try await store.database.write { db in try ChunkBatch([BodyStore.prepare(stored)]).store(in: db) }
        let storedIDs = Varint.decode(lists[0]).map { Int64($0) }
        let mixed = BodyStore.prepare((0..<500).map { $0 % 3 == 0 ? "Missing sentence \($0). " : "Stored sentence \($0 * 5). " }.joined())
        let digests = (mixed.digests + mixed.digests.prefix(50))[...]
        let order = ChunkBatch.indexOrder(digests)
        let (probed, scanned) = try store.database.read { db in
            (
                try ChunkBatch.lookUp(digests, inOrder: order[...], scanBelow: 0, in: db),
                try ChunkBatch.lookUp(digests, inOrder: order[...], scanBelow: .infinity, in: db)
            )
        }
        #expect(probed == scanned)
        var expected: [Int64] = []
        for place in order {
            let index = place % mixed.digests.count
            expected.append(index % 3 == 0 ? 0 : storedIDs[index * 5])
        }
        #expect(probed == expected)
    }
}
