import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Drafts, phases, sign-offs and adoption through the real application.
@Suite struct WebSignoffTests {
    @Test func aDraftIsCutSignedOffAndAdoptedOnlyOnceEveryGroupApproves() async throws {
        let harness = try await Harness.make()
        let base = "/app/strategies/\(harness.strategyID)"
        try await harness.application().test(.router) { client in
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let drafts = try await facilitator.get(base + "/drafts")
            #expect(drafts.text.contains(">Cut draft</button>"))
            #expect(try await facilitator.post(base + "/drafts", ["title": " "]).status == .unprocessableContent)
            let cut = try await facilitator.post(base + "/drafts", ["title": "First reading", "note": "For the June meeting"])
            #expect(cut.status == .seeOther && cut.headers[.location] == base + "/drafts/1?notice=draftCut")

            var member = try await WebPagesTests.signIn("member", harness, client)
            let seen = try await member.get(base + "/drafts/1").text
            #expect(!seen.contains(">Approve</button>") && !seen.contains(">Adopt</button>") && !seen.contains(">Cut draft<"))
            #expect(try await member.post(base + "/drafts/1/signoffs", ["decision": "approve"]).status == .forbidden)

            var signatory = try await WebPagesTests.signIn("signatory", harness, client)
            let board = try await signatory.get(base + "/drafts/1").text
            #expect(board.contains(">Approve</button>") && board.contains(">Object</button>") && board.contains(">Abstain</button>"))
            let noNote = try await signatory.post(base + "/drafts/1/signoffs", ["decision": "object", "note": ""])
            #expect(noNote.status == .unprocessableContent && noNote.text.contains(#"id="note-error""#))
            let objected = try await signatory.post(base + "/drafts/1/signoffs", ["decision": "object", "note": "Name who advises."])
            #expect(objected.status == .seeOther)
            #expect(try await signatory.get(base + "/drafts/1").text.contains("Name who advises."))

            // The phase moves with a confirmation that names what final review forbids.
            _ = try await facilitator.get(base)
            #expect(try await facilitator.get(base).text.contains("Move to the next phase"))
            let confirm = try await facilitator.get(base + "/phase")
            #expect(confirm.text.contains("Consultation") && confirm.text.contains("observers may comment"))
            #expect(try await facilitator.post(base + "/phase", ["phase": "consultation"]).status == .seeOther)
            #expect(try await facilitator.get(base + "/phase").text.contains("forbids new amendments"))
            #expect(try await facilitator.post(base + "/phase", ["phase": "final-review"]).status == .seeOther)
            #expect(try await member.post(base + "/phase", ["phase": "adopted"]).status == .forbidden)

            // Adoption is refused while the government objects, naming the group; done once it approves.
            let refused = try await facilitator.post(base + "/drafts/1/adopt", [:])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("have not approved this draft: Government, Civil society, Industry"))
            let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
            for group in ["civil-society", "industry"] {
                let (account, _) = try await harness.database.createAccount(name: "Signatory \(group)", admin: false, by: .commandLine)
                _ = try await harness.database.setMember(
                    strategyID: harness.strategyID, accountID: account.id, role: .signatory, group: group, by: admin
                )
                _ = try await harness.database.signOffDraft(
                    strategyID: harness.strategyID, draft: 1, NewSignoff(decision: .approve, note: nil), by: account
                )
            }
            let onlyGovernment = try await facilitator.post(base + "/drafts/1/adopt", [:])
            #expect(onlyGovernment.text.contains("have not approved this draft: Government.") && !onlyGovernment.text.contains("Industry."))
            _ = try await signatory.get(base + "/drafts/1")
            #expect(try await signatory.post(base + "/drafts/1/signoffs", ["decision": "approve"]).status == .seeOther)
            let adopted = try await facilitator.post(base + "/drafts/1/adopt", [:])
            #expect(adopted.status == .seeOther && adopted.headers[.location] == base + "?notice=adopted")
            #expect(try await harness.database.strategy(id: harness.strategyID, for: admin).strategy.phase == .adopted)
        }
    }

    @Test func aSectionIsSignedOffAtItsRevisionAndAnOlderDecisionIsFlaggedStale() async throws {
        let harness = try await Harness.make()
        let page = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
        let facilitator = try #require(try await harness.database.account(id: harness.accountIDs["facilitator"]!))
        try await harness.application().test(.router) { client in
            var signatory = try await WebPagesTests.signIn("signatory", harness, client)
            #expect(try await signatory.get(page).text.contains(">Approve</button>"))
            #expect(try await signatory.post(page + "/signoffs", ["revision": "1", "decision": "approve"]).status == .seeOther)
            _ = try await harness.database.updateSection(
                strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(1), heading: "Introduction",
                body: "Children go online sooner.", message: nil, by: facilitator
            )
            let stale = try await signatory.get(page).text
            #expect(stale.contains("given on revision 1") || stale.contains(#"class="stale""#), "\(stale)")
            // A form left open on revision 1 is answered with the new text and a message, not an error.
            let moved = try await signatory.post(page + "/signoffs", ["revision": "1", "decision": "approve"])
            #expect(moved.status == .unprocessableContent && moved.text.contains("new revision since this page was opened"))
            #expect(try await signatory.post(page + "/signoffs", ["revision": "2", "decision": "approve"]).status == .seeOther)
        }
    }

    @Test func membersDownloadTheCurrentTextADraftAndARedline() async throws {
        let harness = try await Harness.make()
        let facilitator = try #require(try await harness.database.account(id: harness.accountIDs["facilitator"]!))
        _ = try await harness.database.createDraft(strategyID: harness.strategyID, title: "One", note: nil, by: facilitator)
        _ = try await harness.database.updateSection(
            strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(1), heading: "Introduction",
            body: "Children go online sooner.", message: nil, by: facilitator
        )
        let base = "/app/strategies/\(harness.strategyID)"
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            let page = try await member.get(base).text
            #expect(page.contains(#"href="\#(base)/export" download"#) && page.contains("Download redline"))
            let current = try await member.get(base + "/export")
            #expect(current.status == .ok && current.headers[.contentType] == "application/docbook+xml" && current.text.contains("sooner"))
            #expect(try await member.get(base + "/export?draft=1").text.contains("early"))
            let redline = try await member.get(base + "/export?since=1")
            #expect(redline.status == .ok && redline.text.contains("sooner"))
            #expect(try await member.get(base + "/export?draft=9").status != .ok)
            #expect(try await member.get(base + "/export?since=abc").status == .badRequest)
            var outsider = try await WebPagesTests.signIn("outsider", harness, client)
            #expect(try await outsider.get(base + "/export").status == .notFound)
        }
    }
}
