import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The drafting workflow through the real server on loopback: redlines, amendments merged three ways,
/// collisions, rebases, drafts and their comparison, phases.
@Suite struct DraftingWorkflowTests {
    /// Creates a section as the facilitator and returns its URI.
    static func section(
        _ client: some TestClientProtocol, _ harness: Harness, heading: String, body: String, parent: Int? = nil
    ) async throws -> String {
        var object: [String: Any] = ["heading": heading, "body": body]
        if let parent { object["parent"] = parent }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let created = try await client.send(.post, "/strategies/\(harness.strategyID)/sections", as: harness.tokens["facilitator"], json: json)
        #expect(created.status == .created)
        return created.headers[.location] ?? ""
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func propose(
        _ client: some TestClientProtocol, _ sectionURI: String, as token: String?, base: Int = 1, body: String, heading: String? = nil
    ) async throws -> TestResponse {
        var object: [String: Any] = ["baseRevision": base, "body": body, "rationale": "Because it is better."]
        if let heading { object["heading"] = heading }
        return try await client.send(.post, sectionURI + "/amendments", as: token, json: json(object))
    }

    @Test func aMemberProposesAnotherGroupSupportsAndTheFacilitatorAccepts() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let uri = try await Self.section(
                client, harness, heading: "Objectives",
                body: "The state will protect children online. Schools will teach digital safety.\n\nParents get guidance."
            )
            let amended = "The state will protect all children online. Schools will teach digital safety.\n\nParents get guidance."
            let proposed = try await Self.propose(client, uri, as: harness.tokens["member"], body: amended)
            #expect(proposed.status == .created)
            let number = proposed.object["number"] as? Int ?? 0
            let amendmentURI = "/strategies/\(harness.strategyID)/amendments/\(number)"
            #expect(proposed.headers[.location] == amendmentURI)
            #expect(proposed.object["status"] as? String == "open")
            #expect(proposed.object["mergeable"] as? Bool == true)
            #expect(proposed.object["group"] as? String == "industry")
            let paragraphs = (proposed.object["diff"] as? [String: Any])?["paragraphs"] as? [[String: Any]] ?? []
            let operations = paragraphs.first?["operations"] as? [[String: Any]] ?? []
            #expect(operations.contains { $0["kind"] as? String == "insert" && $0["text"] as? String == "all " })
            #expect(paragraphs.count == 2 && paragraphs[1]["changed"] as? Bool == false)

            #expect(try await Self.propose(client, uri, as: harness.tokens["observer"], body: amended).status == .forbidden)
            #expect(try await Self.propose(client, uri, as: harness.tokens["outsider"], body: amended).status == .notFound)

            let support = try await client.send(.post, amendmentURI + "/support", as: harness.tokens["signatory"])
            #expect(support.status == .ok)
            let supporters = support.object["supporters"] as? [[String: Any]] ?? []
            #expect(supporters.map { $0["group"] as? String } == ["government"])
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["signatory"]).status == .conflict)
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["member"]).status == .conflict)
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["facilitator"]).status == .forbidden)
            #expect(try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["member"]).status == .forbidden)

            let accepted = try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["facilitator"])
            #expect(accepted.status == .ok)
            #expect(accepted.object["status"] as? String == "accepted")
            #expect(accepted.object["acceptedRevision"] as? Int == 2)
            #expect(accepted.headers[.eTag] == "\"2\"")
            let section = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(section.object["body"] as? String == amended)
            let revision = try await client.send(.get, uri + "/revisions/2", as: harness.tokens["observer"])
            let source = revision.object["source"] as? [String: Any] ?? [:]
            #expect(source["kind"] as? String == "amendment" && source["reference"] as? Int == number)

            let again = try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["facilitator"])
            #expect(again.status == .conflict && again.isProblem)
            #expect(try await client.send(.post, amendmentURI + "/withdraw", as: harness.tokens["member"]).status == .conflict)

            let activity = try await client.send(.get, "/strategies/\(harness.strategyID)/activity?limit=200", as: harness.tokens["member"])
            let actions = (activity.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.contains("amendment.proposed") && actions.contains("amendment.supported") && actions.contains("amendment.accepted"))
        }
    }

    @Test func redlinesComeAsJSONUnifiedTextAndHTML() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let uri = try await Self.section(client, harness, heading: "Reporting", body: "Report <harm> quickly.\n\nHelp & advice.")
            let put = try await client.send(
                .put, uri, as: harness.tokens["facilitator"],
                json: #"{"heading":"Reporting harm","body":"Report <harm> at once.\n\nHelp & advice."}"#,
                headers: [.ifMatch: "\"1\""]
            )
            #expect(put.status == .ok)
            let json = try await client.send(.get, uri + "/diff?from=1", as: harness.tokens["observer"])
            #expect(json.status == .ok && json.object["to"] as? Int == 2 && json.object["granularity"] as? String == "word")
            #expect((json.object["heading"] as? [String: Any])?["changed"] as? Bool == true)
            let paragraphs = json.object["paragraphs"] as? [[String: Any]] ?? []
            let kinds = paragraphs.flatMap { ($0["operations"] as? [[String: Any]] ?? []).map { "\($0["kind"]!):\($0["text"]!)" } }
            #expect(kinds.contains("delete:quickly") && kinds.contains("insert:at once"))
            let html = try await client.send(.get, uri + "/diff?from=1&format=html", as: harness.tokens["observer"])
            #expect(html.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.text.contains("<del>quickly</del><ins>at once</ins>") && html.text.contains("&lt;harm&gt;") && !html.text.contains("<harm>"))
            #expect(html.text.contains("Help &amp; advice."))
            let words = try await client.send(.get, uri + "/diff?from=1&to=2&format=unified", as: harness.tokens["observer"])
            #expect(words.text.contains("[-quickly-]{+at once+}"))
            let lines = try await client.send(.get, uri + "/diff?from=1&granularity=line&format=unified", as: harness.tokens["observer"])
            #expect(lines.text.contains("-Report <harm> quickly.\n+Report <harm> at once.\n"))
            let hunks = try await client.send(.get, uri + "/diff?from=1&granularity=line", as: harness.tokens["observer"])
            #expect((hunks.object["hunks"] as? [[String: Any]])?.count == 1)
            #expect(try await client.send(.get, uri + "/diff?from=9", as: harness.tokens["observer"]).status == .notFound)
            #expect(try await client.send(.get, uri + "/diff?from=1&to=7", as: harness.tokens["observer"]).status == .notFound)
            #expect(try await client.send(.get, uri + "/diff", as: harness.tokens["observer"]).status == .badRequest)
            #expect(try await client.send(.get, uri + "/diff?from=1&format=pdf", as: harness.tokens["observer"]).status == .badRequest)
            #expect(try await client.send(.get, uri + "/diff?from=1", as: harness.tokens["outsider"]).status == .notFound)
        }
    }

    @Test func amendmentsOnDifferentWordsOfOneParagraphBothMerge() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let uri = try await Self.section(client, harness, heading: "Scope", body: "The state will protect children online and offline.")
            let first = try await Self.propose(
                client, uri, as: harness.tokens["member"], body: "The state will protect all children online and offline.")
            let second = try await Self.propose(
                client, uri, as: harness.tokens["signatory"], body: "The state will protect children online and at school.")
            let a = first.object["number"] as? Int ?? 0, b = second.object["number"] as? Int ?? 0
            #expect(b == a + 1)
            #expect(second.object["collidesWith"] as? [Int] == [])
            let base = "/strategies/\(harness.strategyID)/amendments/"
            #expect(try await client.send(.post, base + "\(a)/accept", as: harness.tokens["facilitator"]).status == .ok)
            let rebased = try await client.send(.get, base + "\(b)", as: harness.tokens["member"])
            #expect(rebased.object["mergeable"] as? Bool == true && rebased.object["checkedRevision"] as? Int == 2)
            let accepted = try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"])
            #expect(accepted.status == .ok && accepted.object["acceptedRevision"] as? Int == 3)
            let section = try await client.send(.get, uri, as: harness.tokens["member"])
            #expect(section.object["body"] as? String == "The state will protect all children online and at school.")
        }
    }

    @Test func amendmentsOnTheSameWordsCollideConflictAndAreResolved() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let uri = try await Self.section(
                client, harness, heading: "Removal", body: "Platforms must remove harmful content within 24 hours. Appeals are possible.")
            let first = try await Self.propose(
                client, uri, as: harness.tokens["member"], body: "Platforms must remove harmful content within 12 hours. Appeals are possible.")
            let second = try await Self.propose(
                client, uri, as: harness.tokens["signatory"], body: "Platforms must remove harmful content within 48 hours. Appeals are possible.")
            let a = first.object["number"] as? Int ?? 0, b = second.object["number"] as? Int ?? 0
            let base = "/strategies/\(harness.strategyID)/amendments/"
            let detail = try await client.send(.get, base + "\(a)", as: harness.tokens["observer"])
            #expect(detail.object["collidesWith"] as? [Int] == [b])
            let collisions = try await client.send(.get, base + "\(a)/collisions", as: harness.tokens["observer"])
            let items = collisions.object["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1 && items.first?["amendment"] as? Int == b)
            #expect((items.first?["passage"] as? String)?.contains("24") == true)

            #expect(try await client.send(.post, base + "\(a)/accept", as: harness.tokens["facilitator"]).status == .ok)
            let conflicting = try await client.send(.get, base + "\(b)", as: harness.tokens["observer"])
            #expect(conflicting.object["conflicting"] as? Bool == true && conflicting.object["status"] as? String == "open")
            let listed = try await client.send(
                .get, "/strategies/\(harness.strategyID)/amendments?status=conflicting", as: harness.tokens["observer"])
            #expect((listed.object["items"] as? [[String: Any]])?.compactMap { $0["number"] as? Int } == [b])

            let refused = try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"])
            #expect(refused.status == .conflict && refused.isProblem)
            #expect(refused.object["currentRevision"] as? Int == 2)
            let regions = refused.object["conflicts"] as? [[String: Any]] ?? []
            #expect(regions.count == 1)
            #expect(
                regions.first?["base"] as? String == "24" && regions.first?["current"] as? String == "12"
                    && regions.first?["proposed"] as? String == "48")
            let unchanged = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(unchanged.object["revision"] as? Int == 2)

            let resolved = #"{"body":"Platforms must remove harmful content within 6 hours. Appeals are possible."}"#
            #expect(
                try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved).status == .preconditionRequired)
            let stale = try await client.send(
                .post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let accepted = try await client.send(
                .post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved, headers: [.ifMatch: "\"2\""])
            #expect(accepted.status == .ok && accepted.object["acceptedRevision"] as? Int == 3)
            let final = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(final.object["body"] as? String == "Platforms must remove harmful content within 6 hours. Appeals are possible.")
        }
    }

    @Test func aDirectEditMarksAnOpenAmendmentConflictingAndOthersStayMergeable() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let uri = try await Self.section(client, harness, heading: "Helplines", body: "Helplines answer calls every day. They are free.")
            let touched = try await Self.propose(
                client, uri, as: harness.tokens["member"], body: "Helplines answer calls around the clock. They are free.")
            let elsewhere = try await Self.propose(
                client, uri, as: harness.tokens["member"], body: "Helplines answer calls every day. They are free of charge.")
            let put = try await client.send(
                .put, uri, as: harness.tokens["facilitator"],
                json: #"{"heading":"Helplines","body":"Helplines answer calls on weekdays. They are free."}"#,
                headers: [.ifMatch: "\"1\""]
            )
            #expect(put.status == .ok)
            let base = "/strategies/\(harness.strategyID)/amendments/"
            let first = try await client.send(.get, base + "\(touched.object["number"] as? Int ?? 0)", as: harness.tokens["member"])
            #expect(first.object["conflicting"] as? Bool == true && first.object["checkedRevision"] as? Int == 2)
            let second = try await client.send(.get, base + "\(elsewhere.object["number"] as? Int ?? 0)", as: harness.tokens["member"])
            #expect(second.object["conflicting"] as? Bool == false && second.object["mergeable"] as? Bool == true)
            let activity = try await client.send(.get, "/strategies/\(harness.strategyID)/activity?limit=200", as: harness.tokens["member"])
            #expect(activity.text.contains("amendment.conflicting"))
        }
    }

    @Test func badAmendmentsAreRefusedAndStateChangesFollowTheRules() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let uri = harness.sectionURI
            let member = harness.tokens["member"]
            #expect(try await Self.propose(client, uri, as: member, base: 2, body: "Other.").status == .unprocessableContent)
            #expect(try await Self.propose(client, uri, as: member, base: 1, body: "Children go online early.").status == .unprocessableContent)
            let unknown = try await client.send(
                .post, uri + "/amendments", as: member, json: #"{"baseRevision":1,"body":"x","rationale":"r","status":"accepted"}"#)
            #expect(unknown.status == .unprocessableContent)
            let control = try await client.send(
                .post, uri + "/amendments", as: member, json: #"{"baseRevision":1,"body":"a\u0001b","rationale":"r"}"#)
            #expect(control.status == .unprocessableContent)
            let noRationale = try await client.send(
                .post, uri + "/amendments", as: member, json: #"{"baseRevision":1,"body":"New.","rationale":" "}"#)
            #expect(noRationale.status == .unprocessableContent)
            let huge = String(repeating: "word ", count: 110_000)
            let tooLong = try await Self.propose(client, uri, as: member, body: huge)
            #expect(tooLong.status == .unprocessableContent || tooLong.status == .contentTooLarge)
            let invalidBody = try await client.send(.post, uri + "/amendments", as: harness.tokens["outsider"], json: #"{"baseRevision":"one"}"#)
            #expect(invalidBody.status == .notFound)

            let created = try await Self.propose(client, uri, as: member, body: "Children go online very early.")
            let amendment = "/strategies/\(harness.strategyID)/amendments/\(created.object["number"] as? Int ?? 0)"
            #expect(try await client.send(.post, amendment + "/withdraw", as: harness.tokens["signatory"]).status == .forbidden)
            #expect(
                try await client.send(.post, amendment + "/reject", as: harness.tokens["facilitator"], json: #"{"reason":""}"#).status
                    == .unprocessableContent)
            #expect(try await client.send(.post, amendment + "/withdraw", as: member).status == .ok)
            #expect(try await client.send(.post, amendment + "/accept", as: harness.tokens["facilitator"]).status == .conflict)
            #expect(
                try await client.send(.post, amendment + "/reject", as: harness.tokens["facilitator"], json: #"{"reason":"late"}"#).status
                    == .conflict)
            #expect(try await client.send(.get, "/strategies/\(harness.strategyID)/amendments/99", as: member).status == .notFound)
            #expect(try await client.send(.get, "/strategies/\(harness.strategyID)/amendments?status=maybe", as: member).status == .badRequest)

            let rejected = try await Self.propose(client, uri, as: member, body: "Children go online too early.")
            let rejectedURI = "/strategies/\(harness.strategyID)/amendments/\(rejected.object["number"] as? Int ?? 0)"
            let reject = try await client.send(.post, rejectedURI + "/reject", as: harness.tokens["facilitator"], json: #"{"reason":"Out of scope"}"#)
            #expect(reject.status == .ok && reject.object["reason"] as? String == "Out of scope" && reject.object["status"] as? String == "rejected")
            let byGroup = try await client.send(.get, "/strategies/\(harness.strategyID)/amendments?group=industry&status=rejected", as: member)
            #expect((byGroup.object["items"] as? [[String: Any]])?.count == 1)

            // Phases: forward one step at a time; no new amendments in final review.
            let strategy = "/strategies/\(harness.strategyID)"
            #expect(try await client.send(.patch, strategy, as: member, json: #"{"phase":"consultation"}"#).status == .forbidden)
            #expect(
                try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"final-review"}"#).status == .conflict)
            #expect(
                try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"later"}"#).status
                    == .unprocessableContent)
            let consultation = try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"consultation"}"#)
            #expect(consultation.object["phase"] as? String == "consultation")
            #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"drafting"}"#).status == .conflict)
            #expect(try await Self.propose(client, uri, as: member, body: "Children go online at five.").status == .created)
            #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"final-review"}"#).status == .ok)
            let late = try await Self.propose(client, uri, as: member, body: "Children go online at six.")
            #expect(late.status == .conflict && late.object["phase"] as? String == "final-review")
            #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"adopted"}"#).status == .conflict)
        }
    }

    @Test func draftComparisonReportsMovedRenamedAddedRemovedAndChangedSections() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let facilitator = harness.tokens["facilitator"]
            let scope = try await Self.section(client, harness, heading: "Scope", body: "All children.")
            let measures = try await Self.section(client, harness, heading: "Measures", body: "Several measures.")
            let measuresID = Int(measures.split(separator: "/").last!)!
            let schools = try await Self.section(client, harness, heading: "Schools", body: "Teach safety.", parent: measuresID)
            let old = try await Self.section(client, harness, heading: "Annex", body: "To be dropped.")
            let strategy = "/strategies/\(harness.strategyID)"
            #expect(try await client.send(.post, strategy + "/drafts", as: harness.tokens["member"], json: #"{"title":"Mine"}"#).status == .forbidden)
            let first = try await client.send(
                .post, strategy + "/drafts", as: facilitator, json: #"{"title":"Draft for consultation","note":"First"}"#)
            #expect(first.status == .created && first.headers[.location] == strategy + "/drafts/1")
            #expect((first.object["sections"] as? [[String: Any]])?.count == 5)

            _ = try await client.send(
                .put, harness.sectionURI, as: facilitator, json: #"{"heading":"Introduction","body":"Children go online very early."}"#,
                headers: [.ifMatch: "\"1\""])
            _ = try await client.send(
                .put, scope, as: facilitator, json: #"{"heading":"Scope and aims","body":"All children."}"#, headers: [.ifMatch: "\"1\""])
            _ = try await client.send(.patch, schools, as: facilitator, json: #"{"parent":null}"#, headers: [.ifMatch: "\"1\""])
            #expect(try await client.send(.delete, old, as: facilitator).status == .noContent)
            let added = try await Self.section(client, harness, heading: "Evaluation", body: "Every two years.")
            let second = try await client.send(.post, strategy + "/drafts", as: facilitator, json: #"{"title":"Final draft"}"#)
            #expect(second.object["number"] as? Int == 2)

            let comparison = try await client.send(.get, strategy + "/drafts/1/compare/2", as: harness.tokens["observer"])
            #expect(comparison.status == .ok)
            let summary = comparison.object["summary"] as? [String: Int] ?? [:]
            #expect(summary == ["added": 1, "removed": 1, "moved": 1, "renamed": 1, "changed": 1, "unchanged": 1])
            var changes: [Int: [String]] = [:]
            var diffs: [Int: [[String: Any]]] = [:]
            for entry in comparison.object["sections"] as? [[String: Any]] ?? [] {
                changes[entry["id"] as? Int ?? 0] = entry["changes"] as? [String]
                diffs[entry["id"] as? Int ?? 0] = entry["diff"] as? [[String: Any]]
            }
            func id(_ uri: String) -> Int { Int(uri.split(separator: "/").last!)! }
            #expect(changes[Int(harness.sectionID)] == ["changed"])
            #expect(changes[id(scope)] == ["renamed"])
            #expect(changes[id(schools)] == ["moved"])
            #expect(changes[id(old)] == ["removed"])
            #expect(changes[id(added)] == ["added"])
            #expect(changes[measuresID] == ["unchanged"])
            let operations = diffs[Int(harness.sectionID)]?.first?["operations"] as? [[String: Any]] ?? []
            #expect(operations.contains { $0["kind"] as? String == "insert" && $0["text"] as? String == "very " })

            let draft = try await client.send(.get, strategy + "/drafts/1", as: harness.tokens["observer"])
            let bodies = (draft.object["sections"] as? [[String: Any]] ?? []).compactMap { $0["body"] as? String }
            #expect(bodies.contains("Children go online early.") && bodies.contains("To be dropped."))
            let list = try await client.send(.get, strategy + "/drafts", as: harness.tokens["observer"])
            #expect((list.object["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["Draft for consultation", "Final draft"])
            #expect(try await client.send(.get, strategy + "/drafts/3", as: harness.tokens["observer"]).status == .notFound)
            #expect(try await client.send(.get, strategy + "/drafts/1/compare/3", as: harness.tokens["observer"]).status == .notFound)
            #expect(try await client.send(.get, strategy + "/drafts/1", as: harness.tokens["outsider"]).status == .notFound)
        }
    }

    /// Many clients accept amendments on one section at once: every accepted change is in the final text.
    @Test func concurrentAcceptsNeverLoseAnUpdate() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let sentences = (1...12).map { "Measure \($0) applies." }
            let uri = try await Self.section(client, harness, heading: "Measures", body: sentences.joined(separator: " "))
            var numbers: [Int] = []
            for index in sentences.indices {
                var changed = sentences
                changed[index] = "Measure \(index + 1) applies to everyone."
                let response = try await Self.propose(client, uri, as: harness.tokens["member"], body: changed.joined(separator: " "))
                numbers.append(response.object["number"] as? Int ?? 0)
            }
            // One more on the same words as the first, so that some accept must be a clean 409.
            var rival = sentences
            rival[0] = "Measure 1 applies to nobody."
            let rivalNumber =
                try await Self.propose(client, uri, as: harness.tokens["signatory"], body: rival.joined(separator: " ")).object["number"] as? Int ?? 0
            let port = client.port!
            let tokens = [harness.tokens["facilitator"]!, harness.tokens["admin"]!]
            let statuses = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status).self) { group in
                for (index, number) in (numbers + [rivalNumber]).enumerated() {
                    group.addTask {
                        let own = TestClient(host: "127.0.0.1", port: port)
                        own.connect()
                        defer { Task { try? await own.shutdown() } }
                        let response = try await own.execute(
                            TestClient.Request(
                                "/strategies/\(harness.strategyID)/amendments/\(number)/accept", method: .post,
                                headers: [.authorization: "Bearer \(tokens[index % 2])"]
                            ))
                        return (number, response.status)
                    }
                }
                var statuses: [Int: HTTPResponse.Status] = [:]
                for try await (number, status) in group { statuses[number] = status }
                return statuses
            }
            #expect(statuses.values.allSatisfy { $0 == .ok || $0 == .conflict })
            let accepted = statuses.filter { $0.value == .ok }.map(\.key)
            #expect(statuses[numbers[0]] != statuses[rivalNumber])
            let section = try await client.send(.get, uri, as: harness.tokens["member"])
            let body = section.object["body"] as? String ?? ""
            #expect(section.object["revision"] as? Int == 1 + accepted.count)
            for (index, number) in numbers.enumerated() where accepted.contains(number) {
                #expect(body.contains("Measure \(index + 1) applies to everyone."))
            }
            #expect(accepted.count == numbers.count)
            #expect(accepted.contains(rivalNumber) == body.contains("nobody"))
        }
    }
}
