import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The People page (#25): an administrator sees every account, invites someone (the link shown once, working),
/// sends a new link or withdraws one, and deactivates an account — whose sessions and tokens end at once and
/// whose history stays — then reactivates it. Nobody else reaches the page or its forms.
@Suite struct WebPeopleTests {
    static let page = "/app/admin/people"

    /// The invitation link a People page shows (`/app/invite/…`), if any.
    static func link(in text: String) -> String? {
        guard let start = text.range(of: "/app/invite/") else { return nil }
        let rest = text[start.lowerBound...]
        return String(rest.prefix { $0 != "\"" && $0 != "<" })
    }

    @Test func anAdministratorInvitesSomeoneWhoSetsAPasswordWithTheLink() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("admin", harness, client)
            let shown = try await web.get(Self.page)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("<h2 id=\"invite-heading\">Invite someone</h2>"))
            #expect(shown.text.contains(#"<label for="name">Name</label>"#) && shown.text.contains(#"<label for="email">Email</label>"#))
            #expect(shown.text.contains(#"<label for="admin">Administrator</label>"#))
            #expect(shown.text.contains("<th scope=\"row\">Facilitator</th>"), "every account is listed")
            let invited = try await web.post(Self.page, ["name": "Ana Berisha", "email": "Ana@Example.org", "admin": "1"])
            #expect(invited.status == .ok)
            let link = try #require(Self.link(in: invited.text), "the link is shown on the page that made it")
            #expect(invited.text.contains("Invitation pending"))
            // The API sees the new account, an administrator.
            let accounts = try await client.send(.get, "/accounts?limit=100", as: harness.tokens["admin"])
                .decode(Wire.Page<Wire.Account>.self).items
            let ana = try #require(accounts.first { $0.name == "Ana Berisha" })
            #expect(ana.admin)
            // The person opens the link and chooses a password; the page then says the account is active.
            var person = WebClient(client)
            let opened = try await person.get(link)
            #expect(opened.status == .ok)
            let set = try await person.post(link, ["password": "correct horse battery", "repeatPassword": "correct horse battery"])
            #expect(set.status == .seeOther)
            let after = try await web.get(Self.page)
            #expect(after.text.contains("Active") && !after.text.contains("/admin/people/\(ana.id)/invitation\""))
            #expect(after.text.contains("Last sign-in") && !after.text.contains("Invitation pending"))
        }
    }

    @Test func aNewLinkVoidsTheOldOneAndAWithdrawnLinkNoLongerWorks() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("admin", harness, client)
            _ = try await web.get(Self.page)
            let first = try #require(Self.link(in: try await web.post(Self.page, ["name": "Dren Gashi", "email": "dren@example.org"]).text))
            let id = try #require(
                try await harness.database.people(by: try await harness.account("admin")).first { $0.account.name == "Dren Gashi" }?.account.id)
            let resent = try await web.post(Self.page + "/\(id)/invitation", [:])
            #expect(resent.status == .ok)
            let second = try #require(Self.link(in: resent.text))
            #expect(first != second)
            var person = WebClient(client)
            #expect(try await person.get(first).text.contains("no longer valid"), "the earlier link is void")
            let withdrawn = try await web.post(Self.page + "/\(id)/invitation/withdraw", [:])
            #expect(withdrawn.status == .seeOther && withdrawn.headers[.location] == Self.page + "?notice=invitationWithdrawn")
            #expect(try await person.get(second).text.contains("no longer valid"), "the withdrawn link is void")
            let again = try await web.post(Self.page + "/\(id)/invitation/withdraw", [:])
            #expect(again.status == .conflict, "nothing is pending any more")
        }
    }

    @Test func aRefusedInvitationKeepsWhatWasTypedBesideItsField() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("admin", harness, client)
            _ = try await web.get(Self.page)
            let before = try await harness.database.people(by: try await harness.account("admin")).count
            let badEmail = try await web.post(Self.page, ["name": "Lule Krasniqi", "email": "not-an-address"])
            #expect(badEmail.status == .unprocessableContent)
            #expect(badEmail.text.contains(#"id="email-error""#) && badEmail.text.contains(#"value="Lule Krasniqi""#))
            let noName = try await web.post(Self.page, ["name": " ", "email": "lule@example.org"])
            #expect(noName.status == .unprocessableContent && noName.text.contains(#"id="name-error""#))
            // The admin's own address belongs to an account with a password: no link may take it over.
            let taken = try await web.post(Self.page, ["name": "Someone", "email": "admin@example.org"])
            #expect(taken.status == .conflict && taken.text.contains(#"id="email-error""#))
            #expect(try await harness.database.people(by: try await harness.account("admin")).count == before)
        }
    }

    @Test func deactivationEndsSessionsAndTokensAtOnceAndKeepsHistory() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await member.get("/app").status == .ok)
            let memberToken = harness.tokens["member"]
            #expect(try await client.send(.get, "/me", as: memberToken).status == .ok)
            var web = try await WebPagesTests.signIn("admin", harness, client)
            _ = try await web.get(Self.page)
            let id = harness.accountIDs["member"]!
            #expect(try await web.get(Self.page).text.contains("Deactivate the account of Member?"), "the confirmation says what happens")
            let done = try await web.post(Self.page + "/\(id)/deactivate", [:])
            #expect(done.status == .seeOther && done.headers[.location] == Self.page + "?notice=accountDeactivated")
            #expect(try await client.send(.get, "/me", as: memberToken).status == .unauthorized, "the token ends")
            let signedOut = try await member.get("/app")
            #expect(signedOut.status == .seeOther && signedOut.headers[.location]?.hasPrefix("/app/signin") == true, "the session ends")
            var again = WebClient(client)
            _ = try await again.get("/app/signin")
            let refused = try await again.post(
                "/app/signin", ["email": "member@example.org", "password": WebPagesTests.password, "next": "/app"]
            )
            #expect(refused.status != .seeOther, "a deactivated account cannot sign in")
            // Its membership and history stay; the People page says deactivated and offers Reactivate.
            let members = try await WebMembersTests.members(harness, client)
            #expect(members.contains { $0.account == id })
            let listed = try await web.get(Self.page)
            #expect(listed.text.contains("Deactivated on") && listed.text.contains(Self.page + "/\(id)/reactivate"))
            let back = try await web.post(Self.page + "/\(id)/reactivate", [:])
            #expect(back.status == .seeOther)
            let signedIn = try await again.post(
                "/app/signin", ["email": "member@example.org", "password": WebPagesTests.password, "next": "/app"]
            )
            #expect(signedIn.status == .seeOther, "a reactivated account signs in with its password")
            #expect(try await client.send(.get, "/me", as: memberToken).status == .unauthorized, "its old tokens stay revoked")
            // Nobody deactivates their own account.
            let own = try await web.post(Self.page + "/\(harness.accountIDs["admin"]!)/deactivate", [:])
            #expect(own.status == .conflict)
        }
    }

    @Test func nobodyButAnAdministratorReachesThePageOrItsForms() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            #expect(try await web.get(Self.page).status == .forbidden)
            _ = try await web.get("/app")
            let id = harness.accountIDs["member"]!
            for path in [Self.page, Self.page + "/\(id)/invitation", Self.page + "/\(id)/invitation/withdraw", Self.page + "/\(id)/deactivate"] {
                let refused = try await web.post(path, ["name": "X", "email": "x@example.org"])
                #expect(refused.status == .forbidden, "\(path)")
            }
            #expect(!(try await web.get("/app").text.contains("/app/admin/people")), "no link to it either")
            #expect(try await client.send(.get, "/me", as: harness.tokens["member"]).status == .ok, "nothing was deactivated")
        }
    }
}
