import Foundation

/// A text chunk's SHA-256 as four machine words.
///
/// The body store keys dictionaries by digest for thousands of chunks per import: `Data` keys hashed all
/// 32 bytes through a generic path (7 % of an import's profile). A digest is already uniformly
/// random, so hashing its first word is enough; equality still compares all 32 bytes.
struct ChunkDigest: Hashable, Comparable, Sendable {
    private let a, b, c, d: UInt64

    init(_ utf8: Substring.UTF8View) {
        self = Hashing.sha256(utf8) { ChunkDigest(raw: $0) }
    }

    /// A digest read back from the database; nil unless it has 32 bytes.
    init?(bytes: Data) {
        guard let digest = bytes.withUnsafeBytes({ ChunkDigest(bytes: $0) }) else { return nil }
        self = digest
    }

    /// A digest read in place from SQLite; nil unless it has 32 bytes.
    init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        self.init(raw: bytes)
    }

    private init(raw: UnsafeRawBufferPointer) {
        (a, b, c, d) = (
            raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        )
    }

    func hash(into hasher: inout Hasher) { hasher.combine(a) }

    /// The first 8 bytes as an integer in the order of `<`: sorting by it (the rest only breaks ties) compares
    /// one integer instead of four.
    var sortKey: UInt64 { a.bigEndian }

    /// The order of the 32 bytes compared as SQLite compares blobs (`memcmp`).
    static func < (lhs: ChunkDigest, rhs: ChunkDigest) -> Bool {
        (lhs.a.bigEndian, lhs.b.bigEndian, lhs.c.bigEndian, lhs.d.bigEndian) < (rhs.a.bigEndian, rhs.b.bigEndian, rhs.c.bigEndian, rhs.d.bigEndian)
    }

    /// The 32 bytes in digest order, appended to a blob of digests.
    func append(to data: inout Data) {
        withUnsafeBytes(of: (a, b, c, d)) { data.append(contentsOf: $0) }
    }

    /// The 32 bytes as stored in `textChunk.sha256`.
    var data: Data {
        var data = Data(capacity: 32)
        append(to: &data)
        return data
    }
}
