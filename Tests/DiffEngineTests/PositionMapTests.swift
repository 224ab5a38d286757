import DiffEngine
import TestSupport
import Testing

@Suite struct PositionMapTests {
    static let words = ["children", "parents", "online", "safety", "report", "harm", "schools", "campaign"]

    @Test func untouchedRangesKeepTheirText() {
        var generator = SeededGenerator(seed: 81)
        for round in 0..<400 {
            let tokens = (0..<Int.random(in: 6..<40, using: &generator)).map { _ in Self.words.randomElement(using: &generator)! }
            let before = tokens.joined(separator: " ") + "."
            // Anchor a run of words, then edit only outside it.
            let anchorStart = Int.random(in: 0..<(tokens.count - 2), using: &generator)
            let anchorEnd = Int.random(in: (anchorStart + 1)...min(tokens.count, anchorStart + 4), using: &generator)
            var after = tokens
            var editedBefore = 0
            for _ in 0..<Int.random(in: 1..<4, using: &generator) {
                if Bool.random(using: &generator) {
                    after.insert("new\(round)", at: 0)
                    editedBefore += 1
                } else {
                    after.append("tail\(round)")
                }
            }
            let afterText = after.joined(separator: " ") + "."
            let start = tokens[..<anchorStart].reduce(0) { $0 + $1.utf8.count + 1 }
            let length = tokens[anchorStart..<anchorEnd].joined(separator: " ").utf8.count
            let quoted = String(before.utf8.dropFirst(start).prefix(length))!
            let map = PositionMap(before: before, after: afterText)
            guard case .unchanged(let range) = map.map(start..<(start + length)) else {
                Issue.record("round \(round): \(map.map(start..<(start + length)))")
                continue
            }
            #expect(String(afterText.utf8.dropFirst(range.lowerBound).prefix(range.count)) == quoted)
            #expect((range.lowerBound == start) == (editedBefore == 0))
        }
    }

    @Test func editedDeletedAndMovedPassages() {
        let moved = "Industry members remove reported abuse material within one day."
        let before = "Children go online early.\n\nParents need help.\n\nSchools run sessions.\n\n\(moved)\n"
        let after = "\(moved)\n\nChildren go online very early.\n\nSchools run sessions.\n"
        let map = PositionMap(before: before, after: after)
        func range(of text: String) -> Range<Int> {
            let utf8 = Array(before.utf8), needle = Array(text.utf8)
            let start = (0...(utf8.count - needle.count)).first { Array(utf8[$0..<($0 + needle.count)]) == needle }!
            return start..<(start + needle.count)
        }
        guard case .changed = map.map(range(of: "go online early")) else {
            Issue.record("edited passage: \(map.map(range(of: "go online early")))")
            return
        }
        #expect(map.map(range(of: "Parents need")) == .deleted)
        guard case .moved(let target) = map.map(range(of: "remove reported abuse")) else {
            Issue.record("moved passage: \(map.map(range(of: "remove reported abuse")))")
            return
        }
        #expect(String(after.utf8.dropFirst(target.lowerBound).prefix(target.count)) == "remove reported abuse")
        guard case .unchanged(let kept) = map.map(range(of: "Schools run")) else {
            Issue.record("kept passage")
            return
        }
        #expect(kept.lowerBound != range(of: "Schools run").lowerBound, "shifted: same text, new place")
    }
}
