import DiffEngine
import TestSupport
import Testing

@Suite struct ProseMergeTests {
    let base = "Children, parents and teachers know the risks online and how to deal with them."

    @Test func amendmentsTouchingDifferentWordsMergeCleanly() {
        let ours = "Children, parents and teachers know the main risks online and how to deal with them."
        let theirs = "Children, parents and teachers know the risks online and how to respond to them."
        let merge = ProseMerge(base: base, ours: ours, theirs: theirs)
        #expect(merge.conflictCount == 0)
        #expect(merge.mergedText == "Children, parents and teachers know the main risks online and how to respond to them.")
    }

    @Test func overlappingAmendmentsConflictWithAllThreeVersions() {
        let ours = "Children, parents and teachers understand the risks online and how to deal with them."
        let theirs = "Children, parents and teachers learn the risks online and how to deal with them."
        let merge = ProseMerge(base: base, ours: ours, theirs: theirs)
        #expect(merge.conflictCount == 1)
        #expect(merge.mergedText == nil)
        #expect(merge.segments.contains(.conflict(base: "know", ours: "understand", theirs: "learn")))
        let favoured = ProseMerge(base: base, ours: ours, theirs: theirs, favor: .theirs)
        #expect(favoured.mergedText == theirs)
    }

    @Test func lawsHoldForWordMerges() {
        var generator = SeededGenerator(seed: 91)
        let words = ["children", "online", "safety", "the", ",", ".", " ", "report", "harm", "\n\n"]
        for _ in 0..<500 {
            let baseText = (0..<Int.random(in: 0..<50, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            var edited = Array(baseText)
            for _ in 0..<Int.random(in: 0..<5, using: &generator) where !edited.isEmpty {
                edited.insert(contentsOf: Array(words.randomElement(using: &generator)!), at: Int.random(in: 0..<edited.count, using: &generator))
            }
            let x = String(edited)
            #expect(ProseMerge(base: baseText, ours: x, theirs: baseText).mergedText == x)
            #expect(ProseMerge(base: baseText, ours: baseText, theirs: x).mergedText == x)
            #expect(ProseMerge(base: baseText, ours: x, theirs: x).mergedText == x)
        }
    }
}
