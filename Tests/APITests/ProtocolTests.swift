import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP conventions of API.md, checked through the real router.
@Suite struct ProtocolTests {
    @Test func healthNeedsNoTokenAndTheSpecIsServed() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let health = try await client.send(.get, "/health", as: nil)
            #expect(health.status == .ok)
            #expect(try health.decode(Wire.Health.self).status == "ok")
            let spec = try await client.send(.get, "/openapi.yaml", as: nil)
            #expect(spec.status == .ok)
            #expect(spec.text.hasPrefix("openapi: 3.1"))
        }
    }

    @Test func everyAuthenticationFailureLooksTheSame() async throws {
        let harness = try await Harness.make()
        let revoked = try await harness.database.issueToken(accountID: harness.accountIDs["member"]!, by: .commandLine)
        try await harness.database.revokeToken(accountID: harness.accountIDs["member"]!, tokenID: revoked.id, by: .commandLine)
        try await harness.application().test(.router) { client in
            var bodies: Set<String> = []
            let cases: [HTTPFields] = [
                [:], [.authorization: "Bearer"], [.authorization: "Basic dXNlcjpwYXNz"], [.authorization: "Bearer stk_unknown"],
                [.authorization: "Bearer stk_" + String(repeating: "A", count: 43)], [.authorization: "Bearer \(revoked.token)"],
            ]
            for headers in cases {
                let response = try await client.execute(uri: "/me", method: .get, headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.isProblem)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                bodies.insert(response.text)
            }
            #expect(bodies.count == 1, "unknown, malformed and revoked tokens must be indistinguishable")
        }
    }

    @Test func nonMembersGetTheSame404AsForAMissingStrategy() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let outsider = harness.tokens["outsider"]
            let hidden = try await client.send(.get, "/strategies/\(harness.strategyID)", as: outsider)
            let missing = try await client.send(.get, "/strategies/4242", as: outsider)
            let hiddenSection = try await client.send(.get, harness.sectionURI, as: outsider)
            let hiddenEdit = try await client.send(
                .put, harness.sectionURI, as: outsider, json: #"{"heading":"x","body":"y"}"#, headers: [.ifMatch: "\"1\""]
            )
            // Validation must not reveal the strategy either: an invalid body from a non-member is still 404.
            let invalidEdit = try await client.send(
                .put, harness.sectionURI, as: outsider, json: #"{"heading":"","body":"y","secret":1}"#, headers: [.ifMatch: "\"1\""]
            )
            let malformedCreate = try await client.send(.post, "/strategies/\(harness.strategyID)/sections", as: outsider, json: "{")
            for response in [hidden, missing, hiddenSection, hiddenEdit, invalidEdit, malformedCreate] {
                #expect(response.status == .notFound)
                #expect(response.text == missing.text)
            }
            let list = try await client.send(.get, "/strategies", as: outsider)
            #expect(try list.decode(Wire.Page<Wire.Strategy>.self).items.isEmpty)
        }
    }

    @Test func wrongMethodOnAKnownPathIs405WithAllow() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.send(.post, harness.sectionURI, as: harness.tokens["member"])
            #expect(response.status == .methodNotAllowed)
            #expect(response.isProblem)
            #expect(response.headers[.allow] == "GET, HEAD, PUT, PATCH, DELETE")
            // A literal segment wins over a parameter, as in the router: /strategies/import is not /strategies/{strategy}.
            let importing = try await client.send(.get, "/strategies/import", as: harness.tokens["member"])
            #expect(importing.status == .methodNotAllowed)
            #expect(importing.headers[.allow] == "POST")
            let unknown = try await client.send(.get, "/no/such/path", as: nil)
            #expect(unknown.status == .notFound)
            #expect(unknown.isProblem)
        }
    }

    @Test func conditionalEditsNeedTheCurrentETag() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let facilitator = harness.tokens["facilitator"]
            let read = try await client.send(.get, harness.sectionURI, as: harness.tokens["member"])
            #expect(read.headers[.eTag] == "\"1\"")
            let body = #"{"heading":"Introduction","body":"Children go online earlier than ever."}"#
            let missing = try await client.send(.put, harness.sectionURI, as: facilitator, json: body)
            #expect(missing.status == .preconditionRequired)
            let weak = try await client.send(.put, harness.sectionURI, as: facilitator, json: body, headers: [.ifMatch: "W/\"1\""])
            #expect(weak.status == .preconditionFailed)
            let edited = try await client.send(.put, harness.sectionURI, as: facilitator, json: body, headers: [.ifMatch: "\"1\""])
            #expect(edited.status == .ok)
            #expect(edited.headers[.eTag] == "\"2\"")
            #expect(try edited.decode(Wire.Section.self).revision == 2)
            let stale = try await client.send(.put, harness.sectionURI, as: facilitator, json: body, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(try stale.decode(Wire.Problem.self).currentRevision == 2)
            let member = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["member"], json: body, headers: [.ifMatch: "\"2\""]
            )
            #expect(member.status == .forbidden)
        }
    }

    @Test func bodiesAreCheckedInOrderSizeTypeSyntaxShape() async throws {
        var harness = try await Harness.make()
        harness.configuration.bodyLimit = 2_048
        let admin = harness.tokens["admin"]
        try await harness.application().test(.router) { client in
            let large = #"{"title":"\#(String(repeating: "x", count: 3_000))"}"#
            let tooLarge = try await client.send(.post, "/strategies", as: admin, json: large)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.isProblem)
            let plain = try await client.send(.post, "/strategies", as: admin, json: #"{"title":"x"}"#, contentType: "text/plain")
            #expect(plain.status == .unsupportedMediaType)
            let malformed = try await client.send(.post, "/strategies", as: admin, json: #"{"title": "x""#)
            #expect(malformed.status == .badRequest)
            let deep = try await client.send(
                .post, "/strategies", as: admin, json: String(repeating: "[", count: 500) + String(repeating: "]", count: 500))
            #expect(deep.status == .badRequest)
            let notObject = try await client.send(.post, "/strategies", as: admin, json: "[]")
            #expect(notObject.status == .unprocessableContent)
            for response in [tooLarge, plain, malformed, deep, notObject] { #expect(response.isProblem) }
        }
    }

    @Test func invalidFieldsAre422WithTheirNames() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let admin = harness.tokens["admin"]
            let facilitator = harness.tokens["facilitator"]
            let sections = "/strategies/\(harness.strategyID)/sections"
            let cases: [(String, String, String, String)] = [
                ("/strategies", admin!, #"{"title":"T","phase":"adopted"}"#, "phase"),
                ("/strategies", admin!, #"{"title":"T","id":7}"#, "id"),
                ("/strategies", admin!, #"{"title":5}"#, "title"),
                ("/strategies", admin!, #"{"summary":"no title"}"#, "title"),
                ("/strategies", admin!, #"{"title":"T","groups":[{"key":"Bad Key"}]}"#, "groups/0/key"),
                ("/strategies", admin!, #"{"title":"T","groups":[{"key":"ok","role":"x"}]}"#, "groups/role"),
                (sections, facilitator!, #"{"heading":"","body":"b"}"#, "heading"),
                (sections, facilitator!, #"{"heading":"\#(String(repeating: "h", count: 301))","body":"b"}"#, "heading"),
                (sections, facilitator!, #"{"heading":"H","body":"bell \u0007"}"#, "body"),
                (sections, facilitator!, #"{"heading":"H","body":"b","revision":3}"#, "revision"),
                (sections, facilitator!, #"{"heading":"H","body":"b","parent":999}"#, "parent"),
                (sections, facilitator!, #"{"heading":"H","body":"b","position":9}"#, "position"),
            ]
            for (uri, token, json, field) in cases {
                let response = try await client.send(.post, uri, as: token, json: json)
                #expect(response.status == .unprocessableContent, "\(json)")
                let errors = try response.decode(Wire.Problem.self).errors ?? []
                #expect(errors.contains { $0.field == field }, "\(json) → \(response.text)")
            }
            let member = "/strategies/\(harness.strategyID)/members/\(harness.accountIDs["outsider"]!)"
            let noGroup = try await client.send(.put, member, as: facilitator, json: #"{"role":"member"}"#)
            #expect(noGroup.status == .unprocessableContent)
            let unknownGroup = try await client.send(.put, member, as: facilitator, json: #"{"role":"member","group":"press"}"#)
            #expect(unknownGroup.status == .unprocessableContent)
            let badRole = try await client.send(.put, member, as: facilitator, json: #"{"role":"king"}"#)
            #expect(badRole.status == .unprocessableContent)
        }
    }

    @Test func queryParametersAndCursorsAreChecked() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let token = harness.tokens["admin"]
            for query in ["limit=0", "limit=201", "limit=abc", "cursor=garbage", "cursor=djE6LTE"] {
                let response = try await client.send(.get, "/accounts?\(query)", as: token)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.isProblem)
            }
        }
    }

    @Test func problemsNeverLeakInternals() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let token = harness.tokens["facilitator"]
            let responses = [
                try await client.send(.get, "/strategies/\(harness.strategyID)/sections/abc", as: token),
                try await client.send(.get, "/strategies/99999999999999999999999", as: token),
                try await client.send(
                    .post, "/strategies/\(harness.strategyID)/sections", as: token, json: #"{"heading":"H","body":"b","parent":-1}"#),
                try await client.send(
                    .patch, harness.sectionURI, as: token, json: #"{"parent":\#(harness.sectionID)}"#, headers: [.ifMatch: "\"1\""]),
            ]
            for response in responses {
                #expect(response.isProblem)
                for secret in ["SQL", "sqlite", "/work", "/tmp", "Error Domain", ".swift"] {
                    #expect(!response.text.contains(secret), "\(response.text)")
                }
            }
        }
    }
}
