import DiffEngine
import TestSupport

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
