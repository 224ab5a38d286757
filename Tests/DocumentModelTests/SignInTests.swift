import Foundation
import Testing

@testable import DocumentModel

/// Invitations, passwords and browser sessions, against a real database.
@Suite struct SignInTests {
    let good = NewPassword(password: "tall ships sail at dawn", repeated: "tall ships sail at dawn")

    @Test func anInvitationSetsThePasswordOnceAndSignsIn() async throws {
        let store = try await TestStore.make()
        let (account, invitation) = try await store.database.invite(
            email: "Ana@Example.org ", name: "Ana", admin: false, by: Actor(accountID: store.admin.id, group: nil)
        )
        #expect(account.email == "ana@example.org")
        guard case .valid(let invited?) = try store.database.invitationStatus(token: invitation.token) else {
            Issue.record("a new invitation is not valid")
            return
        }
        #expect(invited.id == account.id)
        // The same email invited again gets a new link for the same account, not a second account; the first
        // link is void from then on.
        let (again, second) = try await store.database.invite(email: "ana@example.org", name: "Other", admin: true, by: .commandLine)
        #expect(again.id == account.id && !again.admin)
        #expect(second.token != invitation.token)
        #expect(try store.database.invitationStatus(token: invitation.token) == .voided)
        let voided = await modelError { _ = try await store.database.acceptInvitation(token: invitation.token, password: good) }
        #expect(voided == .conflict("this link is no longer valid"))
        let signedIn = try await store.database.acceptInvitation(token: second.token, password: good)
        #expect(signedIn.account.id == account.id)
        #expect(try await store.database.account(sessionToken: signedIn.sessionToken)?.id == account.id)
        #expect(try store.database.invitationStatus(token: second.token) == .used)
        let reused = await modelError { _ = try await store.database.acceptInvitation(token: second.token, password: good) }
        #expect(reused == .conflict("this link has been used already"))
        // Once the person has a password, no new link is issued for the account.
        let refused = await modelError {
            _ = try await store.database.invite(email: "ana@example.org", name: "Ana", admin: false, by: .commandLine)
        }
        #expect(refused == .conflict("this person has a password already and signs in with it"))
    }

    @Test(arguments: [
        "ana@example.org", "a.b+tag@sub.example.org", "o'neil@example.ie", "drita@shqipëri.example", "ана@пример.срб",
        "x@xn--shqipri-vwa.example",
    ])
    func plausibleEmailsAreAccepted(_ email: String) {
        #expect(EmailAddress.isPlausible(email))
    }

    @Test(arguments: [
        #"x@x.example"><b>"#, "x@x.example<b>", #""a b"@example.org"#, "a@b@example.org", "a..b@example.org", ".a@example.org",
        "a.@example.org", "a@-example.org", "a@example-.org", "a@example..org", "a@example", "a@1.2.3.4", "a@[127.0.0.1]",
        "a(comment)@example.org", "a b@example.org", "a@exa mple.org", "a\u{0}@example.org", "@example.org", "a@",
        String(repeating: "a", count: 65) + "@example.org", "a@" + String(repeating: "b", count: 64) + ".org",
    ])
    func implausibleEmailsAreRefused(_ email: String) {
        #expect(!EmailAddress.isPlausible(email))
    }

    @Test func invitationsExpireAndTamperedLinksAreUnknown() async throws {
        let store = try await TestStore.make()
        let (_, invitation) = try await store.database.invite(email: "b@example.org", name: "B", admin: false, by: .commandLine)
        let later = Date().addingTimeInterval(SignInPolicy.invitationLifetime + 1)
        #expect(try store.database.invitationStatus(token: invitation.token, now: later) == .expired)
        var tampered = Array(invitation.token)
        tampered[0] = tampered[0] == "A" ? "B" : "A"
        #expect(try store.database.invitationStatus(token: String(tampered)) == .unknown)
        #expect(try store.database.invitationStatus(token: "short") == .unknown)
        let refused = await modelError { _ = try await store.database.acceptInvitation(token: String(tampered), password: good) }
        #expect(refused == .notFound("invitation"))
    }

