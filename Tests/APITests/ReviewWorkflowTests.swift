import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Comments, dispositions, the comment matrix, sign-off and adoption through the real server on loopback.
@Suite struct ReviewWorkflowTests {
    typealias Drafting = DraftingWorkflowTests

    static func offsets(of passage: String, in body: String) -> (start: Int, end: Int) {
        let range = body.range(of: passage)!
        let start = body.utf8.distance(from: body.startIndex, to: range.lowerBound)
        return (start, start + passage.utf8.count)
    }

    static func comment(
        _ client: some TestClientProtocol, _ harness: Harness, section: Int, revision: Int, body: String, on passage: String,
        text: String = "This needs work.", kind: String = "substantive", suggestion: String? = nil, as role: String = "member"
    ) async throws -> TestResponse {
        let (start, end) = offsets(of: passage, in: body)
        let comment = NewComment(
            section: section, revision: revision, anchor: .init(start: start, end: end), body: text, kind: kind, suggestion: suggestion)
        return try await client.send(.post, "/strategies/\(harness.strategyID)/comments", as: harness.tokens[role], json: try Drafting.json(comment))
    }

    static func put(_ client: some TestClientProtocol, _ harness: Harness, _ uri: String, revision: Int, heading: String, body: String) async throws {
        let response = try await client.send(
            .put, uri, as: harness.tokens["facilitator"], json: try Drafting.json(Drafting.NewSection(heading: heading, body: body)),
            headers: [.ifMatch: "\"\(revision)\""]
        )
        #expect(response.status == .ok, "\(response.text)")
    }

    static func id(_ uri: String) -> Int { Int(uri.split(separator: "/").last!)! }

    struct NewComment: Encodable {
        struct Anchor: Encodable {
            var start: Int
            var end: Int
        }

        var section: Int?
        var revision: Int?
        var anchor: Anchor?
        var amendment: Int?
        var body: String
        var kind: String?
        var suggestion: String?
    }

    @Test func aCommentFollowsItsPassageAcrossThreeRevisions() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let body1 = "Children go online early. Schools teach digital safety in every class. Parents need support."
            let uri = try await Drafting.section(client, harness, heading: "Education", body: body1)
            let passage = "Schools teach digital safety"
            let posted = try await Self.comment(client, harness, section: Self.id(uri), revision: 1, body: body1, on: passage)
            #expect(posted.status == .created, "\(posted.text)")
            let commentURI = posted.headers[.location] ?? ""
            let comment = try posted.decode(Wire.Comment.self)
            var anchor = try #require(comment.anchor)
            #expect(anchor.status == "anchored")
            #expect(anchor.quote == passage)
            #expect(anchor.contextBefore == "Children go online early. ")
            #expect(comment.group == "industry")

            // 1: a sentence before it moves the passage.
            let body2 = "Every child has rights. " + body1
            try await Self.put(client, harness, uri, revision: 1, heading: "Education", body: body2)
            anchor = try #require(try await client.send(.get, commentURI, as: harness.tokens["observer"]).decode(Wire.Comment.self).anchor)
            var current = try #require(anchor.current)
            #expect(anchor.status == "shifted")
            #expect(current.text == passage)
            #expect(current.start == Self.offsets(of: passage, in: body2).start)
            #expect(current.revision == 2)

            // 2: the passage itself is edited.
            let body3 = body2.replacingOccurrences(of: "teach digital safety", with: "teach online safety")
            try await Self.put(client, harness, uri, revision: 2, heading: "Education", body: body3)
            anchor = try #require(try await client.send(.get, commentURI, as: harness.tokens["member"]).decode(Wire.Comment.self).anchor)
            current = try #require(anchor.current)
            #expect(anchor.status == "changed")
            #expect(current.text == "Schools teach online safety")
            #expect(anchor.quote == passage)

            // 3: the sentence is deleted; the comment stays, with its quote.
            let body4 = "Every child has rights. Children go online early. Parents need support."
            try await Self.put(client, harness, uri, revision: 3, heading: "Education", body: body4)
            let listed = try await client.send(
                .get, "/strategies/\(harness.strategyID)/comments?section=\(Self.id(uri))", as: harness.tokens["member"])
            let items = try listed.decode(Wire.Page<Wire.Comment>.self).items
            #expect(items.count == 1)
            anchor = try #require(items.first?.anchor)
            current = try #require(anchor.current)
            #expect(anchor.status == "orphaned")
            #expect(current.start == nil && current.text == nil)
            #expect(anchor.quote == passage)

