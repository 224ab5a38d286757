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
        let json = try Self.json(NewSection(heading: heading, body: body, parent: parent))
        let created = try await client.send(.post, "/strategies/\(harness.strategyID)/sections", as: harness.tokens["facilitator"], json: json)
        #expect(created.status == .created)
        return created.headers[.location] ?? ""
    }

    struct NewSection: Encodable {
        var heading: String
        var body: String
        var parent: Int? = nil
    }

    struct NewAmendment: Encodable {
        var baseRevision: Int
        var body: String
        var rationale: String
        var heading: String?
    }

    static func json(_ body: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }

    static func propose(
        _ client: some TestClientProtocol, _ sectionURI: String, as token: String?, base: Int = 1, body: String, heading: String? = nil
    ) async throws -> TestResponse {
        let amendment = NewAmendment(baseRevision: base, body: body, rationale: "Because it is better.", heading: heading)
        return try await client.send(.post, sectionURI + "/amendments", as: token, json: try json(amendment))
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
            let amendment = try proposed.decode(Wire.Amendment.self)
            let number = amendment.number
            let amendmentURI = "/strategies/\(harness.strategyID)/amendments/\(number)"
            #expect(proposed.headers[.location] == amendmentURI)
            #expect(amendment.status == "open")
            #expect(amendment.mergeable == true)
            #expect(amendment.group == "industry")
            let paragraphs = amendment.diff.paragraphs
            let operations = try #require(paragraphs.first).operations
            #expect(operations.contains { $0.kind == "insert" && $0.text == "all " })
            #expect(paragraphs.count == 2 && !paragraphs[1].changed)

            #expect(try await Self.propose(client, uri, as: harness.tokens["observer"], body: amended).status == .forbidden)
            #expect(try await Self.propose(client, uri, as: harness.tokens["outsider"], body: amended).status == .notFound)

            let support = try await client.send(.post, amendmentURI + "/support", as: harness.tokens["signatory"])
            #expect(support.status == .ok)
            #expect(try support.decode(Wire.Amendment.self).supporters.map(\.group) == ["government"])
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["signatory"]).status == .conflict)
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["member"]).status == .conflict)
            #expect(try await client.send(.post, amendmentURI + "/support", as: harness.tokens["facilitator"]).status == .forbidden)
            #expect(try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["member"]).status == .forbidden)

            let accepted = try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["facilitator"])
            #expect(accepted.status == .ok)
            let decided = try accepted.decode(Wire.Amendment.self)
            #expect(decided.status == "accepted")
            #expect(decided.acceptedRevision == 2)
            #expect(accepted.headers[.eTag] == "\"2\"")
            let section = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(try section.decode(Wire.Section.self).body == amended)
            let revision = try await client.send(.get, uri + "/revisions/2", as: harness.tokens["observer"])
            let source = try revision.decode(Wire.Revision.self).source
            #expect(source.kind == "amendment" && source.reference == number)

            let again = try await client.send(.post, amendmentURI + "/accept", as: harness.tokens["facilitator"])
            #expect(again.status == .conflict && again.isProblem)
            #expect(try await client.send(.post, amendmentURI + "/withdraw", as: harness.tokens["member"]).status == .conflict)

            let activity = try await client.send(.get, "/strategies/\(harness.strategyID)/activity?limit=200", as: harness.tokens["member"])
            let actions = try activity.decode(Wire.Page<Wire.Activity>.self).items.map(\.action)
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
            #expect(json.status == .ok)
            let redline = try json.decode(Wire.Redline.self)
            #expect(redline.to == 2 && redline.granularity == "word")
            #expect(redline.heading.changed)
            let kinds = (redline.paragraphs ?? []).flatMap { $0.operations.map { "\($0.kind):\($0.text)" } }
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
            #expect(try hunks.decode(Wire.Redline.self).hunks?.count == 1)
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
            let a = try first.decode(Wire.Amendment.self).number, b = try second.decode(Wire.Amendment.self).number
            #expect(b == a + 1)
            #expect(try second.decode(Wire.Amendment.self).collidesWith == [])
            let base = "/strategies/\(harness.strategyID)/amendments/"
            #expect(try await client.send(.post, base + "\(a)/accept", as: harness.tokens["facilitator"]).status == .ok)
            let rebased = try await client.send(.get, base + "\(b)", as: harness.tokens["member"])
            let rebasedAmendment = try rebased.decode(Wire.Amendment.self)
            #expect(rebasedAmendment.mergeable == true && rebasedAmendment.checkedRevision == 2)
            let accepted = try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"])
            #expect(accepted.status == .ok)
            #expect(try accepted.decode(Wire.Amendment.self).acceptedRevision == 3)
            let section = try await client.send(.get, uri, as: harness.tokens["member"])
            #expect(try section.decode(Wire.Section.self).body == "The state will protect all children online and at school.")
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
            let a = try first.decode(Wire.Amendment.self).number, b = try second.decode(Wire.Amendment.self).number
            let base = "/strategies/\(harness.strategyID)/amendments/"
            let detail = try await client.send(.get, base + "\(a)", as: harness.tokens["observer"])
            #expect(try detail.decode(Wire.Amendment.self).collidesWith == [b])
            let collisions = try await client.send(.get, base + "\(a)/collisions", as: harness.tokens["observer"])
            let items = try collisions.decode(Wire.Page<Wire.Collision>.self).items
            #expect(items.count == 1 && items.first?.amendment == b)
            #expect(items.first?.passage.contains("24") == true)

            #expect(try await client.send(.post, base + "\(a)/accept", as: harness.tokens["facilitator"]).status == .ok)
            let conflicting = try await client.send(.get, base + "\(b)", as: harness.tokens["observer"])
            let conflictingAmendment = try conflicting.decode(Wire.Amendment.self)
            #expect(conflictingAmendment.conflicting && conflictingAmendment.status == "open")
            let listed = try await client.send(
                .get, "/strategies/\(harness.strategyID)/amendments?status=conflicting", as: harness.tokens["observer"])
            #expect(try listed.decode(Wire.Page<Wire.Amendment>.self).items.map(\.number) == [b])

            let refused = try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"])
            #expect(refused.status == .conflict && refused.isProblem)
            let problem = try refused.decode(Wire.Problem.self)
            #expect(problem.currentRevision == 2)
            let region = try #require(problem.conflicts?.first)
            #expect(problem.conflicts?.count == 1)
            #expect(region.base == "24" && region.current == "12" && region.proposed == "48")
            let unchanged = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(try unchanged.decode(Wire.Section.self).revision == 2)

            let resolved = #"{"body":"Platforms must remove harmful content within 6 hours. Appeals are possible."}"#
            #expect(
                try await client.send(.post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved).status == .preconditionRequired)
            let stale = try await client.send(
                .post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let accepted = try await client.send(
                .post, base + "\(b)/accept", as: harness.tokens["facilitator"], json: resolved, headers: [.ifMatch: "\"2\""])
            #expect(accepted.status == .ok)
            #expect(try accepted.decode(Wire.Amendment.self).acceptedRevision == 3)
            let final = try await client.send(.get, uri, as: harness.tokens["observer"])
            #expect(try final.decode(Wire.Section.self).body == "Platforms must remove harmful content within 6 hours. Appeals are possible.")
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
            let first = try await client.send(.get, base + "\(try touched.decode(Wire.Amendment.self).number)", as: harness.tokens["member"])
            let conflicting = try first.decode(Wire.Amendment.self)
            #expect(conflicting.conflicting && conflicting.checkedRevision == 2)
            let second = try await client.send(.get, base + "\(try elsewhere.decode(Wire.Amendment.self).number)", as: harness.tokens["member"])
            let mergeable = try second.decode(Wire.Amendment.self)
            #expect(!mergeable.conflicting && mergeable.mergeable == true)
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
            let amendment = "/strategies/\(harness.strategyID)/amendments/\(try created.decode(Wire.Amendment.self).number)"
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
            let rejectedURI = "/strategies/\(harness.strategyID)/amendments/\(try rejected.decode(Wire.Amendment.self).number)"
            let reject = try await client.send(.post, rejectedURI + "/reject", as: harness.tokens["facilitator"], json: #"{"reason":"Out of scope"}"#)
            #expect(reject.status == .ok)
            let rejection = try reject.decode(Wire.Amendment.self)
            #expect(rejection.reason == "Out of scope" && rejection.status == "rejected")
            let byGroup = try await client.send(.get, "/strategies/\(harness.strategyID)/amendments?group=industry&status=rejected", as: member)
            #expect(try byGroup.decode(Wire.Page<Wire.Amendment>.self).items.count == 1)

            // Phases: forward one step at a time; no new amendments in final review.
            let strategy = "/strategies/\(harness.strategyID)"
            #expect(try await client.send(.patch, strategy, as: member, json: #"{"phase":"consultation"}"#).status == .forbidden)
            #expect(
                try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"final-review"}"#).status == .conflict)
            #expect(
                try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"later"}"#).status
                    == .unprocessableContent)
            let consultation = try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"consultation"}"#)
            #expect(try consultation.decode(Wire.Strategy.self).phase == "consultation")
            #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"drafting"}"#).status == .conflict)
            #expect(try await Self.propose(client, uri, as: member, body: "Children go online at five.").status == .created)
            #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"final-review"}"#).status == .ok)
            let late = try await Self.propose(client, uri, as: member, body: "Children go online at six.")
            #expect(late.status == .conflict)
            #expect(try late.decode(Wire.Problem.self).phase == "final-review")
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
            #expect(try first.decode(Wire.Draft.self).sections?.count == 5)

            _ = try await client.send(
                .put, harness.sectionURI, as: facilitator, json: #"{"heading":"Introduction","body":"Children go online very early."}"#,
                headers: [.ifMatch: "\"1\""])
            _ = try await client.send(
                .put, scope, as: facilitator, json: #"{"heading":"Scope and aims","body":"All children."}"#, headers: [.ifMatch: "\"1\""])
            _ = try await client.send(.patch, schools, as: facilitator, json: #"{"parent":null}"#, headers: [.ifMatch: "\"1\""])
            #expect(try await client.send(.delete, old, as: facilitator).status == .noContent)
            let added = try await Self.section(client, harness, heading: "Evaluation", body: "Every two years.")
            let second = try await client.send(.post, strategy + "/drafts", as: facilitator, json: #"{"title":"Final draft"}"#)
            #expect(try second.decode(Wire.Draft.self).number == 2)

            let comparison = try await client.send(.get, strategy + "/drafts/1/compare/2", as: harness.tokens["observer"])
            #expect(comparison.status == .ok)
            let compared = try comparison.decode(Wire.Comparison.self)
            #expect(compared.summary == ["added": 1, "removed": 1, "moved": 1, "renamed": 1, "changed": 1, "unchanged": 1])
            var changes: [Int: [String]] = [:]
            var diffs: [Int: [Wire.Paragraph]] = [:]
            for entry in compared.sections {
                changes[Int(entry.id)] = entry.changes
                diffs[Int(entry.id)] = entry.diff
            }
            func id(_ uri: String) -> Int { Int(uri.split(separator: "/").last!)! }
            #expect(changes[Int(harness.sectionID)] == ["changed"])
            #expect(changes[id(scope)] == ["renamed"])
            #expect(changes[id(schools)] == ["moved"])
            #expect(changes[id(old)] == ["removed"])
            #expect(changes[id(added)] == ["added"])
            #expect(changes[measuresID] == ["unchanged"])
            let operations = try #require(diffs[Int(harness.sectionID)]?.first).operations
            #expect(operations.contains { $0.kind == "insert" && $0.text == "very " })

            let draft = try await client.send(.get, strategy + "/drafts/1", as: harness.tokens["observer"])
            let bodies = try draft.decode(Wire.Draft.self).sections?.compactMap(\.body) ?? []
            #expect(bodies.contains("Children go online early.") && bodies.contains("To be dropped."))
            let list = try await client.send(.get, strategy + "/drafts", as: harness.tokens["observer"])
            #expect(try list.decode(Wire.Page<Wire.Draft>.self).items.map(\.title) == ["Draft for consultation", "Final draft"])
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
                numbers.append(try response.decode(Wire.Amendment.self).number)
            }
            // One more on the same words as the first, so that some accept must be a clean 409.
            var rival = sentences
            rival[0] = "Measure 1 applies to nobody."
            let rivalNumber =
                try await Self.propose(client, uri, as: harness.tokens["signatory"], body: rival.joined(separator: " ")).decode(Wire.Amendment.self)
                .number
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
            let final = try section.decode(Wire.Section.self)
            let body = final.body
            #expect(final.revision == 1 + accepted.count)
            for (index, number) in numbers.enumerated() where accepted.contains(number) {
                #expect(body.contains("Measure \(index + 1) applies to everyone."))
            }
            #expect(accepted.count == numbers.count)
            #expect(accepted.contains(rivalNumber) == body.contains("nobody"))
        }
    }
}
