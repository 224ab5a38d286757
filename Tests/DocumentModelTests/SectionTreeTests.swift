import DocumentModel
import Testing

@Suite struct SectionTreeTests {
    @Test func numbersFollowTheTree() async throws {
        let store = try await TestStore.make()
        let one = try await store.section("One")
        let two = try await store.section("Two")
        _ = try await store.section("Two.One", parent: two.id)
        _ = try await store.section("Two.Zero", parent: two.id, position: 1)
        let outline = try await store.database.outline(strategyID: store.strategy.id, for: store.member)
        #expect(outline.map(\.heading) == ["One", "Two", "Two.Zero", "Two.One"])
        #expect(outline.map(\.number) == ["1", "2", "2.1", "2.2"])
        #expect(one.number == "1")
    }

    @Test func movingRenumbersAndRecordsAStructureRevision() async throws {
        let store = try await TestStore.make()
        let one = try await store.section("One")
        let two = try await store.section("Two")
        let child = try await store.section("Child", parent: one.id)
        let moved = try await store.database.moveSection(
            strategyID: store.strategy.id, id: child.id, ifMatch: 1, move: SectionMove(parentID: .some(two.id)), message: nil,
            by: store.facilitator
        )
        #expect(moved.number == "2.1")
        #expect(moved.revision == 2)
        let top = try await store.database.moveSection(
            strategyID: store.strategy.id, id: moved.id, ifMatch: 2, move: SectionMove(parentID: .some(nil), position: 1),
            message: nil, by: store.facilitator
        )
        #expect(top.number == "1")
        let outline = try await store.database.outline(strategyID: store.strategy.id, for: store.member)
        #expect(outline.map(\.number) == ["1", "2", "3"])
        #expect(outline.map(\.heading) == ["Child", "One", "Two"])
        let revision = try await store.database.revision(strategyID: store.strategy.id, sectionID: child.id, number: 2, for: store.member)
        #expect(revision.source == .structure)
    }

    @Test func aSectionCannotMoveInsideItself() async throws {
        let store = try await TestStore.make()
        let parent = try await store.section("Parent")
        let child = try await store.section("Child", parent: parent.id)
        let error = await modelError {
            _ = try await store.database.moveSection(
                strategyID: store.strategy.id, id: parent.id, ifMatch: 1, move: SectionMove(parentID: .some(child.id)), message: nil,
                by: store.facilitator
            )
        }
        guard case .invalid(let fields) = error else {
            Issue.record("expected invalid, got \(String(describing: error))")
            return
        }
        #expect(fields.first?.field == "parent")
    }

    @Test func removingTakesTheSubtreeOutButKeepsHistory() async throws {
        let store = try await TestStore.make()
        let one = try await store.section("One")
        let child = try await store.section("Child", parent: one.id)
        _ = try await store.section("Two")
        try await store.database.removeSection(strategyID: store.strategy.id, id: one.id, ifMatch: nil, by: store.facilitator)
        let outline = try await store.database.outline(strategyID: store.strategy.id, for: store.member)
        #expect(outline.map(\.heading) == ["Two"])
        #expect(outline.map(\.number) == ["1"])
        let removed = try await store.database.section(strategyID: store.strategy.id, id: child.id, for: store.member)
        #expect(removed.removed && removed.number == nil)
        let revision = try await store.database.revision(strategyID: store.strategy.id, sectionID: child.id, number: 1, for: store.member)
        #expect(revision.heading == "Child")
    }

    @Test func numberingIsIndependentOfInputOrder() {
        let nodes = [
            SectionNumbering.Node(id: 3, parentID: 1, position: 2),
            SectionNumbering.Node(id: 1, parentID: nil, position: 1),
            SectionNumbering.Node(id: 2, parentID: 1, position: 1),
            SectionNumbering.Node(id: 4, parentID: nil, position: 2),
        ]
        let (numbers, order) = SectionNumbering.number(nodes)
        #expect(order == [1, 2, 3, 4])
        #expect(numbers == [1: "1", 2: "1.1", 3: "1.2", 4: "2"])
    }
}
