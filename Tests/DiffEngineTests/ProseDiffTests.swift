import TestSupport
import Testing

@testable import DiffEngine

@Suite struct ProseDiffTests {
    @Test func wordsPunctuationAndSpacesAreSeparateTokens() {
        #expect(
            WordTokenizer.tokenize("Children's safety, online—now!  Ünïcode_ok 42") == [
                "Children", "'", "s", " ", "safety", ",", " ", "online", "—", "now", "!", "  ", "Ünïcode_ok", " ", "42",
            ])
    }

    @Test func bothSidesAreReconstructedExactly() {
        var generator = SeededGenerator(seed: 3)
        let words = ["children", "parents", "online", "safety", "the", "a", ".", ",", " ", "\n\n", "report", "harm"]
        for _ in 0..<500 {
            let before = (0..<Int.random(in: 0..<80, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            var after = Array(before)
            for _ in 0..<Int.random(in: 0..<6, using: &generator) where !after.isEmpty {
                let position = Int.random(in: 0..<after.count, using: &generator)
                after.insert(contentsOf: Array(words.randomElement(using: &generator)!), at: position)
            }
            let diff = ProseDiff(before: before, after: String(after))
            #expect(diff.beforeText == before)
            #expect(diff.afterText == String(after))
        }
    }

    @Test func aMovedParagraphIsAMoveAndEditsAroundItStayWordLevel() {
        let moved = "Industry members remove reported abuse material within one day."
        let before = "The quick brown fox.\n\nStays.\n\n\(moved)\n"
        let after = "\(moved)\n\nThe quick red fox.\n\nStays.\n"
        let diff = ProseDiff(before: before, after: after)
        let moves = diff.operations.filter { $0.kind == .move }
        #expect(moves.count == 2)
        #expect(moves.allSatisfy { $0.text == moved && $0.partner != nil })
        #expect(diff.operations.contains { $0.kind == .delete && $0.text.contains("brown") })
        #expect(diff.operations.contains { $0.kind == .insert && $0.text.contains("red") })
        #expect(diff.beforeText == before && diff.afterText == after)
    }

    @Test func semanticCleanupFoldsTinyEqualities() {
        let diff = ProseDiff(before: "The cat sat.", after: "A dog sat.")
        #expect(diff.operations.map(\.kind) == [.delete, .insert, .equal])
        #expect(diff.operations.first?.text == "The cat")
    }
}
