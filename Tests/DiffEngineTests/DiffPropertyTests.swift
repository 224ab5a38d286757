import TestSupport
import Testing

@testable import DiffEngine

/// Correctness, not just stability: every script applies, minimal scripts are minimal.
@Suite struct DiffPropertyTests {
    static let configurations: [DiffOptions] = [
        DiffOptions(algorithm: .myers), DiffOptions(algorithm: .histogram), DiffOptions(algorithm: .myers, minimal: true),
        DiffOptions(algorithm: .histogram, indentHeuristic: false),
    ]

    @Test(arguments: configurations.indices)
    func everyScriptAppliesBackToAfter(configuration: Int) {
        let options = Self.configurations[configuration]
        var generator = SeededGenerator(seed: UInt64(100 + configuration))
        for round in 0..<1_500 {
            let vocabulary = [3, 10, 1_000][round % 3]
            let before = RandomText.lines(Int.random(in: 0..<60, using: &generator), vocabulary: vocabulary, using: &generator)
            let after = RandomText.mutate(before, edits: Int.random(in: 0..<12, using: &generator), vocabulary: vocabulary, using: &generator)
            let beforeText = RandomText.text(before, dropFinalNewline: round % 5 == 0)
            let afterText = RandomText.text(after, dropFinalNewline: round % 7 == 0)
            let diff = LineDiff(before: beforeText, after: afterText, options: options)
            #expect(diff.applied() == Array(afterText.utf8), "round \(round)")
            #expect(diff.isIdentical == (beforeText == afterText))
        }
    }

    @Test func minimalModeMatchesTheStandardLibrarysEditCount() {
        var generator = SeededGenerator(seed: 7)
        for round in 0..<2_000 {
            let vocabulary = [2, 4, 8, 50][round % 4]
            let before = RandomText.lines(Int.random(in: 0..<40, using: &generator), vocabulary: vocabulary, using: &generator)
            let after = RandomText.mutate(before, edits: Int.random(in: 0..<15, using: &generator), vocabulary: vocabulary, using: &generator)
            let script = Differ.diff(before, after, options: DiffOptions(minimal: true))
            let expected = after.difference(from: before).count
            #expect(script.editCount == expected, "round \(round): \(before) → \(after)")
            #expect(script.apply(to: before, inserting: after) == after)
        }
    }

    @Test func unrelatedInputsStayCorrectAndBounded() {
        var generator = SeededGenerator(seed: 11)
        // Same small vocabulary on both sides, no structure: the worst case for Myers without limits.
        let before = RandomText.lines(20_000, vocabulary: 20, using: &generator)
        let after = RandomText.lines(20_000, vocabulary: 20, using: &generator)
        for algorithm in DiffAlgorithm.allCases {
            let diff = LineDiff(before: before.joined(), after: after.joined(), options: DiffOptions(algorithm: algorithm))
            #expect(diff.applied() == Array(after.joined().utf8))
            // Never degrade to "replace everything" when half the lines can be kept.
            #expect(diff.script.editCount < 40_000, "\(algorithm): \(diff.script.editCount)")
        }
    }

    @Test func linesAreByteExact() {
        let diff = LineDiff(before: "a\r\nb\nc", after: "a\nb\nc\n")
        let kinds = diff.script.edits.map(\.kind)
        #expect(kinds == [.delete, .insert, .equal, .delete, .insert])
        #expect(diff.applied() == Array("a\nb\nc\n".utf8))
    }

    @Test func slidingPrefersBlankLineBoundaries() {
        // Inserting a function between two others: git's indent heuristic keeps the blank line after it.
        let before = "a() {\n  x\n}\n\nc() {\n  z\n}\n"
        let after = "a() {\n  x\n}\n\nb() {\n  y\n}\n\nc() {\n  z\n}\n"
        let text = String(decoding: UnifiedFormatter.format(LineDiff(before: before, after: after)), as: UTF8.self)
        #expect(text.contains("+b() {\n+  y\n+}\n+\n"), "\(text)")
    }
}
