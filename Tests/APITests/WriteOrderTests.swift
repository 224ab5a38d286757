import API
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every write operation of the OpenAPI document answers in one order — 401, 404 (not a member), 403 (role),
/// 409 (phase), and only then 428/413/415/400/422 — so an invalid body never tells a caller more than its
/// access allows.
@Suite struct WriteOrderTests {
    /// A body no operation accepts: an unknown field is 422 wherever a body is read.
    static let invalidBody = #"{"notAField": true}"#

    struct Operation: CustomStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var description: String { "\(method.rawValue) \(path)" }
        var inStrategy: Bool { path.hasPrefix("/strategies/{strategy}") }
        /// A role that may take this action, so that only the phase refuses it.
        var allowedRole: String {
            path.hasSuffix("/signoffs") || path.hasSuffix("/support") ? "signatory" : "facilitator"
        }
        /// Publishing is the one write an adopted strategy takes, and the only one it takes.
        var onlyWhenAdopted: Bool { path.hasSuffix("/publication") }
        /// Observers may comment and reply, in consultation only.
        var observersMayDo: Bool {
            method == .post && (path == "/strategies/{strategy}/comments" || path == "/strategies/{strategy}/comments/{comment}/replies")
        }
    }

    static func writeOperations() throws -> [Operation] {
        try OpenAPIConformanceTests.documentedOperations().sorted().compactMap { operation in
            let parts = operation.split(separator: " ", maxSplits: 1)
            let method = HTTPRequest.Method(String(parts[0]))!
            guard [.post, .put, .patch, .delete].contains(method) else { return nil }
            return Operation(method: method, path: String(parts[1]))
        }
    }

    @Test func everyWriteAuthorizesBeforeItValidates() async throws {
        let harness = try await Harness.make()
        let operations = try Self.writeOperations()
        #expect(operations.count >= 25, "the spec lists \(operations.count) write operations")
        try await harness.application().test(.router) { client in
            let facilitator = harness.tokens["facilitator"], member = harness.tokens["member"]
            let base = "/strategies/\(harness.strategyID)"
            // One of everything a path can name: an amendment, a comment, a draft.
            let amendment = try await client.send(
                .post, "\(base)/sections/\(harness.sectionID)/amendments", as: member,
                json: #"{"baseRevision":1,"body":"Children go online very early.","rationale":"Stronger"}"#
            )
            #expect(try amendment.decode(Wire.Amendment.self).number == 1)
            let comment = try await client.send(
                .post, "\(base)/comments", as: member, json: #"{"section":\#(harness.sectionID),"body":"Which age?"}"#
            )
            #expect(comment.status == .created)
            let draft = try await client.send(.post, "\(base)/drafts", as: facilitator, json: #"{"title":"Draft 1"}"#)
            #expect(draft.status == .created)
            let adopted = try await Self.adoptedStrategy(client, harness)

            func uri(_ operation: Operation, strategy: Int64) -> String {
                operation.path.replacingOccurrences(of: "{strategy}", with: String(strategy))
                    .replacingOccurrences(of: "{section}", with: String(strategy == harness.strategyID ? harness.sectionID : adopted.section))
                    .replacingOccurrences(of: "{amendment}", with: "1").replacingOccurrences(of: "{comment}", with: "1")
                    .replacingOccurrences(of: "{draft}", with: "1").replacingOccurrences(of: "{token}", with: "1")
                    .replacingOccurrences(of: "{account}", with: String(harness.accountIDs["admin"]!))
            }
            func status(_ operation: Operation, strategy: Int64, as role: String) async throws -> Int {
                let response = try await client.send(
                    operation.method, uri(operation, strategy: strategy), as: harness.tokens[role], json: Self.invalidBody)
                let problem = try response.decode(Wire.Problem.self)
                #expect(problem.status == Int(response.status.code))
                return problem.status
            }

            for operation in operations {
                if operation.inStrategy {
                    #expect(try await status(operation, strategy: harness.strategyID, as: "outsider") == 404, "\(operation) as a non-member")
                    // Observers may comment only in consultation; this strategy is drafting.
                    let observer = operation.observersMayDo ? 409 : 403
                    #expect(try await status(operation, strategy: harness.strategyID, as: "observer") == observer, "\(operation) as an observer")
                    if operation.onlyWhenAdopted {
                        #expect(try await status(operation, strategy: harness.strategyID, as: "facilitator") == 409, "\(operation) when drafting")
                    } else {
                        #expect(try await status(operation, strategy: adopted.id, as: operation.allowedRole) == 409, "\(operation) when adopted")
                    }
                } else {
                    // Outside any strategy: administration, the admin's (or the account's own).
                    #expect(try await status(operation, strategy: harness.strategyID, as: "member") == 403, "\(operation) as a member")
                }
                #expect(
                    try await client.send(operation.method, uri(operation, strategy: harness.strategyID), as: nil, json: Self.invalidBody).status
                        == .unauthorized)
            }
        }
    }

    /// A strategy with one group, taken through consultation and final review to adoption of its first draft.
    static func adoptedStrategy(_ client: some TestClientProtocol, _ harness: Harness) async throws -> (id: Int64, section: Int64) {
        let admin = harness.tokens["admin"], facilitator = harness.tokens["facilitator"]
        let created = try await client.send(.post, "/strategies", as: admin, json: #"{"title":"Adopted","groups":[{"key":"government"}]}"#)
        let strategy = try created.decode(Wire.Strategy.self).id
        let base = "/strategies/\(strategy)"
        for (role, membership) in [
            ("facilitator", #"{"role":"facilitator"}"#), ("signatory", #"{"role":"signatory","group":"government"}"#),
            ("observer", #"{"role":"observer"}"#),
        ] {
            #expect(try await client.send(.put, "\(base)/members/\(harness.accountIDs[role]!)", as: admin, json: membership).status == .created)
        }
        let section = try await client.send(.post, "\(base)/sections", as: facilitator, json: #"{"heading":"Scope","body":"All children."}"#)
        let sectionID = try section.decode(Wire.Section.self).id
        #expect(try await client.send(.post, "\(base)/drafts", as: facilitator, json: #"{"title":"Final"}"#).status == .created)
        for phase in ["consultation", "final-review"] {
            #expect(try await client.send(.patch, base, as: facilitator, json: #"{"phase":"\#(phase)"}"#).status == .ok)
        }
        let signed = try await client.send(.post, "\(base)/drafts/1/signoffs", as: harness.tokens["signatory"], json: #"{"decision":"approve"}"#)
        #expect(signed.status == .created)
        #expect(try await client.send(.post, "\(base)/adopt", as: facilitator, json: #"{"draft":1}"#).status == .ok)
        return (strategy, sectionID)
    }
}
