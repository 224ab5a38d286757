/// Maps tokens (byte ranges of two texts) to dense integer ids, equal bytes to equal ids.
///
/// Algorithms compare ids, never bytes. The table is open-addressed with a 64-bit hash per slot; bytes are
/// compared only when hashes match.
public struct Interner {
    /// The ids of the tokens of each side, in order, and how many distinct tokens there are.
    public struct Result: Sendable {
        public var before: [Int32]
        public var after: [Int32]
        public var distinct: Int
    }

    public static func intern(
        before: UnsafeBufferPointer<UInt8>, _ beforeTokens: [TokenRange],
        after: UnsafeBufferPointer<UInt8>, _ afterTokens: [TokenRange]
    ) -> Result {
        var table = Table(capacity: beforeTokens.count + afterTokens.count)
        let beforeIDs = beforeTokens.map { table.id(of: $0, in: before) }
        let afterIDs = afterTokens.map { table.id(of: $0, in: after) }
        return Result(before: beforeIDs, after: afterIDs, distinct: table.representatives.count)
    }

    struct Table {
        var slots: [Int32]
        var hashes: [UInt64]
        var mask: Int
        /// For each id: the token (and its buffer) that first had it, to compare bytes against.
        var representatives: [(UnsafeBufferPointer<UInt8>, TokenRange)] = []

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = Array(repeating: -1, count: size)
            hashes = Array(repeating: 0, count: size)
            mask = size - 1
        }

        mutating func id(of token: TokenRange, in buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
            let hash = Self.hash(buffer, token)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let id = slots[slot]
                if id < 0 {
                    let newID = Int32(representatives.count)
                    slots[slot] = newID
                    hashes[slot] = hash
                    representatives.append((buffer, token))
                    return newID
                }
                if hashes[slot] == hash {
                    let (otherBuffer, other) = representatives[Int(id)]
                    if other.count == token.count && Self.equal(buffer, token, otherBuffer, other) { return id }
                }
                slot = (slot + 1) & mask
            }
        }

        static func equal(_ a: UnsafeBufferPointer<UInt8>, _ ra: TokenRange, _ b: UnsafeBufferPointer<UInt8>, _ rb: TokenRange) -> Bool {
            var i = ra.start
            var j = rb.start
            while i < ra.end {
                if a[i] != b[j] { return false }
                i += 1
                j += 1
            }
            return true
        }

        /// FNV-1a over 8-byte words, then a final mix: fast, and good enough with full byte comparison behind it.
        static func hash(_ buffer: UnsafeBufferPointer<UInt8>, _ token: TokenRange) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var index = token.start
            let base = UnsafeRawPointer(buffer.baseAddress)
            while index + 8 <= token.end {
                let word = base!.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                hash = (hash ^ word) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                index += 8
            }
            while index < token.end {
                hash = (hash ^ UInt64(buffer[index])) &* 0x0000_0100_0000_01B3
                index += 1
            }
            hash ^= UInt64(token.count)
            hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 33)
        }
    }
}