    @Test func weakAndMismatchedPasswordsAreRefusedWithTheirField() async throws {
        let store = try await TestStore.make()
        let (_, invitation) = try await store.database.invite(email: "c@example.org", name: "C", admin: false, by: .commandLine)
        for (password, field) in [
            ("short", "password"), ("password1234", "password"), ("Password2024!", "password"), ("qwertyuiop", "password"),
            ("aaaaaaaaaaaaaa", "password"),
        ] {
            let error = await modelError {
                _ = try await store.database.acceptInvitation(token: invitation.token, password: NewPassword(password: password, repeated: password))
            }
            guard case .invalid(let errors) = error else {
                Issue.record("\(password) was accepted")
                continue
            }
            #expect(errors.map(\.field) == [field])
        }
        let mismatch = await modelError {
            _ = try await store.database.acceptInvitation(
                token: invitation.token, password: NewPassword(password: "tall ships sail at dawn", repeated: "tall ships sail at dusk")
            )
        }
        #expect(mismatch == .invalid([FieldError(field: "repeatPassword", message: "does not match the password")]))
        // Nothing was used up by the refusals.
        #expect(try store.database.invitationStatus(token: invitation.token) != .used)
    }

    @Test func signInAnswersAWrongEmailAndAWrongPasswordAlike() async throws {
        let store = try await TestStore.make()
        let (_, invitation) = try await store.database.invite(email: "d@example.org", name: "D", admin: false, by: .commandLine)
        _ = try await store.database.acceptInvitation(token: invitation.token, password: good)
        #expect(try await store.database.signIn(email: "d@example.org", password: "wrong password here") == nil)
        #expect(try await store.database.signIn(email: "nobody@example.org", password: good.password) == nil)
        let signedIn = try #require(try await store.database.signIn(email: "D@example.org", password: good.password))
        #expect(signedIn.account.email == "d@example.org")
    }

    @Test func sessionsEndBySignOutIdlenessAgeAndANewPassword() async throws {
        let store = try await TestStore.make()
        let (account, invitation) = try await store.database.invite(email: "e@example.org", name: "E", admin: false, by: .commandLine)
        let first = try await store.database.acceptInvitation(token: invitation.token, password: good)
        let second = try #require(try await store.database.signIn(email: "e@example.org", password: good.password))
        let third = try #require(try await store.database.signIn(email: "e@example.org", password: good.password))

        let idle = Date().addingTimeInterval(SignInPolicy.sessionIdleLimit + 1)
        #expect(try await store.database.account(sessionToken: first.sessionToken, now: idle) == nil)
        #expect(try await store.database.account(sessionToken: first.sessionToken)?.id == account.id)

        try await store.database.endSession(token: third.sessionToken)
        #expect(try await store.database.account(sessionToken: third.sessionToken) == nil)

        let newPassword = NewPassword(password: "rivers run to the sea", repeated: "rivers run to the sea")
        let wrong = await modelError {
            try await store.database.changePassword(accountID: account.id, current: "not it at all", new: newPassword, keeping: second.sessionToken)
        }
        #expect(wrong == .invalid([FieldError(field: "currentPassword", message: "is not your current password")]))
        try await store.database.changePassword(accountID: account.id, current: good.password, new: newPassword, keeping: second.sessionToken)
        #expect(try await store.database.account(sessionToken: first.sessionToken) == nil)
        #expect(try await store.database.account(sessionToken: second.sessionToken)?.id == account.id)
        #expect(try await store.database.signIn(email: "e@example.org", password: good.password) == nil)
        #expect(try await store.database.signIn(email: "e@example.org", password: newPassword.password) != nil)
    }

    @Test func sessionsExpireThirtyDaysAfterSignInEvenWhenUsed() async throws {
        let store = try await TestStore.make()
        let (_, invitation) = try await store.database.invite(email: "f@example.org", name: "F", admin: false, by: .commandLine)
        let signedIn = try await store.database.acceptInvitation(token: invitation.token, password: good)
        // Used every seven hours, the session stays alive until its thirtieth day.
        var now = Date()
        while now < Date().addingTimeInterval(SignInPolicy.sessionAbsoluteLimit - 8 * 3600) {
            now = now.addingTimeInterval(7 * 3600)
            #expect(try await store.database.account(sessionToken: signedIn.sessionToken, now: now) != nil)
        }
        now = Date().addingTimeInterval(SignInPolicy.sessionAbsoluteLimit + 1)
        #expect(try await store.database.account(sessionToken: signedIn.sessionToken, now: now) == nil)
    }

