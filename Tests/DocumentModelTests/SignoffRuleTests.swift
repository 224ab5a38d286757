import Foundation
import Testing

@testable import DocumentModel

/// The rules derived from sign-offs, at their edges: what counts as a group's approval of a section (fresh,
/// stale, objecting, abstaining, missing), what adoption needs (final review, the latest draft, every group's
/// approval) and that only an adopted text is published.
@Suite struct SignoffRuleTests {
    /// The test store with a signatory for each of the three default groups.
    struct Signing {
        let store: TestStore
        let signatories: [String: Account]

        static func make() async throws -> Signing {
            let store = try await TestStore.make()
            var signatories: [String: Account] = [:]
            for group in ["government", "civil-society", "industry"] {
                let (account, _) = try await store.database.createAccount(name: "Signatory \(group)", admin: false, by: .commandLine)
                _ = try await store.database.setMember(
                    strategyID: store.strategy.id, accountID: account.id, role: .signatory, group: group, by: store.admin
                )
                signatories[group] = account
            }
            return Signing(store: store, signatories: signatories)
        }

        func signSection(_ section: Section, revision: Int, _ group: String, _ decision: SignoffDecision) async throws -> SignoffSummary {
            try await store.database.signOffSection(
                strategyID: store.strategy.id, sectionID: section.id, revision: revision,
                NewSignoff(decision: decision, note: decision == .object ? "Too narrow." : nil), by: signatories[group]!
            )
        }

        func signDraft(_ draft: Int, _ group: String, _ decision: SignoffDecision) async throws {
            _ = try await store.database.signOffDraft(
                strategyID: store.strategy.id, draft: draft, NewSignoff(decision: decision, note: decision == .object ? "No." : nil),
                by: signatories[group]!
            )
        }

        func edit(_ section: Section, from revision: Int, body: String) async throws {
            _ = try await store.database.updateSection(
                strategyID: store.strategy.id, id: section.id, ifMatch: .revision(revision), heading: section.heading, body: body,
                message: nil, by: store.facilitator
            )
        }

        func move(to phase: Phase) async throws {
            _ = try await store.database.updateStrategy(id: store.strategy.id, title: nil, summary: nil, phase: phase, by: store.facilitator)
        }

        func adopt(_ draft: Int) async -> DocumentModelError? {
            await modelError { _ = try await store.database.adopt(strategyID: store.strategy.id, draft: draft, by: store.facilitator) }
        }
    }

    @Test func aSectionIsApprovedOnlyByEveryGroupsFreshApproval() async throws {
        let signing = try await Signing.make()
        let section = try await signing.store.section("Scope", body: "Children under 18.")
        let other = try await signing.store.section("Helplines", body: "One number for the country.")

        // A group that has not signed is missing from the approval.
        var summary = try await signing.signSection(section, revision: 1, "government", .approve)
        #expect(!summary.allApprove)
        #expect(summary.notApproving == ["civil-society", "industry"])
        // Abstaining and objecting are not approving.
        summary = try await signing.signSection(section, revision: 1, "civil-society", .abstain)
        summary = try await signing.signSection(section, revision: 1, "industry", .object)
        #expect(!summary.allApprove)
        #expect(summary.notApproving == ["civil-society", "industry"])
        summary = try await signing.signSection(section, revision: 1, "civil-society", .approve)
        summary = try await signing.signSection(section, revision: 1, "industry", .approve)
        #expect(summary.allApprove)
        #expect(summary.notApproving.isEmpty)
        #expect(summary.groups.allSatisfy { !$0.stale })
        for group in ["government", "civil-society", "industry"] {
            _ = try await signing.signSection(other, revision: 1, group, .approve)
        }

        // A new revision makes every approval of the old one stale: it approves nothing any more.
        try await signing.edit(section, from: 1, body: "Children and young people under 18.")
        summary = try await signing.store.database.sectionSignoffs(
            strategyID: signing.store.strategy.id, sectionID: section.id, for: signing.store.member
        )
        #expect(summary.currentRevision == 2)
        #expect(summary.groups.allSatisfy { $0.stale })
        #expect(!summary.allApprove)
        #expect(summary.notApproving == ["government", "civil-society", "industry"])
        // Only the section that changed goes stale.
        let untouched = try await signing.store.database.sectionSignoffs(
            strategyID: signing.store.strategy.id, sectionID: other.id, for: signing.store.member
        )
        #expect(untouched.allApprove)

        // The old revision cannot be signed again; the current one can, and is fresh.
        let late = await modelError { _ = try await signing.signSection(section, revision: 1, "government", .approve) }
        guard case .conflict = late else {
            Issue.record("signing revision 1 of a section at revision 2: \(String(describing: late))")
            return
        }
        summary = try await signing.signSection(section, revision: 2, "government", .approve)
        #expect(summary.groups.first { $0.group.key == "government" }?.stale == false)
        #expect(summary.notApproving == ["civil-society", "industry"])
    }

