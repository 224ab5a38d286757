import DiffEngine
import TestSupport
import Testing

@Suite struct ChangeFootprintTests {
    let base = "Platforms must remove harmful content within 24 hours. Appeals are possible."

    func range(of text: String, in whole: String) -> Range<Int> {
        let found = whole.range(of: text)!
        let start = whole.utf8.distance(from: whole.startIndex, to: found.lowerBound)
        return start..<start + text.utf8.count
    }

    @Test func aReplacementCoversTheReplacedWordsAndAnInsertionIsAPoint() {
        let replaced = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "24", with: "12"))
        #expect(replaced == [range(of: "24", in: base)])
        let inserted = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "harmful", with: "very harmful"))
        let point = range(of: "harmful", in: base).lowerBound
        #expect(inserted == [point..<point])
        #expect(ChangeFootprint.changedRanges(base: base, edited: base).isEmpty)
    }

    @Test func footprintsMeetOnlyWhereTheSameWordsChange() {
        let a = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "24", with: "12"))
        let b = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "24", with: "48"))
        let c = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "possible", with: "welcome"))
        #expect(ChangeFootprint.overlap(a, b) == range(of: "24", in: base))
        #expect(ChangeFootprint.overlap(a, c) == nil)
        // An insertion right where another proposal replaces words cannot be ordered by a merge either.
        let d = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "24 hours", with: "one day"))
        let e = ChangeFootprint.changedRanges(base: base, edited: base.replacingOccurrences(of: "within 24", with: "within at most 24"))
        #expect(ChangeFootprint.overlap(d, e) != nil)
    }

    @Test func carryingMapsSurvivingTextAndLeavesAPointForDeletedText() {
        let current = "Online platforms must remove harmful content within 24 hours."
        let carried = ChangeFootprint.carry([range(of: "24", in: base), range(of: "Appeals are possible.", in: base)], from: base, to: current)
        #expect(carried.count == 2)
        #expect(carried[0] == range(of: "24", in: current))
        // The deleted sentence leaves an empty range where it stood: the end of the current text.
        #expect(carried[1].isEmpty && carried[1].lowerBound == current.utf8.count)
    }

    @Test func carriedFootprintsStayInsideTheCurrentTextAndSorted() {
        var generator = SeededGenerator(seed: 7)
        let words = ["children", "online", "safety", "report", "harm", "schools", "parents", "platforms"]
        for _ in 0..<300 {
            func sentence() -> String {
                (0..<Int.random(in: 3..<9, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
            }
            let sentences = (0..<Int.random(in: 1..<8, using: &generator)).map { _ in sentence() }
            var edited = sentences, current = sentences
            edited[Int.random(in: 0..<edited.count, using: &generator)] = sentence()
            current[Int.random(in: 0..<current.count, using: &generator)] = sentence()
            if Bool.random(using: &generator) { current.remove(at: Int.random(in: 0..<current.count, using: &generator)) }
            let baseText = sentences.joined(separator: " "), currentText = current.joined(separator: " ")
            let ranges = ChangeFootprint.carry(
                ChangeFootprint.changedRanges(base: baseText, edited: edited.joined(separator: " ")), from: baseText, to: currentText
            )
            #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= currentText.utf8.count })
            #expect(ranges == ranges.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) })
        }
    }

    @Test func paragraphsOfARedlineRebuildBothTexts() {
        var generator = SeededGenerator(seed: 11)
        let words = ["children", "online", "safety", "the", ",", ".", " ", "report", "\n", "\n\n", "harm"]
        for _ in 0..<300 {
            let before = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            var edited = before.map(String.init)
            for _ in 0..<Int.random(in: 0..<6, using: &generator) where !edited.isEmpty {
                edited[Int.random(in: 0..<edited.count, using: &generator)] = words.randomElement(using: &generator)!
            }
            let after = edited.joined()
            let paragraphs = ProseParagraphs(ProseDiff(before: before, after: after)).paragraphs
            let pieces = paragraphs.flatMap { $0 }
            let beforeText = pieces.filter { $0.kind == .equal || $0.kind == .delete || ($0.kind == .move && $0.beforeOffset != nil) }.map(\.text)
                .joined()
            let afterText = pieces.filter { $0.kind == .equal || $0.kind == .insert || ($0.kind == .move && $0.afterOffset != nil) }.map(\.text)
                .joined()
            #expect(beforeText == before && afterText == after)
            for piece in pieces where piece.kind == .equal {
                let start = before.utf8.index(before.utf8.startIndex, offsetBy: piece.beforeOffset!)
                #expect(before.utf8[start...].starts(with: piece.text.utf8))
            }
        }
        let split = ProseParagraphs(ProseDiff(before: "One.\n\nTwo.\n\nThree.", after: "One.\n\nTwo!\n\nThree.")).paragraphs
        #expect(split.count == 3)
        #expect(split[0].allSatisfy { $0.kind == .equal } && split[1].contains { $0.kind == .insert })
    }

    @Test func htmlEscapesEverythingAndMarksChanges() {
        let html = ProseHTMLFormatter.format(ProseDiff(before: "Use <b> & \"quotes\".", after: "Use <i> & \"quotes\"."))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;") && html.contains("&amp;") && html.contains("&quot;quotes&quot;"))
        #expect(html.contains("<del>") && html.contains("<ins>"))
    }
}