    @Test func theSetupLinkCreatesTheFirstAdminOnce() async throws {
        let database = try AppDatabase.inMemory(passwords: PasswordHasher(cost: 4))
        let older = try #require(try await database.setupInvitationIfNoAdmin())
        let link = try #require(try await database.setupInvitationIfNoAdmin())
        // Only the newest setup link works: each start of `serve` prints a new one.
        #expect(try database.invitationStatus(token: older.token) == .voided)
        #expect(try database.invitationStatus(token: link.token) == .valid(account: nil))
        let signedIn = try await database.completeSetup(
            token: link.token, FirstAdmin(name: "First Admin", email: "admin@example.org", password: good)
        )
        #expect(signedIn.account.admin && signedIn.account.email == "admin@example.org")
        #expect(try await database.setupInvitationIfNoAdmin() == nil)
        #expect(try database.invitationStatus(token: link.token) == .used)
        let reused = await modelError {
            _ = try await database.completeSetup(token: link.token, FirstAdmin(name: "X", email: "x@example.org", password: good))
        }
        #expect(reused == .conflict("this link has been used already"))
        // A setup link stops working as soon as any admin exists, however the admin was made.
        let other = try AppDatabase.inMemory(passwords: PasswordHasher(cost: 4))
        let unused = try #require(try await other.setupInvitationIfNoAdmin())
        _ = try await other.createAccount(name: "Admin", admin: true, by: .commandLine)
        #expect(try other.invitationStatus(token: unused.token) == .unknown)
        let refused = await modelError {
            _ = try await other.completeSetup(token: unused.token, FirstAdmin(name: "X", email: "x@example.org", password: good))
        }
        #expect(refused == .notFound("invitation"))
    }

    @Test func anEmailBelongsToOneAccount() async throws {
        let store = try await TestStore.make()
        _ = try await store.database.createAccount(name: "G", admin: false, email: "g@example.org", by: .commandLine)
        let duplicate = await modelError {
            _ = try await store.database.createAccount(name: "G2", admin: false, email: "G@EXAMPLE.ORG", by: .commandLine)
        }
        #expect(duplicate == .conflict("another account has this email"))
        let invalid = await modelError {
            _ = try await store.database.createAccount(name: "H", admin: false, email: "not an email", by: .commandLine)
        }
        #expect(invalid == .invalid([FieldError(field: "email", message: "must be an email address such as name@example.org")]))
    }

    @Test func onlyFacilitatorsPublishAndOnlyAnAdoptedStrategy() async throws {
        let store = try await TestStore.make()
        let early = await modelError { _ = try await store.database.publish(strategyID: store.strategy.id, by: store.facilitator) }
        #expect(early == .phaseForbids(phase: .drafting, action: "publishing"))
        try await store.database.write { [id = store.strategy.id] db in try db.run("UPDATE strategy SET phase = 'adopted' WHERE id = ?", [id]) }
        let byMember = await modelError { _ = try await store.database.publish(strategyID: store.strategy.id, by: store.member) }
        #expect(byMember == .forbidden("your role in this strategy does not allow this action"))
        let (publication, created) = try await store.database.publish(strategyID: store.strategy.id, by: store.facilitator)
        #expect(created && publication.slug == "test-strategy-\(store.strategy.id)")
        let (again, createdAgain) = try await store.database.publish(strategyID: store.strategy.id, by: store.facilitator)
        #expect(!createdAgain && again.slug == publication.slug)
        #expect(try store.database.publication(slug: publication.slug)?.strategyID == store.strategy.id)
        try await store.database.unpublish(strategyID: store.strategy.id, by: store.facilitator)
        #expect(try store.database.publication(slug: publication.slug) == nil)
        let twice = await modelError { try await store.database.unpublish(strategyID: store.strategy.id, by: store.facilitator) }
        #expect(twice == .notFound("publication"))
    }

    @Test func slugsAreReadableASCII() {
        #expect(PublicationSlug.make(title: "Zaštita djece na internetu 2027–2030", strategyID: 7) == "zastita-djece-na-internetu-2027-2030-7")
        #expect(PublicationSlug.make(title: "Защита детей", strategyID: 3) == "zasita-detej-3")
        #expect(PublicationSlug.make(title: "!!!", strategyID: 9) == "9")
    }
}
