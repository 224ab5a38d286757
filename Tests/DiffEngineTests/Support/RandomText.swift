import DiffEngine

/// SplitMix64: reproducible pseudo-random inputs for property tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum RandomText {
    /// Lines drawn from a small vocabulary (so many repeat), optionally without a final newline.
    static func lines(_ count: Int, vocabulary: Int, using generator: inout SeededGenerator) -> [String] {
        (0..<count).map { _ in "line \(Int.random(in: 0..<vocabulary, using: &generator))\n" }
    }

    /// A copy of `lines` with random deletions, insertions and replacements.
    static func mutate(_ lines: [String], edits: Int, vocabulary: Int, using generator: inout SeededGenerator) -> [String] {
        var result = lines
        for _ in 0..<edits {
            let choice = Int.random(in: 0..<3, using: &generator)
            let position = Int.random(in: 0...result.count, using: &generator)
            switch choice {
            case 0 where position < result.count: result.remove(at: position)
            case 1: result.insert("new \(Int.random(in: 0..<vocabulary, using: &generator))\n", at: position)
            default: if position < result.count { result[position] = "changed \(Int.random(in: 0..<vocabulary, using: &generator))\n" }
            }
        }
        return result
    }

    static func text(_ lines: [String], dropFinalNewline: Bool) -> String {
        var text = lines.joined()
        if dropFinalNewline && text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
