import DiffEngine
import Testing

@testable import DocumentModel

@Suite struct PassageAnchorTests {
    @Test func captureKeepsTheQuoteAndWholeCharactersOfContext() throws {
        let body = String(repeating: "é", count: 40) + " protect children " + String(repeating: "ü", count: 40)
        let start = 80 + 1
        let captured = try PassageAnchor.capture(start..<(start + 7), in: body)
        #expect(captured.quote == "protect")
        #expect(captured.before.hasSuffix("é ") && captured.before.utf8.count <= PassageAnchor.contextLength)
        #expect(captured.after.hasPrefix(" children ü") && captured.after.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
    }

    @Test func captureRefusesOffsetsOutsideEmptyOrSplittingACharacter() {
        let body = "früh"
        for range in [0..<9, 3..<4, 0..<3, 2..<2] {
            #expect(throws: DocumentModelError.self) { try PassageAnchor.capture(range, in: body) }
        }
        #expect(throws: Never.self) { try PassageAnchor.capture(2..<4, in: body) }
    }

    @Test func followGivesShiftedChangedAndOrphanedFromTheLastKnownPlace() {
        let v1 = "Children go online early. Schools teach digital safety. Parents need support."
        let quote = "Schools teach digital safety"
        let original = 26..<(26 + quote.utf8.count)
        let start = TrackedPassage(revision: 1, status: .anchored, range: original)
        func follow(_ from: TrackedPassage, _ before: String, _ after: String) -> TrackedPassage {
            PassageAnchor.follow(
                from, to: from.revision + 1, through: PositionMap(before: before, after: after), body: Array(after.utf8), quote: quote,
                original: original
            )
        }
        let v2 = "New. " + v1
        let shifted = follow(start, v1, v2)
        #expect(shifted.status == .shifted && shifted.range == (original.lowerBound + 5)..<(original.upperBound + 5))
        let v3 = v2.replacingOccurrences(of: "digital", with: "online")
        let changed = follow(shifted, v2, v3)
        #expect(changed.status == .changed)
        #expect(changed.range.map { String(decoding: Array(v3.utf8)[$0], as: UTF8.self) } == "Schools teach online safety")
        let v4 = "New. Children go online early. Parents need support."
        let orphaned = follow(changed, v3, v4)
        #expect(orphaned.status == .orphaned && orphaned.range == nil)
        // Once orphaned, always orphaned: the passage cannot come back from nothing.
        #expect(follow(orphaned, v4, v1).status == .orphaned)
        // The same text back at its first place is anchored again.
        #expect(follow(shifted, v2, v1).status == .anchored)
    }
}
