import Foundation
import TestSupport
import Testing

@testable import DiffEngine

/// Our engine against GNU diff and patch on generated inputs (skipped where the tools are missing).
@Suite(.enabled(if: Tools.available)) struct DiffOracleTests {
    @Test func minimalEditCountEqualsGNUDiffMinimal() throws {
        let directory = try Tools.temporaryDirectory()
        var generator = SeededGenerator(seed: 21)
        for round in 0..<60 {
            let vocabulary = [4, 30, 500][round % 3]
            let before = RandomText.lines(Int.random(in: 50..<400, using: &generator), vocabulary: vocabulary, using: &generator)
            let after = RandomText.mutate(before, edits: Int.random(in: 1..<40, using: &generator), vocabulary: vocabulary, using: &generator)
            try Tools.write(before.joined(), to: "old", in: directory)
            try Tools.write(after.joined(), to: "new", in: directory)
            let gnu = try Tools.run("diff", ["--minimal", "-U0", "old", "new"], in: directory)
            let gnuCount = String(decoding: gnu.output, as: UTF8.self).split(separator: "\n")
                .filter { ($0.hasPrefix("-") && !$0.hasPrefix("---")) || ($0.hasPrefix("+") && !$0.hasPrefix("+++")) }.count
            let ours = LineDiff(before: before.joined(), after: after.joined(), options: DiffOptions(minimal: true))
            #expect(ours.script.editCount == gnuCount, "round \(round)")
        }
    }

    @Test(arguments: [0, 1, 3])
    func unifiedOutputAppliesWithPatch(context: Int) throws {
        let directory = try Tools.temporaryDirectory()
        var generator = SeededGenerator(seed: UInt64(31 + context))
        for round in 0..<40 {
            let before = RandomText.lines(Int.random(in: 0..<200, using: &generator), vocabulary: 40, using: &generator)
            let after = RandomText.mutate(before, edits: Int.random(in: 0..<25, using: &generator), vocabulary: 40, using: &generator)
            let beforeText = RandomText.text(before, dropFinalNewline: round % 4 == 1)
            let afterText = RandomText.text(after, dropFinalNewline: round % 3 == 2)
            try Tools.write(beforeText, to: "old", in: directory)
            try Tools.write(beforeText, to: "work", in: directory)
            let diff = LineDiff(before: beforeText, after: afterText)
            try Data(UnifiedFormatter.format(diff, context: context, beforeLabel: "work", afterLabel: "work"))
                .write(to: directory.appendingPathComponent("change.diff"))
            if diff.isIdentical { continue }
            let applied = try Tools.run("patch", ["-s", "-p0", "work", "change.diff"], in: directory)
            #expect(applied.status == 0, "round \(round)")
            let result = try String(contentsOf: directory.appendingPathComponent("work"), encoding: .utf8)
            #expect(result == afterText, "round \(round)")
        }
    }

    @Test func hunkHeadersMatchGNUDiffByteForByte() throws {
        let directory = try Tools.temporaryDirectory()
        var generator = SeededGenerator(seed: 41)
        var identical = 0
        for round in 0..<40 {
            // Unique lines: the minimal script is unique, so any two correct tools agree on every byte.
            let before = (0..<Int.random(in: 1..<120, using: &generator)).map { "unique \(round) \($0)\n" }
            var after = before
            for _ in 0..<Int.random(in: 1..<6, using: &generator) {
                let position = Int.random(in: 0..<after.count, using: &generator)
                if Bool.random(using: &generator) { after.remove(at: position) } else { after.insert("added \(position)\n", at: position) }
            }
            if after.isEmpty { continue }
            let beforeText = RandomText.text(before, dropFinalNewline: round % 2 == 0)
            let afterText = RandomText.text(after, dropFinalNewline: round % 3 == 0)
            try Tools.write(beforeText, to: "old", in: directory)
            try Tools.write(afterText, to: "new", in: directory)
            let gnu = try Tools.run("diff", ["-u", "old", "new"], in: directory)
            let gnuBody = String(decoding: gnu.output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(
                separator: "\n")
            let ours = String(
                decoding: UnifiedFormatter.format(LineDiff(before: beforeText, after: afterText, options: DiffOptions(minimal: true))), as: UTF8.self)
            #expect(ours == gnuBody, "round \(round)")
            if ours == gnuBody { identical += 1 }
        }
        #expect(identical > 30)
    }
}