    @Test func aSignatorySignsForTheirOwnGroupOnly() async throws {
        let signing = try await Signing.make()
        let section = try await signing.store.section("Scope")
        let error = await modelError {
            _ = try await signing.store.database.signOffSection(
                strategyID: signing.store.strategy.id, sectionID: section.id, revision: 1,
                NewSignoff(decision: .approve, note: nil, group: "industry"), by: signing.signatories["government"]!
            )
        }
        guard case .forbidden = error else {
            Issue.record("a government signatory signing for industry: \(String(describing: error))")
            return
        }
        let summary = try await signing.store.database.sectionSignoffs(
            strategyID: signing.store.strategy.id, sectionID: section.id, for: signing.store.member
        )
        #expect(summary.history.isEmpty)
    }

    @Test func adoptionNeedsFinalReviewTheLatestDraftAndEveryGroupsApproval() async throws {
        let signing = try await Signing.make()
        let store = signing.store
        _ = try await store.section("Scope", body: "Children under 18.")
        _ = try await store.database.createDraft(strategyID: store.strategy.id, title: "First", note: nil, by: store.facilitator)
        for group in ["government", "civil-society", "industry"] { try await signing.signDraft(1, group, .approve) }

        // Every group approved, but the strategy is still drafted, then out for consultation.
        for phase in [Phase.drafting, .consultation] {
            if phase != .drafting { try await signing.move(to: phase) }
            #expect(await signing.adopt(1) == .phaseForbids(phase: phase, action: "adoption"))
        }
        try await signing.move(to: .finalReview)

        // Only the latest draft: a second one needs its own approvals.
        _ = try await store.database.createDraft(strategyID: store.strategy.id, title: "Second", note: nil, by: store.facilitator)
        guard case .conflict = await signing.adopt(1) else {
            Issue.record("draft 1 was adopted although draft 2 exists")
            return
        }
        #expect(await signing.adopt(2) == .notApproved(draft: 2, groups: ["government", "civil-society", "industry"]))
        try await signing.signDraft(2, "government", .approve)
        try await signing.signDraft(2, "civil-society", .abstain)
        try await signing.signDraft(2, "industry", .object)
        #expect(await signing.adopt(2) == .notApproved(draft: 2, groups: ["civil-society", "industry"]))
        try await signing.signDraft(2, "civil-society", .approve)
        #expect(await signing.adopt(2) == .notApproved(draft: 2, groups: ["industry"]))

        // Nothing is published before adoption.
        let early = await modelError { _ = try await store.database.publish(strategyID: store.strategy.id, by: store.facilitator) }
        #expect(early == .phaseForbids(phase: .finalReview, action: "publishing"))
        #expect(try store.database.publication(strategyID: store.strategy.id, for: store.facilitator) == nil)

        try await signing.signDraft(2, "industry", .approve)
        #expect(await signing.adopt(2) == nil)
        let adopted = try await store.database.strategy(id: store.strategy.id, for: store.member).strategy
        #expect(adopted.phase == .adopted)
        #expect(adopted.adoptedDraft == 2)
        let (publication, created) = try await store.database.publish(strategyID: store.strategy.id, by: store.facilitator)
        #expect(created)
        #expect(try await store.database.publishedStrategy(slug: publication.slug) != nil)
    }

    @Test func thePhaseMovesOneStepAtATimeAndNeverToAdoptedByItself() async throws {
        let signing = try await Signing.make()
        let skip = await modelError { try await signing.move(to: .finalReview) }
        guard case .conflict = skip else {
            Issue.record("drafting → final review in one step: \(String(describing: skip))")
            return
        }
        try await signing.move(to: .consultation)
        let back = await modelError { try await signing.move(to: .drafting) }
        guard case .conflict = back else {
            Issue.record("consultation → drafting: \(String(describing: back))")
            return
        }
        try await signing.move(to: .finalReview)
        let adopted = await modelError { try await signing.move(to: .adopted) }
        guard case .conflict = adopted else {
            Issue.record("final review → adopted by a phase change: \(String(describing: adopted))")
            return
        }
        let strategy = try await signing.store.database.strategy(id: signing.store.strategy.id, for: signing.store.member).strategy
        #expect(strategy.phase == .finalReview)
    }
}
