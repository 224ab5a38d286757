import DiffEngine
import Foundation
import Testing

/// Readable before/after/expected cases under `fixtures/`; expected line diffs come from GNU diff, expected
/// merges from `git merge-file`, expected redlines were reviewed by hand.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    static func cases(_ kind: String) -> [String] {
        let directory = fixtures.appendingPathComponent(kind)
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    static func bytes(_ kind: String, _ name: String, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: fixtures.appendingPathComponent(kind).appendingPathComponent(name).appendingPathComponent(file)))
    }

    @Test func everyKindHasCases() {
        #expect(Self.cases("diff").count >= 6)
        #expect(Self.cases("merge").count >= 6)
        #expect(Self.cases("prose").count >= 2)
    }

    @Test(arguments: cases("diff"))
    func lineDiff(name: String) throws {
        let before = try Self.bytes("diff", name, "before"), after = try Self.bytes("diff", name, "after")
        let expected = try Self.bytes("diff", name, "expected.diff")
        let diff = LineDiff(before: before, after: after)
        #expect(UnifiedFormatter.format(diff, beforeLabel: "before", afterLabel: "after") == expected, "\(name)")
        #expect(diff.applied() == after)
    }

    @Test(arguments: cases("merge"))
    func merge(name: String) throws {
        let base = try Self.bytes("merge", name, "base"), ours = try Self.bytes("merge", name, "ours")
        let theirs = try Self.bytes("merge", name, "theirs")
        let status = Int(
            String(decoding: try Self.bytes("merge", name, "expected.status"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        for (style, file) in [(MergeStyle.merge, "expected"), (.diff3, "expected-diff3")] {
            let merge = LineMerge(
                base: base, ours: ours, theirs: theirs,
                options: MergeOptions(style: style, oursLabel: "ours", baseLabel: "base", theirsLabel: "theirs", algorithm: .myers)
            )
            #expect(merge.text() == (try Self.bytes("merge", name, file)), "\(name) \(style)")
            if style == .merge { #expect(merge.conflictCount == status, "\(name)") }
        }
    }

    @Test(arguments: cases("prose"))
    func proseRedline(name: String) throws {
        let before = String(decoding: try Self.bytes("prose", name, "before"), as: UTF8.self)
        let after = String(decoding: try Self.bytes("prose", name, "after"), as: UTF8.self)
        let diff = ProseDiff(before: before, after: after)
        #expect(ProseTextFormatter.format(diff) == String(decoding: try Self.bytes("prose", name, "expected.txt"), as: UTF8.self))
        #expect(diff.beforeText == before && diff.afterText == after)
    }
}
