import DiffEngine
import TestSupport
import Testing

/// The changed stretch (`ProseDiff.ofChangedStretch`): the paragraphs two texts share at their start and end are
/// left out, and what remains shows the same changed paragraphs as the whole diff does.
@Suite struct ProseStretchTests {
    /// The changed paragraphs of a diff, each as its pieces' kinds and texts (offsets aside).
    static func changed(_ diff: ProseDiff) -> [[String]] {
        ProseParagraphs(diff).paragraphs.filter { $0.contains { $0.kind != .equal } }.map { $0.map { "\($0.kind):\($0.text)" } }
    }

    static func paragraphs(_ count: Int, using generator: inout SeededGenerator) -> [String] {
        let words = ["children", "online", "safety", "parents", "schools", "teach", "help", "report", "the", "and", "of", "early"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 3...14, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
        }
    }

    @Test func onlyTheChangedParagraphsAreDiffedAndTheyReadAsInTheWholeDiff() {
        var generator = SeededGenerator(seed: 2512)
        for round in 0..<300 {
            var before = Self.paragraphs(Int.random(in: 1...12, using: &generator), using: &generator)
            var after = before
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<after.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: after[at] = after[at].replacingOccurrences(of: "the", with: "every")
                case 1: after.insert("A new paragraph about help.", at: at)
                case 2 where after.count > 1: after.remove(at: at)
                default: after[at] += " And more."
                }
            }
            if round % 7 == 0 { before[0] += "\n\n" }  // a blank line run of its own at the start
            let (b, a) = (before.joined(separator: "\n\n"), after.joined(separator: "\n\n"))
            let whole = ProseDiff(before: b, after: a)
            let stretch = ProseDiff.ofChangedStretch(before: b, after: a)
            #expect(Self.changed(stretch) == Self.changed(whole), "round \(round)")
            #expect(
                (stretch.beforeText.isEmpty || b.contains(stretch.beforeText)) && (stretch.afterText.isEmpty || a.contains(stretch.afterText)),
                "round \(round): \(stretch.beforeText.debugDescription) in \(b.debugDescription)")
        }
    }

    @Test func aWordChangedInTheMiddleOfALongTextLeavesTheOtherParagraphsOut() {
        let paragraphs = (1...200).map { "Paragraph \($0) says what the strategy does about it." }
        var changed = paragraphs
        changed[100] = "Paragraph 101 says what the national strategy does about it."
        let stretch = ProseDiff.ofChangedStretch(before: paragraphs.joined(separator: "\n\n"), after: changed.joined(separator: "\n\n"))
        #expect(stretch.beforeText == paragraphs[100] + "\n\n")
        #expect(stretch.afterText == changed[100] + "\n\n")
        #expect(Self.changed(stretch).count == 1)
        // The ends of the texts, identical texts and texts without any blank line.
        #expect(ProseDiff.ofChangedStretch(before: "a\n\nb", after: "a\n\nc").beforeText == "b")
        #expect(ProseDiff.ofChangedStretch(before: "a\n\nb", after: "z\n\nb").afterText == "z\n\n")
        #expect(ProseDiff.ofChangedStretch(before: "same\n\ntext", after: "same\n\ntext").isIdentical)
        #expect(ProseDiff.ofChangedStretch(before: "one line", after: "one word").afterText == "one word")
        #expect(ProseDiff.ofChangedStretch(before: "", after: "new").afterText == "new")
        #expect(ProseDiff.ofChangedStretch(before: "ü\n\nb", after: "ü\n\nbé").afterText == "bé", "bytes, never inside a character")
    }
}
