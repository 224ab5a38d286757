/// Maps tokens (byte ranges of several texts) to dense integer ids, equal bytes to equal ids.
///
/// Algorithms compare ids, never bytes. The table is open-addressed with a 64-bit hash per slot; bytes are
/// compared only when hashes match. It works on raw buffers because interning a million lines is the largest
/// single cost of a big diff.
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
        let table = Table(capacity: beforeTokens.count + afterTokens.count)
        defer { table.deallocate() }
        let beforeIDs = table.ids(of: beforeTokens, in: before)
        let afterIDs = table.ids(of: afterTokens, in: after)
        return Result(before: beforeIDs, after: afterIDs, distinct: table.count)
    }

    /// The open-addressed table; a reference type so several texts can be interned into one id space.
    ///
    /// Everything lives in preallocated raw memory: a slot holds the hash and the id together (one cache line
    /// touched per probe), and a representative record holds where the first token with that id lies. Arrays
    /// here cost uniqueness and exclusivity checks on every write, which showed as a tenth of a big diff.
    final class Table {
        /// Eight bytes: the hash's upper half and the id (the lower half chose the slot).
        private struct Slot {
            var hash: UInt32
            var id: Int32
        }

        private struct Representative {
            var base: UnsafePointer<UInt8>?
            var start: Int
            var length: Int
        }

        private let slots: UnsafeMutablePointer<Slot>
        private let mask: Int
        private let representatives: UnsafeMutablePointer<Representative>
        private let capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size <<= 1 }
            slots = .allocate(capacity: size)
            slots.initialize(repeating: Slot(hash: 0, id: -1), count: size)
            mask = size - 1
            self.capacity = max(capacity, 1)
            representatives = .allocate(capacity: self.capacity)
        }

        func deallocate() {
            slots.deallocate()
            representatives.deallocate()
        }

        func ids(of tokens: [TokenRange], in buffer: UnsafeBufferPointer<UInt8>) -> [Int32] {
            [Int32](unsafeUninitializedCapacity: tokens.count) { ids, initialized in
                tokens.withUnsafeBufferPointer { tokens in
                    for index in 0..<tokens.count { ids[index] = id(of: tokens[index], in: buffer) }
                }
                initialized = tokens.count
            }
        }

        func id(of token: TokenRange, in buffer: UnsafeBufferPointer<UInt8>) -> Int32 {
            let base = buffer.baseAddress
            let hash = Self.hash(base, token)
            var slot = Int(truncatingIfNeeded: hash) & mask
            let length = token.count
            while true {
                let entry = slots[slot]
                if entry.id < 0 {
                    precondition(count < capacity, "interner capacity exceeded")
                    let newID = Int32(count)
                    slots[slot] = Slot(hash: UInt32(truncatingIfNeeded: hash >> 32), id: newID)
                    representatives[count] = Representative(base: base, start: token.start, length: length)
                    count += 1
                    return newID
                }
                if entry.hash == UInt32(truncatingIfNeeded: hash >> 32) {
                    let other = representatives[Int(entry.id)]
                    if other.length == length
                        && (length == 0 || memcmp(base! + token.start, other.base! + other.start, length) == 0)
                    {
                        return entry.id
                    }
                }
                slot = (slot + 1) & mask
            }
        }

        /// FNV-1a style over 8-byte words, then a final mix: fast, with full byte comparison behind it.
        static func hash(_ base: UnsafePointer<UInt8>?, _ token: TokenRange) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            guard let base else { return hash }
            let raw = UnsafeRawPointer(base)
            var index = token.start
            while index + 8 <= token.end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                hash = (hash ^ word) &* 0x0000_0100_0000_01B3
                hash ^= hash >> 29
                index += 8
            }
            while index < token.end {
                hash = (hash ^ UInt64(base[index])) &* 0x0000_0100_0000_01B3
                index += 1
            }
            hash ^= UInt64(token.count)
            hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            hash = (hash ^ (hash >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            return hash ^ (hash >> 33)
        }
    }
}

/// `memcmp` without Foundation: the standard library has no byte comparison of raw memory.
@inline(__always)
func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    var index = 0
    let wordCount = count & ~7
    let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
    while index < wordCount {
        if rawA.loadUnaligned(fromByteOffset: index, as: UInt64.self) != rawB.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            return 1
        }
        index += 8
    }
    while index < count {
        if a[index] != b[index] { return 1 }
        index += 1
    }
    return 0
}
