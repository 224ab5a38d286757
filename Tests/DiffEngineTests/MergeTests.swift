import Foundation
import TestSupport
import Testing

@testable import DiffEngine

@Suite struct MergePropertyTests {
    @Test(arguments: MergeStyle.allCases)
    func mergeLawsHold(style: MergeStyle) {
        var generator = SeededGenerator(seed: 51)
        for round in 0..<800 {
            let base = RandomText.lines(Int.random(in: 0..<40, using: &generator), vocabulary: 12, using: &generator)
            let x = RandomText.mutate(base, edits: Int.random(in: 0..<6, using: &generator), vocabulary: 12, using: &generator)
            let baseText = RandomText.text(base, dropFinalNewline: round % 6 == 0)
            let xText = RandomText.text(x, dropFinalNewline: round % 5 == 0)
            let options = MergeOptions(style: style)
            let noTheirChange = LineMerge(base: baseText, ours: xText, theirs: baseText, options: options)
            #expect(noTheirChange.text() == Array(xText.utf8) && noTheirChange.conflictCount == 0)
            let noOurChange = LineMerge(base: baseText, ours: baseText, theirs: xText, options: options)
            #expect(noOurChange.text() == Array(xText.utf8) && noOurChange.conflictCount == 0)
            let sameChange = LineMerge(base: baseText, ours: xText, theirs: xText, options: options)
            #expect(sameChange.text() == Array(xText.utf8), "round \(round)")
            #expect(sameChange.conflictCount == 0)
        }
    }

    @Test func changesFarApartMergeCleanly() {
        let base = (1...20).map { "line \($0)\n" }.joined()
        let ours = base.replacingOccurrences(of: "line 3\n", with: "line three\n")
        let theirs = base.replacingOccurrences(of: "line 17\n", with: "line seventeen\n")
        let merge = LineMerge(base: base, ours: ours, theirs: theirs)
        #expect(merge.conflictCount == 0)
        #expect(String(decoding: merge.text(), as: UTF8.self) == ours.replacingOccurrences(of: "line 17\n", with: "line seventeen\n"))
        #expect(merge.result.regions.map(\.resolution) == [.ours, .theirs])
    }

    @Test func favourResolvesConflicts() {
        let base = "a\nb\nc\n", ours = "a\nX\nc\n", theirs = "a\nY\nc\n"
        #expect(
            String(decoding: LineMerge(base: base, ours: ours, theirs: theirs, options: MergeOptions(favor: .ours)).text(), as: UTF8.self) == ours)
        #expect(
            String(decoding: LineMerge(base: base, ours: ours, theirs: theirs, options: MergeOptions(favor: .theirs)).text(), as: UTF8.self) == theirs
        )
        #expect(
            String(decoding: LineMerge(base: base, ours: ours, theirs: theirs, options: MergeOptions(favor: .union)).text(), as: UTF8.self)
                == "a\nX\nY\nc\n")
    }
}

/// `strategy merge`'s engine against `git merge-file -p` on generated cases (skipped without git).
@Suite(.enabled(if: Tools.available)) struct MergeOracleTests {
    static let variants: [(MergeStyle, [String])] = [(.merge, []), (.diff3, ["--diff3"]), (.zdiff3, ["--zdiff3"])]

    @Test(arguments: 0..<3)
    func outputEqualsGitMergeFile(variant: Int) throws {
        let (style, flags) = Self.variants[variant]
        let directory = try Tools.temporaryDirectory()
        var generator = SeededGenerator(seed: UInt64(61 + variant))
        var compared = 0, conflicted = 0
        for round in 0..<250 {
            let vocabulary = [4, 10, 60][round % 3]
            let base = RandomText.lines(Int.random(in: 0..<30, using: &generator), vocabulary: vocabulary, using: &generator)
            var ours = RandomText.mutate(base, edits: Int.random(in: 0..<5, using: &generator), vocabulary: vocabulary, using: &generator)
            var theirs = RandomText.mutate(base, edits: Int.random(in: 0..<5, using: &generator), vocabulary: vocabulary, using: &generator)
            if round % 9 == 0 { theirs = ours }  // identical edits
            if round % 11 == 0, !base.isEmpty {
                ours = Array(base.dropLast())
                theirs = base.dropLast() + ["changed end\n"]
            }  // delete/modify
            var texts = [base, ours, theirs].enumerated().map { index, lines in
                RandomText.text(lines, dropFinalNewline: (round + index) % 4 == 0)
            }
            if round % 7 == 0 { texts = texts.map { $0.replacingOccurrences(of: "\n", with: "\r\n") } }  // CRLF
            try Tools.write(texts[0], to: "base", in: directory)
            try Tools.write(texts[1], to: "ours", in: directory)
            try Tools.write(texts[2], to: "theirs", in: directory)
            let git = try Tools.run(
                "git", ["merge-file", "-p"] + flags + ["-L", "ours", "-L", "base", "-L", "theirs", "ours", "base", "theirs"], in: directory
            )
            let merge = LineMerge(
                base: texts[0], ours: texts[1], theirs: texts[2],
                options: MergeOptions(style: style, oursLabel: "ours", baseLabel: "base", theirsLabel: "theirs", algorithm: .myers)
            )
            let ours8 = String(decoding: merge.text(), as: UTF8.self)
            let git8 = String(decoding: git.output, as: UTF8.self)
            #expect(ours8 == git8, "round \(round) style \(style)\n--- ours:\n\(ours8)\n--- git:\n\(git8)")
            #expect(Int32(min(merge.conflictCount, 127)) == git.status, "round \(round)")
            compared += 1
            if git.status > 0 { conflicted += 1 }
        }
        #expect(compared == 250)
        #expect(conflicted > 20, "the generator must produce conflicts to be a meaningful oracle")
    }
}
