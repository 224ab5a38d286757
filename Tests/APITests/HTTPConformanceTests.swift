import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// RFC 9110's conditional requests and HEAD, strict JSON bodies, and the same 404 on every route, through the
/// real router.
@Suite struct HTTPConformanceTests {
    static let edit = #"{"heading":"Introduction","body":"Children go online earlier than ever."}"#

    @Test func ifMatchTakesAWildcardAListAndNeverAWeakTag() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let facilitator = harness.tokens["facilitator"]
            var statuses: [HTTPResponse.Status] = []
            for (index, ifMatch) in [#"W/"1""#, #"W/"1", "7""#, "garbage", #""7", "1""#, "*", #""1", "2""#].enumerated() {
                let response = try await client.send(
                    .put, harness.sectionURI, as: facilitator, json: #"{"heading":"Introduction","body":"Edit \#(index)."}"#,
                    headers: [.ifMatch: ifMatch]
                )
                statuses.append(response.status)
            }
            // Weak and malformed tags never match; the second tag of a list can; `*` matches any current revision;
            // after two edits the section is at 3, so "1", "2" is stale.
            #expect(statuses == [.preconditionFailed, .preconditionFailed, .preconditionFailed, .ok, .ok, .preconditionFailed])
        }
    }

    @Test func headAnswersWhereverGetDoesWithoutABody() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let member = harness.tokens["member"]
            for path in [harness.sectionURI, "/strategies/\(harness.strategyID)", "/me", "/health", "/openapi.yaml"] {
                let get = try await client.send(.get, path, as: member)
                let head = try await client.send(.head, path, as: member)
                #expect(head.status == get.status, "HEAD \(path)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has no body")
                #expect(head.headers[.eTag] == get.headers[.eTag], "HEAD \(path)")
            }
            let refused = try await client.send(.head, harness.sectionURI, as: harness.tokens["outsider"])
            #expect(refused.status == .notFound)
        }
    }

    @Test func jsonBodiesAreStrict() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let admin = harness.tokens["admin"]
            for (body, expected) in [
                (#"{"name":"A","admin":false,"admin":true}"#, "appears twice"),
                (#"{"name":"A","\u0061dmin":false,"admin":true}"#, "appears twice"),
                (#"{"name":"A",}"#, "not well-formed"),
                (#"{"name":["A",]}"#, "not well-formed"),
                (#"{"name":"A"} x"#, "not well-formed"),
                (#"{"name":"A\#u{01}"}"#, "not well-formed"),
                (#"{"name":01}"#, "not well-formed"),
            ] {
                let response = try await client.send(.post, "/accounts", as: admin, json: body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.text.contains(expected), "\(body): \(response.text)")
            }
            var latin1 = Data(#"{"name":"Ana "#.utf8)
            latin1.append(0xE9)  // é in ISO 8859-1: not UTF-8
            latin1.append(contentsOf: Array(#""}"#.utf8))
            let notUTF8 = try await client.execute(
                uri: "/accounts", method: .post, headers: [.authorization: "Bearer \(admin!)", .contentType: "application/json"],
                body: ByteBuffer(bytes: latin1)
            )
            #expect(notUTF8.status == .badRequest && notUTF8.text.contains("UTF-8"))
            let huge = try await client.send(
                .patch, "/strategies/\(harness.strategyID)/sections/\(harness.sectionID)", as: harness.tokens["facilitator"],
                json: #"{"position": 99999999999999999999}"#, headers: [.ifMatch: #""1""#]
            )
            #expect(huge.status == .unprocessableContent)
            #expect(huge.text.contains(#""field":"position""#), "\(huge.text)")
            // Other fields, required or boolean, before the number are never taken for it.
            for body in [
                #"{"heading":"H","body":"x","position":99999999999999999999}"#, #"{"heading":"H","body":"x","position":1.5}"#,
                #"{"body":"x","heading":"H","parent":null,"position":1e30}"#,
            ] {
                let response = try await client.send(
                    .post, "/strategies/\(harness.strategyID)/sections", as: harness.tokens["facilitator"], json: body
                )
                #expect(response.status == .unprocessableContent && response.text.contains(#""field":"position""#), "\(response.text)")
            }
            let nested = try await client.send(
                .post, "/strategies/\(harness.strategyID)/comments", as: harness.tokens["member"],
                json: #"{"section":\#(harness.sectionID),"revision":1,"anchor":{"start":0,"end":1e30},"body":"Big"}"#
            )
            #expect(nested.status == .unprocessableContent)
            #expect(nested.text.contains(#""field":"anchor/end""#), "\(nested.text)")
        }
    }

    @Test func everySectionRouteAnswers404ForASectionOutsideTheStrategy() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let member = harness.tokens["member"]
            let base = "/strategies/\(harness.strategyID)/sections/999"
            for path in [base, base + "/revisions", base + "/amendments", base + "/signoffs"] {
                #expect(try await client.send(.get, path, as: member).status == .notFound, "\(path)")
            }
            let tokens = try await client.send(.get, "/accounts/999/tokens", as: harness.tokens["admin"])
            #expect(tokens.status == .notFound)
            let account = try await client.send(.get, "/accounts/999", as: harness.tokens["admin"])
            #expect(account.status == .notFound)
        }
    }

    @Test func anAccountAnswersItsLocation() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let created = try await client.send(.post, "/accounts", as: harness.tokens["admin"], json: #"{"name":"Ana","email":"ana@example.org"}"#)
            let location = try #require(created.headers[.location])
            let read = try await client.send(.get, location, as: harness.tokens["admin"])
            #expect(read.status == .ok && read.text.contains(#""email":"ana@example.org""#))
            let me = "/accounts/\(harness.accountIDs["member"]!)"
            #expect(try await client.send(.get, me, as: harness.tokens["member"]).status == .ok)
            #expect(try await client.send(.get, location, as: harness.tokens["member"]).status == .forbidden)
        }
    }
}

extension HTTPConformanceTests {
    @Test func aValidRequestIdIsEchoedAndLoggedAnInvalidOneReplaced() async throws {
        let harness = try await Harness.make()
        let requestID = HTTPField.Name("X-Request-Id")!
        try await harness.application().test(.router) { client in
            let honoured = try await client.execute(uri: "/health", method: .get, headers: [requestID: "trace-42:a.b_c"])
            #expect(honoured.headers[requestID] == "trace-42:a.b_c")
            for bad in ["", "has space", "new\u{0B}line", String(repeating: "a", count: 129), "é"] {
                let replaced = try await client.execute(uri: "/health", method: .get, headers: [requestID: bad])
                let echoed = try #require(replaced.headers[requestID])
                #expect(echoed != bad && !echoed.isEmpty, "\(bad.debugDescription)")
            }
        }
        #expect(harness.logs.all.contains("trace-42:a.b_c"))
        #expect(!harness.logs.all.contains("has space"))
    }

    @Test func readinessAsksTheDatabase() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let ready = try await client.send(.get, "/health/ready", as: nil, headers: [.authorization: "Bearer nonsense"])
            #expect(ready.status == .ok && ready.text.contains(#""status":"ready""#))
        }
    }
}

extension HTTPConformanceTests {
    @Test func metricsCountRequestsByRouteTemplateAndTimeCommits() async throws {
        ServiceMetrics.bootstrapOnce()
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let created = try await client.send(
                .post, "/accounts", as: harness.tokens["admin"], json: #"{"name":"Metric Person","email":"metric@example.org"}"#
            )
            #expect(created.status == .created)
            let metrics = try await client.send(.get, "/metrics", as: nil, headers: [.authorization: "Bearer nonsense"])
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = metrics.text
            #expect(text.contains(#"http_requests_total{http_route="/accounts",http_request_method="POST",http_response_status_code="201"}"#))
            #expect(text.contains("http_server_request_duration_seconds_bucket{"))
            #expect(text.contains("http_server_active_requests{"))
            #expect(text.contains(#"strategy_db_write_batch_size_bucket{le="1.0"}"#))
            #expect(text.contains("strategy_db_commit_seconds_count"))
            // Identifiers a request sent never become labels: routes are counted by template.
            #expect(!text.contains("metric@example.org"))
        }
    }
}
