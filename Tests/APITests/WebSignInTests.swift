import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// Signing in to the browser interface, through the real application: invitations, passwords, sessions, the
/// anti-forgery checks, throttling and the headers every page carries.
@Suite struct WebSignInTests {
    static let password = "tall ships sail at dawn"

    /// Invites `name` and returns the invitation link's path.
    func invite(_ harness: Harness, email: String, name: String) async throws -> String {
        let (_, invitation) = try await harness.database.invite(email: email, name: name, admin: false, by: .commandLine)
        return "/app/invite/\(invitation.token)"
    }

    /// Opens an invitation link in a browser of its own and sets the password there.
    static func choosePassword(at link: String, _ client: some TestClientProtocol) async throws {
        var browser = WebClient(client)
        _ = try await browser.get(link)
        let accepted = try await browser.post(link, ["password": password, "repeatPassword": password])
        #expect(accepted.status == .seeOther)
    }

    @Test func theRootAndEveryPageSendASignedOutVisitorToSignInAndBack() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            let root = try await web.get("/")
            #expect(root.status == .seeOther && root.headers[.location] == "/app")
            let home = try await web.get("/app/strategies/1?since=r1")
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/app/signin?next=/app/strategies/1%3Fsince%3Dr1")
            let page = try await web.get(home.headers[.location]!)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<label for="email">Email</label>"#))
            #expect(page.text.contains(#"<label for="password">Password</label>"#))
            #expect(page.text.contains(#"<button type="submit">Sign in</button>"#))
            #expect(page.text.contains(#"name="next" value="/app/strategies/1?since=r1""#))
        }
    }

    @Test func anInvitationLeadsToAPasswordAndASession() async throws {
        let harness = try await Harness.make()
        let link = try await invite(harness, email: "ana@example.org", name: "Ana Kovač")
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            let form = try await web.get(link)
            #expect(form.status == .ok)
            #expect(form.text.contains("Ana Kovač"))
            #expect(form.text.contains(#"<label for="repeatPassword">Repeat password</label>"#))
            #expect(form.text.contains(#"<button type="submit">Set password</button>"#))

            let weak = try await web.post(link, ["password": "password1234", "repeatPassword": "password1234"])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.text.contains("is one of the most common passwords"))

            let accepted = try await web.post(link, ["password": Self.password, "repeatPassword": Self.password])
            #expect(accepted.status == .seeOther && accepted.headers[.location] == "/app")
            let cookie = try #require(accepted.headers[values: .setCookie].first { $0.hasPrefix("strategy_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))

            let home = try await web.get("/app")
            #expect(home.status == .ok)
            #expect(home.text.contains("Ana Kovač") && home.text.contains("Your strategies"))

            var other = WebClient(client)
            let reused = try await other.get(link)
            #expect(reused.status == .gone)
            #expect(reused.text.contains("This link has been used already"))
            let tampered = try await other.get("/app/invite/" + String(repeating: "A", count: 43))
            #expect(tampered.status == .notFound)
            let garbage = try await other.get("/app/invite/%00%ff")
            #expect(garbage.status == .notFound)
        }
    }

    /// Defect #24.1: an older link of an account took it over after the person had chosen a password.
    @Test func onlyTheNewestLinkOfAnAccountWorksAndNoneOnceItHasAPassword() async throws {
        let harness = try await Harness.make()
        let (account, firstLink) = try await harness.database.invite(email: "fa@example.org", name: "Fa Admin", admin: true, by: .commandLine)
        let first = "/app/invite/\(firstLink.token)"
        let second = try await invite(harness, email: "fa@example.org", name: "Fa Admin")
        try await harness.application().test(.router) { client in
            var stranger = WebClient(client)
            let replaced = try await stranger.get(first)
            #expect(replaced.status == .gone)
            #expect(replaced.text.contains("no longer valid") && !replaced.text.contains("fa@example.org"))

            var person = WebClient(client)
            _ = try await person.get(second)
            let accepted = try await person.post(second, ["password": Self.password, "repeatPassword": Self.password])
            #expect(accepted.status == .seeOther)
            #expect(try await person.get("/app").status == .ok)

            // The older link, opened and posted to with a good form token, neither shows the person nor signs anyone in.
            _ = try await stranger.get("/app/signin")
            let reopened = try await stranger.get(first)
            #expect(reopened.status == .gone && !reopened.text.contains("Fa Admin"))
            let takeover = try await stranger.post(first, ["password": "a stranger's own password", "repeatPassword": "a stranger's own password"])
            #expect(takeover.status == .gone)
            #expect(stranger.cookies["strategy_session"] == nil)
            #expect(try await person.get("/app").status == .ok)  // the person's session goes on

            // An account with a password gets no new link, by email or by id (API and command line alike).
            await #expect(throws: DocumentModelError.self) {
                _ = try await harness.database.invite(email: "fa@example.org", name: "Fa Admin", admin: true, by: .commandLine)
            }
            await #expect(throws: DocumentModelError.self) {
                _ = try await harness.database.invite(accountID: account.id, email: nil, by: .commandLine)
            }
        }
    }

    /// A password set any other way (settings, the command line) voids the account's open links too.
    @Test func settingAPasswordVoidsEveryOpenLink() async throws {
        let harness = try await Harness.make()
        let (account, invitation) = try await harness.database.invite(email: "gi@example.org", name: "Gi", admin: false, by: .commandLine)
        try await harness.database.setPassword(
            accountID: account.id, NewPassword(password: Self.password, repeated: Self.password), by: .commandLine
        )
        #expect(try harness.database.invitationStatus(token: invitation.token) == .voided)
    }

    /// A newer setup link voids the one printed at an earlier start.
    @Test func onlyTheNewestSetupLinkWorks() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("setup-\(UUID().uuidString).sqlite").path
        let database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        let older = try #require(try await database.setupInvitationIfNoAdmin())
        let newer = try #require(try await database.setupInvitationIfNoAdmin())
        #expect(try database.invitationStatus(token: older.token) == .voided)
        #expect(try database.invitationStatus(token: newer.token) == .valid(account: nil))
    }

    @Test func signInAnswersAWrongEmailAndAWrongPasswordAlikeAndRedirectsOnlyLocally() async throws {
        let harness = try await Harness.make()
        let link = try await invite(harness, email: "bo@example.org", name: "Bo")
        try await harness.application().test(.router) { client in
            try await Self.choosePassword(at: link, client)

            var web = WebClient(client)
            _ = try await web.get("/app/signin")
            let wrongPassword = try await web.post("/app/signin", ["email": "bo@example.org", "password": "not the password", "next": "/app"])
            let wrongEmail = try await web.post("/app/signin", ["email": "nobody@example.org", "password": "not the password", "next": "/app"])
            #expect(wrongPassword.status == .unprocessableContent && wrongEmail.status == .unprocessableContent)
            #expect(
                wrongPassword.text.replacingOccurrences(of: "bo@example.org", with: "X")
                    == wrongEmail.text.replacingOccurrences(of: "nobody@example.org", with: "X")
            )
            for (next, expected) in [
                ("//evil.example/x", "/app"), ("https://evil.example", "/app"), ("/\\evil.example", "/app"),
                ("/app/strategies/1", "/app/strategies/1"),
            ] {
                var fresh = WebClient(client)
                _ = try await fresh.get("/app/signin")
                let signedIn = try await fresh.post("/app/signin", ["email": "BO@example.org", "password": Self.password, "next": next])
                #expect(signedIn.status == .seeOther)
                #expect(signedIn.headers[.location] == expected, "next=\(next)")
            }
        }
    }

    @Test func formsWithoutTheTokenOrFromAnotherSiteChangeNothing() async throws {
        let harness = try await Harness.make()
        let link = try await invite(harness, email: "cy@example.org", name: "Cy")
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            _ = try await web.get(link)
            let noToken = try await web.post(link, ["password": Self.password, "repeatPassword": Self.password, "csrf": ""])
            #expect(noToken.status == .forbidden)
            #expect(noToken.text.contains("This form has expired"))
            let otherSite = try await web.post(
                link, ["password": Self.password, "repeatPassword": Self.password], headers: [.origin: "https://evil.example"]
            )
            #expect(otherSite.status == .forbidden)
            let crossSite = try await web.post(
                link, ["password": Self.password, "repeatPassword": Self.password],
                headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]
            )
            #expect(crossSite.status == .forbidden)
            // The link is still unused: nothing was done.
            guard case .valid = try harness.database.invitationStatus(token: String(link.split(separator: "/").last!)) else {
                Issue.record("a refused form used the invitation")
                return
            }
            let json = try await client.execute(
                uri: link, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}")
            )
            #expect(json.status == .unsupportedMediaType)
            #expect(json.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func repeatedFailuresAreThrottledNeverAnError() async throws {
        let harness = try await Harness.make()
        let link = try await invite(harness, email: "di@example.org", name: "Di")
        try await harness.application().test(.router) { client in
            try await Self.choosePassword(at: link, client)
            var web = WebClient(client)
            _ = try await web.get("/app/signin")
            for _ in 0..<5 {
                let failed = try await web.post("/app/signin", ["email": "di@example.org", "password": "wrong wrong wrong"])
                #expect(failed.status == .unprocessableContent)
            }
            let throttled = try await web.post("/app/signin", ["email": "di@example.org", "password": Self.password])
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] != nil)
            #expect(throttled.text.contains("Too many attempts"))
            #expect(web.cookies["strategy_session"] == nil)
        }
    }

    /// Defect #24.3: five failures for one account locked every account out from that address.
    @Test func oneClientsFailuresDoNotLockOthersOutFromTheSameAddress() async throws {
        let harness = try await Harness.make()
        let mallory = try await invite(harness, email: "ma@example.org", name: "Ma")
        let victim = try await invite(harness, email: "vi@example.org", name: "Vi")
        try await harness.application().test(.router) { client in
            try await Self.choosePassword(at: mallory, client)
            try await Self.choosePassword(at: victim, client)
            var guesser = WebClient(client)
            _ = try await guesser.get("/app/signin")
            for _ in 0..<6 {
                _ = try await guesser.post("/app/signin", ["email": "ma@example.org", "password": "wrong wrong wrong"])
            }
            #expect(try await guesser.post("/app/signin", ["email": "ma@example.org", "password": Self.password]).status == .tooManyRequests)
            var colleague = WebClient(client)
            _ = try await colleague.get("/app/signin")
            let signedIn = try await colleague.post("/app/signin", ["email": "vi@example.org", "password": Self.password])
            #expect(signedIn.status == .seeOther)
            #expect(colleague.cookies["strategy_session"] != nil)
        }
    }

    @Test func theAccountAndTheAddressHaveCeilingsOfTheirOwn() async {
        let throttle = SignInThrottle(limits: .init(perPair: 5, perAccount: 8, perAddress: 12))
        // Guessing one account from many addresses: stopped by the account's ceiling.
        for index in 0..<8 { await throttle.recordFailure(email: "a@x.org", address: "10.0.0.\(index)") }
        #expect(await throttle.wait(email: "a@x.org", address: "10.0.0.99") > 0)
        // Many accounts from one address: stopped by the address's ceiling, not before.
        for index in 0..<11 { await throttle.recordFailure(email: "p\(index)@x.org", address: "10.1.1.1") }
        #expect(await throttle.wait(email: "fresh@x.org", address: "10.1.1.1") == 0)
        await throttle.recordFailure(email: "p11@x.org", address: "10.1.1.1")
        #expect(await throttle.wait(email: "fresh@x.org", address: "10.1.1.1") > 0)
        #expect(await throttle.wait(email: "fresh@x.org", address: "10.1.1.2") == 0)
    }

    @Test func xForwardedForIsBelievedOnlyFromATrustedProxy() {
        let proxy = ClientAddress(trustedProxies: ["10.0.0.2"])
        let forwarded: HTTPFields = [ClientAddress.forwardedFor: "203.0.113.9, 198.51.100.7"]
        #expect(proxy.of(peer: "10.0.0.2", headers: forwarded) == "198.51.100.7")
        #expect(proxy.of(peer: "::ffff:10.0.0.2", headers: forwarded) == "198.51.100.7")
        #expect(proxy.of(peer: "192.0.2.1", headers: forwarded) == "192.0.2.1")
        #expect(proxy.of(peer: "10.0.0.2", headers: [:]) == "10.0.0.2")
        #expect(proxy.of(peer: "10.0.0.2", headers: [ClientAddress.forwardedFor: "not an address"]) == "10.0.0.2")
        let chain = ClientAddress(trustedProxies: ["10.0.0.2", "10.0.0.3"])
        #expect(chain.of(peer: "10.0.0.2", headers: [ClientAddress.forwardedFor: "198.51.100.7, 10.0.0.3"]) == "198.51.100.7")
    }

    @Test func signOutEndsTheSessionAndPagesCarryTheSecurityHeaders() async throws {
        let harness = try await Harness.make()
        let link = try await invite(harness, email: "ed@example.org", name: "Ed")
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            _ = try await web.get(link)
            _ = try await web.post(link, ["password": Self.password, "repeatPassword": Self.password])
            let home = try await web.get("/app")
            let policy = try #require(home.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
            #expect(home.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(home.headers[HTTPField.Name("Referrer-Policy")!] != nil)
            #expect(home.text.contains(#"<button type="submit" class="link-button">Sign out</button>"#))
            let session = try #require(web.cookies["strategy_session"])

            let out = try await web.post("/app/signout", [:])
            #expect(out.status == .seeOther)
            #expect(web.cookies["strategy_session"] == nil)
            #expect(try await harness.database.account(sessionToken: session) == nil)
            // The old cookie, replayed, opens nothing.
            var replay = WebClient(client)
            replay.cookies["strategy_session"] = session
            let refused = try await replay.get("/app")
            #expect(refused.status == .seeOther)
            #expect(refused.headers[.location]?.hasPrefix("/app/signin") == true)
        }
    }

    @Test func theSetupLinkCreatesTheFirstAdmin() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("setup-\(UUID().uuidString).sqlite").path
        let database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        let link = try #require(try await database.setupInvitationIfNoAdmin())
        try await buildApplication(database: database, configuration: APIConfiguration(port: 0)).test(.router) { client in
            var web = WebClient(client)
            let form = try await web.get("/app/setup/\(link.token)")
            #expect(form.status == .ok && form.text.contains("Create the first administrator"))
            let created = try await web.post(
                "/app/setup/\(link.token)",
                ["name": "First Admin", "email": "admin@example.org", "password": Self.password, "repeatPassword": Self.password]
            )
            #expect(created.status == .seeOther)
            let home = try await web.get("/app")
            #expect(home.status == .ok && home.text.contains("First Admin"))
            var other = WebClient(client)
            #expect(try await other.get("/app/setup/\(link.token)").status == .gone)
        }
    }

    @Test func pagesSpeakTheReadersLanguageAndUnknownPagesArePages() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            let page = try await web.get("/app/signin", headers: [.acceptLanguage: "xx-YY, en;q=0.5"])
            #expect(page.text.contains(#"<html lang="en">"#))
            let missing = try await web.get("/app/no/such/page")
            #expect(missing.status == .seeOther)  // signed out: sign in first, whatever the page
            let asset = try await web.get("/app/assets/nothing.css")
            #expect(asset.status == .notFound)
            // A header a proxy adds (basic authentication in front of the service) does not concern the pages,
            // nor /health and /openapi.yaml.
            for path in ["/app/signin", "/health", "/openapi.yaml"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.authorization: "Basic dXNlcjpwYXNz"])
                #expect(response.status == .ok, "\(path)")
            }
        }
    }
}
