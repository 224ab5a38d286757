import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// The interface's HTTP, as the independent test of #24 found it: oversized forms, conditional GET, cookies on
/// cacheable answers, pages for unroutable requests, and `Location` headers.
@Suite struct WebHTTPTests {
    /// Defect #24.2: a form over its limit answered 500 (`NIOTooManyBytesError`), signed out too.
    @Test func aFormOverItsLimitIsA413PageSignedInOrOut() async throws {
        var configured = try await Harness.make()
        configured.configuration.formLimit = 256 * 1024
        let harness = configured
        try await harness.application().test(.router) { client in
            var visitor = WebClient(client)
            _ = try await visitor.get("/app/signin")
            let big = String(repeating: "a", count: 20 * 1024)
            for path in ["/app/signin", "/app/signout", "/app/invite/" + String(repeating: "A", count: 43)] {
                let refused = try await visitor.post(path, ["email": "a@example.org", "password": big])
                #expect(refused.status == .contentTooLarge, "\(path)")
                #expect(refused.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(refused.text.contains("Too much to send at once") && refused.text.contains("16 KiB"))
                #expect(refused.headers[HTTPField.Name("Content-Security-Policy")!] != nil)
            }
            var member = try await WebPagesTests.signIn("member", harness, client)
            let section = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            _ = try await member.get(section)
            let huge = String(repeating: "word ", count: 60 * 1024)
            for path in [section + "/comments", section + "/edit", section + "/amendments/new"] {
                let refused = try await member.post(path, ["body": huge, "revision": "1", "baseRevision": "1"])
                #expect(refused.status == .contentTooLarge, "\(path)")
                #expect(refused.text.contains("256 KiB") && refused.text.contains("still in the form"))
            }
            let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
            let unchanged = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(unchanged.revision == 1)
        }
    }

    /// Defect #24.6: If-None-Match was ignored; cacheable answers set cookies; unroutable requests under /app and
    /// /public were JSON; a `Location` could carry characters a URI cannot.
    @Test func conditionalGetsCookiesFallbackPagesAndLocations() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            let strategyPage = "/app/strategies/\(harness.strategyID)"
            let page = try await member.get(strategyPage)
            let tag = try #require(page.headers[.eTag])
            let again = try await member.get(strategyPage, headers: [.ifNoneMatch: tag])
            #expect(again.status == .notModified && again.body.readableBytes == 0 && again.headers[.eTag] == tag)
            #expect(try await member.get(strategyPage, headers: [.ifNoneMatch: "\"other\""]).status == .ok)
            #expect(try await member.get(strategyPage, headers: [.ifNoneMatch: "W/" + tag]).status == .notModified)

            let section = "/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            let json = try await client.send(.get, section, as: harness.tokens["member"])
            let revision = try #require(json.headers[.eTag])
            let notModified = try await client.send(.get, section, as: harness.tokens["member"], headers: [.ifNoneMatch: revision])
            #expect(notModified.status == .notModified && notModified.body.readableBytes == 0)
            #expect(try await client.send(.get, section, as: harness.tokens["member"], headers: [.ifNoneMatch: "\"99\""]).status == .ok)
            let strategy = try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["member"])
            let version = try #require(strategy.headers[.eTag])
            #expect(
                try await client.send(.get, "/strategies/\(harness.strategyID)", as: harness.tokens["member"], headers: [.ifNoneMatch: version])
                    .status == .notModified)

            // Assets are cached by anyone: they set no cookie, signed out or not.
            var stranger = WebClient(client)
            let signIn = try await stranger.get("/app/signin")
            let stylesheet = try #require(signIn.text.firstMatch(of: /href="(\/app\/assets\/app\.[0-9a-f]+\.css)"/)?.1)
            var fresh = WebClient(client)
            let asset = try await fresh.get(String(stylesheet))
            #expect(asset.status == .ok && asset.headers[values: .setCookie].isEmpty)
            #expect(asset.headers[.cacheControl]?.contains("public") == true && asset.headers[.eTag] != nil)

            // Unroutable requests under the interface's paths are pages with the security headers.
            for (method, path, status) in [
                (HTTPRequest.Method.put, "/app/signin", HTTPResponse.Status.methodNotAllowed), (.delete, strategyPage, .methodNotAllowed),
                (.post, "/app/no/such/page", .notFound), (.get, "/public/no-such-strategy/x/y", .notFound),
            ] {
                let response = try await client.execute(uri: path, method: method, headers: [:], body: nil)
                #expect(response.status == status, "\(method) \(path)")
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true, "\(method) \(path)")
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!] != nil, "\(method) \(path)")
                if status == .methodNotAllowed { #expect(response.headers[.allow]?.contains("GET") == true) }
            }
            #expect(try await client.execute(uri: "/strategies/1/nothing", method: .get, headers: [:], body: nil).isProblem)

            // `next` with characters a URI cannot carry is percent-encoded in Location.
            var visitor = WebClient(client)
            _ = try await visitor.get("/app/signin")
            let redirect = try await visitor.post(
                "/app/signin", ["email": "member@example.org", "password": WebPagesTests.password, "next": "/app/strategies/1?q=a b\"<ë>"]
            )
            let location = try #require(redirect.headers[.location])
            #expect(location == "/app/strategies/1?q=a%20b%22%3C%C3%AB%3E")
        }
    }

    /// A number that is not one, or bytes that are not UTF-8, come from no page of ours: 400, nothing written.
    @Test func formsWithBrokenNumbersOrEncodingsAreRefused() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            let section = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            _ = try await member.get(section)
            let overflow = try await member.post(section + "/comments", ["revision": "99999999999999999999999", "body": "x"])
            #expect(overflow.status == .badRequest)
            let csrf = try #require(member.csrf)
            let cookie = member.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let notUTF8 = try await client.execute(
                uri: section + "/comments", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
                body: ByteBuffer(string: "csrf=\(WebClient.encode(csrf))&body=a%ff%fe")
            )
            #expect(notUTF8.status == .badRequest)
            let comments = try await client.send(.get, "/strategies/\(harness.strategyID)/comments", as: harness.tokens["member"])
            #expect(comments.text.contains(#""items":[]"#))
        }
    }

    /// Defect #24.7: an address such as `x@x.example"><b>` was accepted.
    @Test func emailAddressesAreAddrSpecsOrA422() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            for email in [#"x@x.example"><b>"#, "x@x.example<b>", #""quoted"@example.org"#, "a@[127.0.0.1]"] {
                let response = try await client.send(
                    .post, "/accounts", as: harness.tokens["admin"], json: #"{"name": "X", "email": \#(String(reflecting: email))}"#
                )
                #expect(response.status == .unprocessableContent, "\(email)")
                #expect(response.text.contains(#""field":"email""#), "\(email)")
            }
        }
    }
}