            // Reads remember where the passage stands; a later read gives the same answer from the cache.
            try await Task.sleep(for: .milliseconds(200))
            let again = try await client.send(.get, commentURI, as: harness.tokens["member"])
            #expect(try again.decode(Wire.Comment.self).anchor?.status == "orphaned")

            // A thread.
            let reply = try await client.send(.post, commentURI + "/replies", as: harness.tokens["signatory"], json: #"{"body":"Agreed."}"#)
            #expect(reply.status == .created)
            let replies = try reply.decode(Wire.Comment.self).replies
            #expect(replies.count == 1 && replies.first?.body == "Agreed." && replies.first?.group == "government")
        }
    }

    @Test func suggestionsAreMergedInOneRevisionAndOverlapsAreRefused() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let body = "Children go online early. Schools teach digital safety. Parents need support."
            let uri = try await Drafting.section(client, harness, heading: "Education", body: body)
            let section = Self.id(uri)
            func suggest(_ passage: String, _ text: String) async throws -> Int {
                let response = try await Self.comment(
                    client, harness, section: section, revision: 1, body: body, on: passage, kind: "editorial", suggestion: text)
                #expect(response.status == .created, "\(response.text)")
                return try response.decode(Wire.Comment.self).number
            }
            let early = try await suggest("early", "very early")
            let safety = try await suggest("digital safety", "online safety and privacy")
            let overlapping = try await suggest("teach digital", "explain")
            let apply = "/strategies/\(harness.strategyID)/sections/\(section)/apply-suggestions"

            let refused = try await client.send(
                .post, apply, as: harness.tokens["facilitator"], json: #"{"comments":[\#(early),\#(safety),\#(overlapping)]}"#)
            #expect(refused.status == .conflict && refused.isProblem)
            #expect(try refused.decode(Wire.Problem.self).comments == [safety, overlapping])
            #expect(try await client.send(.get, uri, as: harness.tokens["member"]).decode(Wire.Section.self).revision == 1)
            #expect(try await client.send(.post, apply, as: harness.tokens["member"], json: #"{"comments":[\#(early)]}"#).status == .forbidden)

            let applied = try await client.send(.post, apply, as: harness.tokens["facilitator"], json: #"{"comments":[\#(early),\#(safety)]}"#)
            #expect(applied.status == .ok, "\(applied.text)")
            let result = try applied.decode(Wire.AppliedSuggestions.self)
            #expect(result.revision == 2)
            #expect(result.body == "Children go online very early. Schools teach online safety and privacy. Parents need support.")
            let revision = try await client.send(.get, uri + "/revisions/2", as: harness.tokens["member"])
            let source = try revision.decode(Wire.Revision.self).source
            #expect(source.kind == "comment" && source.reference == early)
            let resolved = try await client.send(.get, "/strategies/\(harness.strategyID)/comments/\(safety)", as: harness.tokens["member"])
            let disposed = try resolved.decode(Wire.Comment.self)
            #expect(disposed.disposition == "accepted" && disposed.appliedRevision == 2)

            // The overlapping suggestion's passage is now changed: it can be disposed of, but not applied.
            let resolve = "/strategies/\(harness.strategyID)/comments/\(overlapping)/resolve"
            let stale = try await client.send(
                .post, resolve, as: harness.tokens["facilitator"], json: #"{"disposition":"accepted","applySuggestion":true}"#)
            #expect(stale.status == .conflict)
            #expect(try await client.send(.post, resolve, as: harness.tokens["member"], json: #"{"disposition":"noted"}"#).status == .forbidden)
            let noted = try await client.send(
                .post, resolve, as: harness.tokens["facilitator"],
                json: #"{"disposition":"partially-accepted","response":"Covered by comment \#(safety)."}"#)
            #expect(noted.status == .ok)
            #expect(try noted.decode(Wire.Comment.self).status == "resolved")
            #expect(try await client.send(.post, resolve, as: harness.tokens["facilitator"], json: #"{"disposition":"noted"}"#).status == .conflict)

            // One suggestion applied on its own.
            let single = try await Self.comment(
                client, harness, section: section, revision: 2,
                body: "Children go online very early. Schools teach online safety and privacy. Parents need support.",
                on: "need support", suggestion: "deserve help"
            )
            let number = try single.decode(Wire.Comment.self).number
            let one = try await client.send(
                .post, "/strategies/\(harness.strategyID)/comments/\(number)/resolve", as: harness.tokens["facilitator"],
                json: #"{"disposition":"accepted","response":"Thanks.","applySuggestion":true}"#
            )
            #expect(one.status == .ok)
            #expect(try one.decode(Wire.Comment.self).appliedRevision == 3)
            #expect(
                try await client.send(.get, uri, as: harness.tokens["member"]).decode(Wire.Section.self).body
                    == "Children go online very early. Schools teach online safety and privacy. Parents deserve help.")
        }
    }

    @Test func badCommentsAndRightsAreRefused() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let body = "Kinder gehen früh online. Schulen helfen."
            let uri = try await Drafting.section(client, harness, heading: "Bildung", body: body)
            let section = Self.id(uri)
            let comments = "/strategies/\(harness.strategyID)/comments"
            func post(_ comment: NewComment, as role: String = "member") async throws -> TestResponse {
                try await client.send(.post, comments, as: harness.tokens[role], json: try Drafting.json(comment))
            }
            // "ü" is two bytes, at offsets 15 and 16: offset 16 splits it.
            let split = try await post(NewComment(section: section, revision: 1, anchor: .init(start: 16, end: 20), body: "x"))
            #expect(split.status == .unprocessableContent && split.text.contains("UTF-8"))
            #expect(
                try await post(NewComment(section: section, revision: 1, anchor: .init(start: 0, end: 999), body: "x")).status
                    == .unprocessableContent)
            #expect(
                try await post(NewComment(section: section, revision: 7, anchor: .init(start: 0, end: 4), body: "x")).status
                    == .unprocessableContent)
            #expect(
                try await post(NewComment(section: section, anchor: .init(start: 0, end: 4), body: "x", kind: "rant")).status
                    == .unprocessableContent)
            #expect(try await post(NewComment(section: section, body: "x", suggestion: "y")).status == .unprocessableContent)
            #expect(try await post(NewComment(amendment: 99, body: "x")).status == .unprocessableContent)
            #expect(try await post(NewComment(section: section, body: "Whole section.")).status == .created)

            // Observers comment only during consultation; outsiders never learn a comment exists.
            let observer = try await post(NewComment(section: section, body: "Observed."), as: "observer")
            #expect(observer.status == .conflict)
            #expect(try observer.decode(Wire.Problem.self).phase == "drafting")
            #expect(try await post(NewComment(section: section, body: "x"), as: "outsider").status == .notFound)
            #expect(try await client.send(.get, comments + "/1", as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.get, comments + "/matrix", as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.post, comments + "/99/replies", as: harness.tokens["member"], json: #"{"body":"?"}"#).status == .notFound)
            #expect(try await client.send(.post, comments + "/1/replies", as: harness.tokens["outsider"], json: #"{"body":"?"}"#).status == .notFound)
            let phase = try await client.send(
                .patch, "/strategies/\(harness.strategyID)", as: harness.tokens["facilitator"], json: #"{"phase":"consultation"}"#)
            #expect(phase.status == .ok)
            #expect(try await post(NewComment(section: section, body: "Observed."), as: "observer").status == .created)
            let filtered = try await client.send(.get, comments + "?group=industry&kind=general&status=open", as: harness.tokens["observer"])
            #expect(try filtered.decode(Wire.Page<Wire.Comment>.self).items.count == 1)
            #expect(try await client.send(.get, comments + "?status=maybe", as: harness.tokens["observer"]).status == .badRequest)
        }
    }

    @Test func theCSVMatrixSurvivesAParserWithEveryFieldIntact() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let body = "Safety, \"by design\", comes first.\nThen = sign-off."
            let uri = try await Drafting.section(client, harness, heading: "Design", body: body)
            let texts = ["Plain, with a comma", "She said \"no\"", "Two\nlines\r\nand CRLF", "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "Émoji 🧒"]
            for (index, text) in texts.enumerated() {
                let response = try await Self.comment(
                    client, harness, section: Self.id(uri), revision: 1, body: body, on: index % 2 == 0 ? "\"by design\"" : "Then = sign-off.",
                    text: text, suggestion: index == 3 ? "=HYPERLINK(\"x\")" : nil
                )
                #expect(response.status == .created, "\(response.text)")
            }
            let csv = try await client.send(.get, "/strategies/\(harness.strategyID)/comments/matrix?format=csv", as: harness.tokens["observer"])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("matrix-\(UUID().uuidString).csv")
            try Data(csv.body.readableBytesView).write(to: file)
            let parsed = try Self.parseWithPython(file.path)
            #expect(parsed.first == CommentMatrixRow.columns)
            #expect(parsed.count == texts.count + 1)
            for (index, text) in texts.enumerated() where parsed.count > index + 1 {
                let row = parsed[index + 1]
                let expected = ["=", "+", "-", "@"].contains(text.first.map(String.init) ?? "") ? "'" + text : text
                #expect(row[6] == expected, "comment \(index + 1)")
                #expect(row[5] == (index % 2 == 0 ? "\"by design\"" : "Then = sign-off."))
                #expect(row[1] == "industry" && row[3] == "2" && row[10] == "anchored")
            }
            #expect(parsed.count > 4 && parsed[4][7] == "'=HYPERLINK(\"x\")")
            let json = try await client.send(.get, "/strategies/\(harness.strategyID)/comments/matrix", as: harness.tokens["observer"])
            #expect(try json.decode(Wire.Matrix.self).rows.map(\.comment) == texts)
            #expect(
                try await client.send(.get, "/strategies/\(harness.strategyID)/comments/matrix?format=xls", as: harness.tokens["observer"]).status
                    == .badRequest)
        }
    }

    /// Python's csv module reads the file (UTF-8 with its byte order mark) and prints the rows back as JSON.
    static func parseWithPython(_ path: String) throws -> [[String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))))", path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    @Test func groupsSignOffAndTheStrategyIsAdoptedOnlyWhenAllApprove() async throws {
        let harness = try await Harness.make()
        var tokens = harness.tokens
        for group in ["civil-society", "industry"] {
            let (account, token) = try await harness.database.createAccount(name: "Signatory \(group)", admin: false, by: .commandLine)
            tokens[group] = token.token
            let response = try await harness.application().test(.router) { client in
                try await client.send(
                    .put, "/strategies/\(harness.strategyID)/members/\(account.id)", as: harness.tokens["admin"],
                    json: #"{"role":"signatory","group":"\#(group)"}"#
                )
            }
            #expect(response.status == .ok || response.status == .created)
        }
        tokens["government"] = harness.tokens["signatory"]
        let signatories = tokens
        try await harness.application().test(.live) { client in
            let strategy = "/strategies/\(harness.strategyID)"
            let other = try await Drafting.section(client, harness, heading: "Scope", body: "Children under 18.")
            // Section sign-off goes stale only for the section that changed.
            for uri in [harness.sectionURI, other] {
                let signed = try await client.send(
                    .post, uri + "/signoffs", as: signatories["government"], json: #"{"revision":1,"decision":"approve"}"#)
                #expect(signed.status == .created, "\(signed.text)")
            }
            try await Self.put(client, harness, harness.sectionURI, revision: 1, heading: "Introduction", body: "Children go online very early.")
            let stale = try await client.send(.get, harness.sectionURI + "/signoffs", as: harness.tokens["observer"])
            let staleGroups = try stale.decode(Wire.Signoffs.self).groups
            #expect(staleGroups.first { $0.group == "government" }?.stale == true)
            let fresh = try await client.send(.get, other + "/signoffs", as: harness.tokens["observer"])
            #expect(try fresh.decode(Wire.Signoffs.self).groups.first { $0.group == "government" }?.stale == false)
            #expect(
                try await client.send(
                    .post, harness.sectionURI + "/signoffs", as: signatories["government"], json: #"{"revision":1,"decision":"approve"}"#
                ).status == .conflict)

            // A draft, final review, and sign-off by each group.
            #expect(
                try await client.send(.post, strategy + "/drafts", as: harness.tokens["facilitator"], json: #"{"title":"Final draft"}"#).status
                    == .created)
            for phase in ["consultation", "final-review"] {
                #expect(try await client.send(.patch, strategy, as: harness.tokens["facilitator"], json: #"{"phase":"\#(phase)"}"#).status == .ok)
            }
            let signoffs = strategy + "/drafts/1/signoffs"
            let adopt = strategy + "/adopt"
            let early = try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#)
            #expect(early.status == .conflict)
            #expect(try early.decode(Wire.Problem.self).groups == ["government", "civil-society", "industry"])
            #expect(
                try await client.send(.post, signoffs, as: signatories["government"], json: #"{"decision":"approve","group":"industry"}"#).status
                    == .forbidden)
            #expect(try await client.send(.post, signoffs, as: harness.tokens["member"], json: #"{"decision":"approve"}"#).status == .forbidden)
            #expect(
                try await client.send(.post, signoffs, as: signatories["civil-society"], json: #"{"decision":"object"}"#).status
                    == .unprocessableContent)
            #expect(
                try await client.send(.post, signoffs, as: signatories["civil-society"], json: #"{"decision":"maybe"}"#).status
                    == .unprocessableContent)
            #expect(
                try await client.send(.post, strategy + "/drafts/9/signoffs", as: signatories["industry"], json: #"{"decision":"approve"}"#).status
                    == .notFound)
            for (group, json) in [
                ("government", #"{"decision":"approve"}"#), ("civil-society", #"{"decision":"object","note":"Section 2 is too narrow."}"#),
                ("industry", #"{"decision":"approve","note":"With thanks."}"#),
            ] {
                #expect(try await client.send(.post, signoffs, as: signatories[group], json: json).status == .created)
            }
            let blocked = try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#)
            #expect(blocked.status == .conflict)
            #expect(try blocked.decode(Wire.Problem.self).groups == ["civil-society"])
            #expect(
                try await client.send(
                    .post, signoffs, as: signatories["civil-society"], json: #"{"decision":"approve","note":"Fixed in the annex."}"#
                ).status == .created)
            let summary = try await client.send(.get, signoffs, as: harness.tokens["observer"])
            let decisions = try summary.decode(Wire.Signoffs.self)
            #expect(decisions.allApprove)
            #expect(decisions.history.map(\.decision) == ["approve", "object", "approve", "approve"])
            #expect(decisions.groups.first { $0.group == "civil-society" }?.decision == "approve")

            #expect(try await client.send(.post, adopt, as: harness.tokens["member"], json: #"{"draft":1}"#).status == .forbidden)
            #expect(try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":4}"#).status == .unprocessableContent)
            let adopted = try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#)
            #expect(adopted.status == .ok)
            let adoptedStrategy = try adopted.decode(Wire.Strategy.self)
            #expect(adoptedStrategy.phase == "adopted" && adoptedStrategy.adoptedDraft == 1)

            // Adopted: every write is refused naming the phase; reads and the export still work.
            let edit = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["facilitator"], json: #"{"heading":"X","body":"Y"}"#, headers: [.ifMatch: "\"2\""]
            )
            #expect(edit.status == .conflict)
            #expect(try edit.decode(Wire.Problem.self).phase == "adopted")
            let late = try await client.send(
                .post, strategy + "/comments", as: harness.tokens["member"], json: #"{"section":\#(harness.sectionID),"body":"Late."}"#)
            #expect(late.status == .conflict)
            #expect(try late.decode(Wire.Problem.self).phase == "adopted")
            #expect(try await client.send(.post, signoffs, as: signatories["industry"], json: #"{"decision":"abstain"}"#).status == .conflict)
            #expect(
                try await client.send(.post, strategy + "/drafts", as: harness.tokens["facilitator"], json: #"{"title":"Another"}"#).status
                    == .conflict)
            #expect(try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#).status == .conflict)
            #expect(try await client.send(.get, strategy + "/export?format=docbook", as: harness.tokens["observer"]).status == .ok)
            #expect(try await client.send(.get, strategy + "/comments/matrix", as: harness.tokens["observer"]).status == .ok)

            let activity = try await client.send(.get, strategy + "/activity?limit=200", as: harness.tokens["facilitator"])
            let actions = Set(try activity.decode(Wire.Page<Wire.Activity>.self).items.map(\.action))
            #expect(actions.isSuperset(of: ["draft.signed-off", "section.signed-off", "strategy.adopted"]))
        }
    }
}
