import DocumentModel
import Testing

/// Alignment of translation units through edits of the source: only the touched units change identity or text.
@Suite struct UnitLayoutTests {
    let base = "First paragraph about the helpline.\n\nSecond paragraph about schools.\n\nThird paragraph about parents."

    func layout(_ before: String, _ after: String) -> (before: [String: String], after: [String: String]) {
        let first = UnitLayout(first: before)
        let next = first.carried(from: before, to: after)
        return (
            Dictionary(uniqueKeysWithValues: first.texts(in: before).map { ($0.unit.name, $0.text) }),
            Dictionary(uniqueKeysWithValues: next.texts(in: after).map { ($0.unit.name, $0.text) })
        )
    }

    @Test func blocksArePargraphsAndListItems() {
        let body = "Intro *words*.\n\n- one\n- two\n\n1. first\n2. second\n\nLast\nline."
        let units = UnitLayout(first: body).texts(in: body)
        #expect(units.map(\.text) == ["Intro *words*.", "one", "two", "first", "second", "Last\nline."])
        #expect(units.map(\.unit.block.kind) == [.paragraph, .bulletList, .bulletList, .numberedList, .numberedList, .paragraph])
        #expect(units[1].unit.block.list == units[2].unit.block.list)
        #expect(units[3].unit.block.list != units[1].unit.block.list)
    }

    @Test func editingOneParagraphChangesOnlyItsUnit() {
        let (before, after) = layout(base, base.replacingOccurrences(of: "schools", with: "schools and clubs"))
        #expect(after["u1"] == before["u1"])
        #expect(after["u2"] == "Second paragraph about schools and clubs.")
        #expect(after["u3"] == before["u3"])
        #expect(after.count == 3)
    }

    @Test func anInsertedParagraphIsANewUnit() {
        let edited = base.replacingOccurrences(of: "\n\nThird", with: "\n\nA brand new paragraph.\n\nThird")
        let (before, after) = layout(base, edited)
        #expect(after["u4"] == "A brand new paragraph.")
        for id in ["u1", "u2", "u3"] { #expect(after[id] == before[id]) }
    }

    @Test func aDeletedParagraphLeavesAndTheOthersStay() {
        let (before, after) = layout(base, "First paragraph about the helpline.\n\nThird paragraph about parents.")
        #expect(after["u2"] == nil)
        #expect(after["u1"] == before["u1"])
        #expect(after["u3"] == before["u3"])
    }

    @Test func aMovedParagraphKeepsItsUnit() {
        let moved = "Third paragraph about parents.\n\nFirst paragraph about the helpline.\n\nSecond paragraph about schools."
        let (before, after) = layout(base, moved)
        #expect(after == before)
    }

    @Test func aSplitKeepsTheIdentityOnTheLargerHalf() {
        let split = base.replacingOccurrences(
            of: "Second paragraph about schools.", with: "Second paragraph about schools, teachers and pupils.\n\nShort."
        )
        let (_, after) = layout(base, split)
        #expect(after["u2"] == "Second paragraph about schools, teachers and pupils.")
        #expect(after["u4"] == "Short.")
        #expect(after["u1"] != nil && after["u3"] != nil)
    }

    @Test func aJoinKeepsTheLargerPart() {
        let joined = "First paragraph about the helpline. Second paragraph about schools.\n\nThird paragraph about parents."
        let (_, after) = layout(base, joined)
        #expect(after.count == 2)
        #expect(after["u3"] == "Third paragraph about parents.")
        #expect(after["u1"] != nil || after["u2"] != nil)
    }

    @Test func idsAreNeverReused() {
        let first = UnitLayout(first: base)
        let shorter = "First paragraph about the helpline."
        let second = first.carried(from: base, to: shorter)
        let longer = shorter + "\n\nSomething else entirely."
        let third = second.carried(from: shorter, to: longer)
        #expect(third.units.map(\.id) == [1, 4])
    }
}
