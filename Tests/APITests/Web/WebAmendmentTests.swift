import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Proposing an amendment (with a preview that saves nothing) and the amendment page's actions through the real
/// application: each reader is offered what they may do, a crafted form is refused as the API refuses it, and a
/// conflicting accept is resolved against the revision it was resolved on.
@Suite struct WebAmendmentTests {
    static func account(_ role: String, _ harness: Harness) async throws -> Account {
        try #require(try await harness.database.account(id: harness.accountIDs[role]!))
    }

    /// Defect #24.5: support is the voice of groups other than the author's; the page offered it and the write took it.
    @Test func aMemberOfTheAuthorsGroupIsNotOfferedSupportAndIsRefused() async throws {
        let harness = try await Harness.make()
        let admin = try await Self.account("admin", harness)
        let (colleague, token) = try await harness.database.createAccount(name: "Colleague", admin: false, by: .commandLine)
        _ = try await harness.database.setMember(
            strategyID: harness.strategyID, accountID: colleague.id, role: .signatory, group: "industry", by: admin)
        let member = try await Self.account("member", harness)
        let amendment = try await harness.database.proposeAmendment(
            strategyID: harness.strategyID, sectionID: harness.sectionID,
            NewAmendment(baseRevision: 1, heading: nil, body: "Children go online very early.", rationale: "Stronger."), by: member
        )
        let page = "/app/strategies/\(harness.strategyID)/amendments/\(amendment.number)"
        try await harness.application().test(.router) { client in
            let api = try await client.send(.post, "/strategies/\(harness.strategyID)/amendments/\(amendment.number)/support", as: token.token)
            #expect(api.status == .forbidden)
            #expect(api.text.contains("groups other than its author"))
            _ = try await harness.database.invite(accountID: colleague.id, email: "colleague@example.org", by: .commandLine)
            try await harness.database.setPassword(
                accountID: colleague.id, NewPassword(password: WebPagesTests.password, repeated: WebPagesTests.password), by: .commandLine
            )
            var web = WebClient(client)
            _ = try await web.get("/app/signin")
            #expect(try await web.post("/app/signin", ["email": "colleague@example.org", "password": WebPagesTests.password]).status == .seeOther)
            #expect(!(try await web.get(page).text.contains(">Support</button>")))
            let refused = try await web.post(page + "/support", [:])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("groups other than its author"))
        }
        // The signatory of another group still may.
        let signatory = try await Self.account("signatory", harness)
        #expect(
            try await harness.database.supportAmendment(strategyID: harness.strategyID, number: amendment.number, by: signatory).supporters.count == 1
        )
    }

    @Test func aMemberPreviewsThenSubmitsAndOthersSupportWithdrawOrDecide() async throws {
        let harness = try await Harness.make()
        let strategy = "/app/strategies/\(harness.strategyID)"
        let new = "\(strategy)/sections/\(harness.sectionID)/amendments/new"
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await member.get("\(strategy)/sections/\(harness.sectionID)").text.contains(#"href="\#(new)">Propose an amendment</a>"#))
            let form = try await member.get(new)
            #expect(form.status == .ok && form.text.contains(">Children go online early.</textarea>"))
            let fields = ["baseRevision": "1", "heading": "Introduction", "body": "Children go online very early.", "rationale": "Stronger."]
            let preview = try await member.post(new, fields.merging(["action": "preview"]) { $1 })
            #expect(preview.status == .ok && preview.text.contains("<ins") && preview.text.contains("very"))
            #expect(preview.text.contains(">Children go online very early.</textarea>"), "the preview keeps the text")
            let admin = try await Self.account("admin", harness)
            #expect(
                try await harness.database.amendments(strategyID: harness.strategyID, filter: AmendmentFilter(), after: nil, limit: 9, for: admin)
                    .items.isEmpty)
            let empty = try await member.post(new, fields.merging(["action": "submit", "rationale": ""]) { $1 })
            #expect(empty.status == .unprocessableContent && empty.text.contains(#"id="rationale-error""#))
            #expect(empty.text.contains(">Children go online very early.</textarea>"), "a refusal keeps the text")
            let submitted = try await member.post(new, fields.merging(["action": "submit"]) { $1 })
            #expect(submitted.status == .seeOther && submitted.headers[.location] == "\(strategy)/amendments/1?notice=amendmentProposed")

            // The author may withdraw, not support; a signatory of another group may support; only facilitators decide.
            let page = "\(strategy)/amendments/1"
            let own = try await member.get(page).text
            #expect(own.contains(">Withdraw</button>") && !own.contains(">Support</button>") && !own.contains(">Accept</button>"))
            #expect(try await member.post(page + "/accept", [:]).status == .forbidden, "a crafted accept is refused")
            var signatory = try await WebPagesTests.signIn("signatory", harness, client)
            let other = try await signatory.get(page).text
            #expect(other.contains(">Support</button>") && !other.contains(">Withdraw</button>") && !other.contains(">Reject</"))
            #expect(try await signatory.post(page + "/support", [:]).status == .seeOther)
            #expect(!(try await signatory.get(page).text.contains(">Support</button>")), "support is given once")
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let desk = try await facilitator.get(page).text
            #expect(desk.contains(">Accept</button>") && desk.contains(#"<label for="reason">Reason</label>"#) && !desk.contains(">Support</button>"))
            let noReason = try await facilitator.post(page + "/reject", ["reason": " "])
            #expect(noReason.status == .unprocessableContent && noReason.text.contains(#"id="reason-error""#))
            #expect(try await facilitator.post(page + "/accept", [:]).status == .seeOther)
            let section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(section.body == "Children go online very early." && section.revision == 2)
            // Decided: nothing more is offered, and a second accept is refused with a page.
            #expect(!(try await facilitator.get(page).text.contains(">Accept</button>")))
            #expect(try await facilitator.post(page + "/accept", [:]).status == .conflict)
            var observer = try await WebPagesTests.signIn("observer", harness, client)
            #expect(try await observer.get(new).status == .forbidden)
        }
    }

    @Test func aConflictIsResolvedAgainstTheRevisionItWasResolvedOnNeverOverAnotherChange() async throws {
        let harness = try await Harness.make()
        let member = try await Self.account("member", harness)
        let facilitatorAccount = try await Self.account("facilitator", harness)
        for body in ["Children go online very early.", "Children go online too early."] {
            _ = try await harness.database.proposeAmendment(
                strategyID: harness.strategyID, sectionID: harness.sectionID,
                NewAmendment(baseRevision: 1, heading: nil, body: body, rationale: "Why not"), by: member
            )
        }
        let page = "/app/strategies/\(harness.strategyID)/amendments/2"
        try await harness.application().test(.router) { client in
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            _ = try await facilitator.get("/app/strategies/\(harness.strategyID)/amendments/1")
            #expect(try await facilitator.post("/app/strategies/\(harness.strategyID)/amendments/1/accept", [:]).status == .seeOther)
            _ = try await facilitator.get(page)
            let conflict = try await facilitator.post(page + "/accept", [:])
            #expect(conflict.status == .conflict)
            #expect(conflict.text.contains("Conflicts to resolve") && conflict.text.contains(#"<label for="resolvedBody">Resolved text</label>"#))
            #expect(conflict.text.contains(">Children go online very early.</textarea>"), "the editor starts from the current text")
            #expect(conflict.text.contains(#"name="revision" value="2""#) && conflict.text.contains(">Accept resolved text</button>"))
            // The region: nothing in the base, "very" in the current text, "too" proposed.
            #expect(conflict.text.contains("<tr><td>(nothing)</td><td>very</td><td>too</td></tr>"))
            // Someone edits the section meanwhile: the resolution made on revision 2 does not overwrite revision 3.
            _ = try await harness.database.updateSection(
                strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(2), heading: "Introduction",
                body: "Children go online very early, often alone.", message: nil, by: facilitatorAccount
            )
            let stale = try await facilitator.post(page + "/accept", ["revision": "2", "resolvedBody": "Children go online far too early."])
            #expect(stale.status == .conflict && stale.text.contains("while you resolved"))
            #expect(stale.text.contains(">Children go online far too early.</textarea>") && stale.text.contains(#"name="revision" value="3""#))
            let admin = try await Self.account("admin", harness)
            var section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(section.revision == 3 && section.body == "Children go online very early, often alone.")
            let done = try await facilitator.post(
                page + "/accept", ["revision": "3", "resolvedBody": "Children go online far too early, often alone."]
            )
            #expect(done.status == .seeOther)
            section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(section.revision == 4 && section.body == "Children go online far too early, often alone.")
        }
    }
}
