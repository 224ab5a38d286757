import DocumentModel
import Testing

/// The outline editor's one-step moves (#25): up, down, indent and outdent, each the API's move with its
/// structure revision, worked out against the tree inside the write; a step with nowhere to go is refused.
@Suite struct OutlineStepTests {
    /// "1 One", "2 Two" (with "2.1 Two.One", "2.2 Two.Two"), "3 Three".
    static func tree(_ store: TestStore) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for heading in ["One", "Two", "Three"] { ids[heading] = try await store.section(heading).id }
        for heading in ["Two.One", "Two.Two"] { ids[heading] = try await store.section(heading, parent: ids["Two"]).id }
        return ids
    }

    static func numbered(_ store: TestStore) async throws -> [String] {
        try await store.database.outline(strategyID: store.strategy.id, for: store.member).map { "\($0.number) \($0.heading)" }
    }

    func step(_ store: TestStore, _ id: Int64?, _ step: OutlineStep) async throws -> Section {
        let section = try await store.database.section(strategyID: store.strategy.id, id: id!, for: store.facilitator)
        return try await store.database.moveSection(
            strategyID: store.strategy.id, id: id!, ifMatch: .revision(section.revision), step: step, by: store.facilitator
        )
    }

    @Test func eachStepMovesOnePlaceAndKeepsTheSubtree() async throws {
        let store = try await TestStore.make()
        let ids = try await Self.tree(store)
        _ = try await step(store, ids["Three"], .up)
        #expect(try await Self.numbered(store) == ["1 One", "2 Three", "3 Two", "3.1 Two.One", "3.2 Two.Two"])
        _ = try await step(store, ids["Two"], .up)
        #expect(try await Self.numbered(store) == ["1 One", "2 Two", "2.1 Two.One", "2.2 Two.Two", "3 Three"], "with its subsections")
        _ = try await step(store, ids["Three"], .indent)
        #expect(try await Self.numbered(store) == ["1 One", "2 Two", "2.1 Two.One", "2.2 Two.Two", "2.3 Three"], "last under the one before")
        _ = try await step(store, ids["Two.One"], .down)
        #expect(try await Self.numbered(store) == ["1 One", "2 Two", "2.1 Two.Two", "2.2 Two.One", "2.3 Three"])
        let outdented = try await step(store, ids["Two.Two"], .outdent)
        #expect(outdented.number == "3", "right after its former parent")
        #expect(try await Self.numbered(store) == ["1 One", "2 Two", "2.1 Two.One", "2.2 Three", "3 Two.Two"])
        // Each move is a structure revision of the section moved, as the API's are.
        let revision = try await store.database.revision(strategyID: store.strategy.id, sectionID: ids["Three"]!, number: 3, for: store.member)
        #expect(revision.source == .structure)
    }

    @Test func aStepWithNowhereToGoIsRefusedAndChangesNothing() async throws {
        let store = try await TestStore.make()
        let ids = try await Self.tree(store)
        let before = try await Self.numbered(store)
        for (heading, refused) in [
            ("One", OutlineStep.up), ("One", .indent), ("One", .outdent), ("Three", .down), ("Two.One", .up),
            ("Two.One", .indent), ("Two.Two", .down),
        ] {
            await #expect(throws: DocumentModelError.self, "\(heading) \(refused)") { try await step(store, ids[heading], refused) }
            #expect(refused.move(of: ids[heading]!, in: try await store.database.outline(strategyID: store.strategy.id, for: store.member)) == nil)
        }
        #expect(try await Self.numbered(store) == before)
    }

    @Test func aStaleRevisionOrAMemberMovesNothing() async throws {
        let store = try await TestStore.make()
        let ids = try await Self.tree(store)
        await #expect(throws: DocumentModelError.preconditionFailed(currentRevision: 1)) {
            try await store.database.moveSection(strategyID: store.strategy.id, id: ids["Two"]!, ifMatch: 7, step: .up, by: store.facilitator)
        }
        await #expect(throws: DocumentModelError.self) {
            try await store.database.moveSection(strategyID: store.strategy.id, id: ids["Two"]!, ifMatch: 1, step: .up, by: store.member)
        }
        let renamed = try await store.database.renameSection(
            strategyID: store.strategy.id, id: ids["Two"]!, ifMatch: 1, heading: "Second", by: store.facilitator
        )
        #expect(renamed.heading == "Second" && renamed.body == "Text." && renamed.revision == 2)
        await #expect(throws: DocumentModelError.preconditionFailed(currentRevision: 2)) {
            try await store.database.renameSection(
                strategyID: store.strategy.id, id: ids["Two"]!, ifMatch: 1, heading: "Again", by: store.facilitator)
        }
    }
}
