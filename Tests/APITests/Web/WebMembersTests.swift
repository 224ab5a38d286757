import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The Members page (#25): everyone in the strategy reads who takes part; a facilitator adds a person found by
/// name or email, sets the Role and Group, and removes — the API's operations, checked through the API.
@Suite struct WebMembersTests {
    static func members(_ harness: Harness, _ client: some TestClientProtocol) async throws -> [Wire.Member] {
        try await client.send(.get, "/strategies/\(harness.strategyID)/members", as: harness.tokens["admin"])
            .decode(Wire.Page<Wire.Member>.self).items
    }

    @Test func aFacilitatorAddsChangesAndRemovesMembers() async throws {
        let harness = try await Harness.make()
        let (ana, _) = try await harness.database.createAccount(name: "Ana Berisha", admin: false, email: "ana@example.org", by: .commandLine)
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/members"
            let shown = try await web.get(page)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("Speaks for a stakeholder group"), "each role is explained")
            #expect(shown.text.contains(#"<label for="role">Role</label>"#) && shown.text.contains(#"<label for="group">Group</label>"#))
            // By email (any case), then by name.
            let byEmail = try await web.post(page, ["person": " ANA@example.org ", "role": "signatory", "group": "civil-society"])
            #expect(byEmail.status == .seeOther && byEmail.headers[.location] == page + "?notice=memberSaved")
            let byName = try await web.post(page, ["person": "outsider", "role": "observer", "group": ""])
            #expect(byName.status == .seeOther)
            var members = try await Self.members(harness, client)
            #expect(members.contains { $0.account == ana.id && $0.role == "signatory" && $0.group == "civil-society" })
            #expect(members.contains { $0.account == harness.accountIDs["outsider"]! && $0.role == "observer" && $0.group == nil })
            // A role changed, then the member removed.
            _ = try await web.get(page)
            let changed = try await web.post(page + "/\(ana.id)", ["role": "member", "group": "government"])
            #expect(changed.status == .seeOther)
            let removed = try await web.post(page + "/\(harness.accountIDs["outsider"]!)/remove", [:])
            #expect(removed.status == .seeOther && removed.headers[.location] == page + "?notice=memberRemoved")
            members = try await Self.members(harness, client)
            #expect(members.contains { $0.account == ana.id && $0.role == "member" && $0.group == "government" })
            #expect(!members.contains { $0.account == harness.accountIDs["outsider"]! })
        }
    }

    @Test func aPersonWhoCannotBeFoundOrAGroupMissingIsAnsweredBesideItsField() async throws {
        let harness = try await Harness.make()
        _ = try await harness.database.createAccount(name: "Dren Gashi", admin: false, by: .commandLine)
        _ = try await harness.database.createAccount(name: "dren gashi", admin: false, by: .commandLine)
        try await harness.application().test(.router) { client in
            let before = try await Self.members(harness, client).count
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = "/app/strategies/\(harness.strategyID)/members"
            _ = try await web.get(page)
            for (person, message) in [
                ("nobody@example.org", "no account has this email"), ("Nobody Known", "nobody has this name"),
                ("Dren Gashi", "several people have this name: give the email"),
            ] {
                let refused = try await web.post(page, ["person": person, "role": "member", "group": "industry"])
                #expect(refused.status == .unprocessableContent, "\(person)")
                #expect(refused.text.contains(#"<p class="field-error" id="person-error">"#) && refused.text.contains(message), "\(person)")
                #expect(refused.text.contains(#"value="\#(person)""#), "what was typed is kept")
            }
            let noGroup = try await web.post(page, ["person": "Outsider", "role": "signatory", "group": ""])
            #expect(noGroup.status == .unprocessableContent)
            #expect(noGroup.text.contains(#"id="group-error""#))
            let crafted = try await web.post(page, ["person": "Outsider", "role": "owner", "group": ""])
            #expect(crafted.status == .badRequest)
            #expect(try await Self.members(harness, client).count == before)
        }
    }

    @Test func membersReadTheListWithoutTheForms() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            let page = try await web.get("/app/strategies/\(harness.strategyID)/members")
            #expect(page.status == .ok)
            #expect(page.text.contains("<th scope=\"row\">Facilitator</th>"))
            #expect(!page.text.contains("Add a person") && !page.text.contains("/remove"))
            // Nor can a member learn from the form who has an account: refused before anyone is looked up.
            for person in ["nobody@example.org", "Outsider"] {
                let probe = try await web.post(
                    "/app/strategies/\(harness.strategyID)/members", ["person": person, "role": "member", "group": "industry"]
                )
                #expect(probe.status == .forbidden, "\(person)")
            }
            let overview = try await web.get("/app/strategies/\(harness.strategyID)")
            #expect(overview.text.contains(#"<a href="/app/strategies/\#(harness.strategyID)/members">Members</a>"#))
        }
    }
}
