import Testing

@testable import DocumentModel

@Suite struct DraftComparerTests {
    func section(_ id: Int64, parent: Int64? = nil, _ position: Int, _ heading: String = "H", revision: Int = 1) -> DraftSection {
        DraftSection(sectionID: id, number: "\(position)", parentID: parent, position: position, heading: heading, revision: revision)
    }

    @Test func aSectionInsertedBeforeOthersDoesNotMoveThem() {
        let before = [section(1, 1), section(2, 2), section(3, 3)]
        let after = [section(4, 1), section(1, 2), section(2, 3), section(3, 4)]
        #expect(DraftComparer.movedSections(before, after).isEmpty)
    }

    @Test func reorderedSiblingsAndNewParentsAreMoves() {
        let before = [section(1, 1), section(2, 2), section(3, 3), section(5, parent: 1, 1)]
        let after = [section(1, 1), section(3, 2), section(2, 3), section(5, parent: 3, 1)]
        let moved = DraftComparer.movedSections(before, after)
        #expect(moved.contains(5))
        // Of two swapped siblings exactly one is reported as moved: the other kept its order.
        #expect(moved.intersection([2, 3]).count == 1 && !moved.contains(1))
    }

    @Test func sameRevisionIsNeverLoadedAndTextDecidesChanged() throws {
        var loads: [(Int64, Int)] = []
        let before = [section(1, 1, "A", revision: 1), section(2, 2, "B", revision: 1), section(3, 3, "C", revision: 2)]
        let after = [section(1, 1, "A", revision: 1), section(2, 2, "B", revision: 2), section(3, 3, "C2", revision: 3)]
        let comparison = DraftComparer.compare(from: 1, before, to: 2, after) { id, revision in
            loads.append((id, revision))
            // Section 2's revision 2 is a structure revision: same text.
            return id == 3 && revision == 3 ? "new text" : "text"
        }
        #expect(loads.map(\.0) == [2, 2, 3, 3])
        #expect(comparison.sections.map(\.changes) == [[.unchanged], [.unchanged], [.renamed, .changed]])
        #expect(comparison.summary[.changed] == 1 && comparison.summary[.unchanged] == 2)
    }
}
