import Foundation
import GRDB
import Testing

@testable import DocumentModel

@Suite struct AccessAndActivityTests {
    @Test func nonMembersCannotTellAStrategyExists() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("Secret")
        let missing = await modelError { _ = try await store.database.strategy(id: 999, for: store.outsider) }
        let hidden = await modelError { _ = try await store.database.strategy(id: store.strategy.id, for: store.outsider) }
        let hiddenSection = await modelError {
            _ = try await store.database.section(strategyID: store.strategy.id, id: section.id, for: store.outsider)
        }
        #expect(missing == .notFound("strategy"))
        #expect(hidden == missing)
        #expect(hiddenSection == missing)
        let page = try await store.database.strategies(visibleTo: store.outsider, after: nil, limit: 50)
        #expect(page.items.isEmpty)
    }

    @Test func membersCannotEditSections() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("H")
        let error = await modelError {
            _ = try await store.database.updateSection(
                strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "x", message: nil, by: store.member
            )
        }
        guard case .forbidden = error else {
            Issue.record("expected forbidden, got \(String(describing: error))")
            return
        }
    }

    @Test func adoptedStrategiesRefuseWrites() throws {
        let account = Account(id: 1, name: "F", admin: false, createdAt: Date())
        var strategy = Strategy(id: 1, title: "T", summary: "", phase: .adopted, groups: StakeholderGroup.defaults, createdAt: Date())
        let membership = Membership(strategyID: 1, accountID: 1, accountName: "F", role: .facilitator, group: nil)
        #expect(throws: DocumentModelError.phaseForbids(phase: .adopted, action: "editing sections")) {
            try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: .editSections)
        }
        _ = try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: .read)
        strategy.phase = .drafting
        _ = try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: .editSections)
    }

    @Test func amendmentRightsFollowRoleThenPhase() throws {
        let account = Account(id: 1, name: "M", admin: false, createdAt: Date())
        var strategy = Strategy(id: 1, title: "T", summary: "", phase: .drafting, groups: StakeholderGroup.defaults, createdAt: Date())
        func check(_ role: Role, _ action: StrategyAction) throws {
            let membership = Membership(strategyID: 1, accountID: 1, accountName: "M", role: role, group: role.requiresGroup ? "industry" : nil)
            _ = try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: action)
        }
        try check(.member, .proposeAmendment)
        try check(.signatory, .supportAmendment)
        #expect(throws: DocumentModelError.self) { try check(.observer, .proposeAmendment) }
        #expect(throws: DocumentModelError.self) { try check(.facilitator, .supportAmendment) }
        #expect(throws: DocumentModelError.self) { try check(.member, .decideAmendment) }
        #expect(throws: DocumentModelError.self) { try check(.member, .cutDraft) }
        strategy.phase = .finalReview
        #expect(throws: DocumentModelError.phaseForbids(phase: .finalReview, action: "new amendments")) { try check(.member, .proposeAmendment) }
        try check(.facilitator, .decideAmendment)
        try check(.member, .withdrawAmendment)
    }

    @Test func anAdminAdministersButSpeaksForNoGroupUnlessAMemberOfIt() throws {
        let admin = Account(id: 1, name: "A", admin: true, createdAt: Date())
        let strategy = Strategy(id: 1, title: "T", summary: "", phase: .finalReview, groups: StakeholderGroup.defaults, createdAt: Date())
        // Administration: any action of a facilitator, without being a member.
        for action in [StrategyAction.editStrategy, .manageMembers, .editSections, .decideAmendment, .cutDraft, .adopt] {
            _ = try AccessPolicy.check(account: admin, strategy: strategy, membership: nil, action: action)
        }
        // A group's decision or voice: not as an admin.
        for action in [StrategyAction.signOff, .supportAmendment] {
            #expect(throws: DocumentModelError.self) { try AccessPolicy.check(account: admin, strategy: strategy, membership: nil, action: action) }
            let asFacilitator = Membership(strategyID: 1, accountID: 1, accountName: "A", role: .facilitator, group: nil)
            #expect(throws: DocumentModelError.self) {
                try AccessPolicy.check(account: admin, strategy: strategy, membership: asFacilitator, action: action)
            }
        }
        // …but as the group's signatory, yes.
        let asSignatory = Membership(strategyID: 1, accountID: 1, accountName: "A", role: .signatory, group: "industry")
        let access = try AccessPolicy.check(account: admin, strategy: strategy, membership: asSignatory, action: .signOff)
        #expect(access.actor.group == "industry")
    }

    @Test func anAdminAloneCannotTakeAStrategyToAdoption() async throws {
        let store = try await TestStore.make()
        _ = try await store.section("Scope")
        _ = try await store.database.createDraft(strategyID: store.strategy.id, title: "One", note: nil, by: store.admin)
        for group in ["government", "civil-society", "industry"] {
            let refused = await modelError {
                _ = try await store.database.signOffDraft(
                    strategyID: store.strategy.id, draft: 1, NewSignoff(decision: .approve, note: nil, group: group), by: store.admin
                )
            }
            guard case .forbidden = refused else {
                Issue.record("an admin signed off for \(group): \(String(describing: refused))")
                continue
            }
        }
        let amendment = try await store.database.proposeAmendment(
            strategyID: store.strategy.id,
            sectionID: try #require(try await store.database.outline(strategyID: store.strategy.id, for: store.admin).first).id,
            NewAmendment(baseRevision: 1, heading: nil, body: "Other text.", rationale: "Why not"), by: store.member
        )
        let support = await modelError {
            _ = try await store.database.supportAmendment(strategyID: store.strategy.id, number: amendment.number, by: store.admin)
        }
        guard case .forbidden = support else {
            Issue.record("an admin supported an amendment: \(String(describing: support))")
            return
        }
        // As a signatory of a group, the same admin signs off for that group only.
        _ = try await store.database.setMember(
            strategyID: store.strategy.id, accountID: store.admin.id, role: .signatory, group: "government", by: store.admin)
        let summary = try await store.database.signOffDraft(
            strategyID: store.strategy.id, draft: 1, NewSignoff(decision: .approve, note: nil), by: store.admin
        )
        #expect(summary.groups.first { $0.group.key == "government" }?.current?.decision == .approve)
        let otherGroup = await modelError {
            _ = try await store.database.signOffDraft(
                strategyID: store.strategy.id, draft: 1, NewSignoff(decision: .approve, note: nil, group: "industry"), by: store.admin
            )
        }
        #expect(otherGroup == .forbidden("you sign off for government only, not for industry"))
    }

    @Test func membersAndSignatoriesNeedAKnownGroup() async throws {
        let store = try await TestStore.make()
        let noGroup = await modelError {
            _ = try await store.database.setMember(
                strategyID: store.strategy.id, accountID: store.outsider.id, role: .signatory, group: nil, by: store.facilitator
            )
        }
        let unknownGroup = await modelError {
            _ = try await store.database.setMember(
                strategyID: store.strategy.id, accountID: store.outsider.id, role: .member, group: "press", by: store.facilitator
            )
        }
        #expect(noGroup == .invalid([FieldError(field: "group", message: "a signatory must belong to a stakeholder group")]))
        #expect(unknownGroup == .invalid([FieldError(field: "group", message: "is not a stakeholder group of this strategy")]))
    }

    @Test func everyChangeIsChainedAndTamperingIsDetected() async throws {
        let store = try await TestStore.make(onDisk: true)
        let section = try await store.section("H")
        _ = try await store.database.updateSection(
            strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "changed", message: nil, by: store.facilitator
        )
        let page = try await store.database.activity(strategyID: store.strategy.id, after: nil, limit: 50)
        #expect(page.items.map(\.action) == ["strategy.created", "member.added", "member.added", "section.created", "section.edited"])
        for (previous, entry) in zip(page.items, page.items.dropFirst()) { #expect(entry.previousHash == previous.hash) }
        #expect(try await store.database.verifyActivity(strategyID: store.strategy.id).intact)

        // The triggers refuse edits through SQL; a tamperer who drops them is still caught by the hashes.
        let queue = try DatabaseQueue(path: try #require(store.path))
        #expect(throws: (any Error).self) {
            try queue.writeWithoutTransaction { try $0.execute(sql: "UPDATE activity SET subject = 'x' WHERE id = ?", arguments: [page.items[3].id]) }
        }
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER activity_no_update")
            try db.execute(sql: "UPDATE activity SET subject = 'section/999' WHERE id = ?", arguments: [page.items[3].id])
        }
        let result = try await store.database.verifyActivity(strategyID: store.strategy.id)
        #expect(!result.intact)
        #expect(result.firstBrokenEntry == page.items[3].id)
    }

    @Test func groupCommitIsolatesFailuresAndKeepsEveryWrite() async throws {
        let store = try await TestStore.make()
        let database = store.database
        let strategyID = store.strategy.id
        let facilitator = store.facilitator
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<60 {
                group.addTask {
                    // Every third request is invalid (bad parent) and must fail alone.
                    let parent: Int64? = index % 3 == 0 ? 9_999 : nil
                    return
                        (try? await database.createSection(
                            strategyID: strategyID, NewSection(heading: "S\(index)", body: "b", parentID: parent), by: facilitator
                        )) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 40)
        let outline = try await database.outline(strategyID: strategyID, for: store.member)
        #expect(outline.count == 40)
        #expect(outline.map(\.number) == (1...40).map(String.init))
        #expect(try await database.verifyActivity(strategyID: strategyID).intact)
    }
}
