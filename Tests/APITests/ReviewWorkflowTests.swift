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
        var object: [String: Any] = [
            "section": section, "revision": revision, "anchor": ["start": start, "end": end], "body": text, "kind": kind,
        ]
        if let suggestion { object["suggestion"] = suggestion }
        return try await client.send(.post, "/strategies/\(harness.strategyID)/comments", as: harness.tokens[role], json: Drafting.json(object))
    }

    static func put(_ client: some TestClientProtocol, _ harness: Harness, _ uri: String, revision: Int, heading: String, body: String) async throws {
        let response = try await client.send(
            .put, uri, as: harness.tokens["facilitator"], json: Drafting.json(["heading": heading, "body": body]),
            headers: [.ifMatch: "\"\(revision)\""]
        )
        #expect(response.status == .ok, "\(response.text)")
    }

    static func id(_ uri: String) -> Int { Int(uri.split(separator: "/").last!)! }

    @Test func aCommentFollowsItsPassageAcrossThreeRevisions() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.live) { client in
            let body1 = "Children go online early. Schools teach digital safety in every class. Parents need support."
            let uri = try await Drafting.section(client, harness, heading: "Education", body: body1)
            let passage = "Schools teach digital safety"
            let posted = try await Self.comment(client, harness, section: Self.id(uri), revision: 1, body: body1, on: passage)
            #expect(posted.status == .created, "\(posted.text)")
            let commentURI = posted.headers[.location] ?? ""
            var anchor = posted.object["anchor"] as? [String: Any] ?? [:]
            #expect(anchor["status"] as? String == "anchored")
            #expect(anchor["quote"] as? String == passage)
            #expect(anchor["contextBefore"] as? String == "Children go online early. ")
            #expect(posted.object["group"] as? String == "industry")

            // 1: a sentence before it moves the passage.
            let body2 = "Every child has rights. " + body1
            try await Self.put(client, harness, uri, revision: 1, heading: "Education", body: body2)
            anchor = try await client.send(.get, commentURI, as: harness.tokens["observer"]).object["anchor"] as? [String: Any] ?? [:]
            var current = anchor["current"] as? [String: Any] ?? [:]
            #expect(anchor["status"] as? String == "shifted")
            #expect(current["text"] as? String == passage)
            #expect(current["start"] as? Int == Self.offsets(of: passage, in: body2).start)
            #expect(current["revision"] as? Int == 2)

            // 2: the passage itself is edited.
            let body3 = body2.replacingOccurrences(of: "teach digital safety", with: "teach online safety")
            try await Self.put(client, harness, uri, revision: 2, heading: "Education", body: body3)
            anchor = try await client.send(.get, commentURI, as: harness.tokens["member"]).object["anchor"] as? [String: Any] ?? [:]
            current = anchor["current"] as? [String: Any] ?? [:]
            #expect(anchor["status"] as? String == "changed")
            #expect(current["text"] as? String == "Schools teach online safety")
            #expect(anchor["quote"] as? String == passage)

            // 3: the sentence is deleted; the comment stays, with its quote.
            let body4 = "Every child has rights. Children go online early. Parents need support."
            try await Self.put(client, harness, uri, revision: 3, heading: "Education", body: body4)
            let listed = try await client.send(
                .get, "/strategies/\(harness.strategyID)/comments?section=\(Self.id(uri))", as: harness.tokens["member"])
            let items = listed.object["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            anchor = items.first?["anchor"] as? [String: Any] ?? [:]
            current = anchor["current"] as? [String: Any] ?? [:]
            #expect(anchor["status"] as? String == "orphaned")
            #expect(current["start"] is NSNull && current["text"] is NSNull)
            #expect(anchor["quote"] as? String == passage)

            // Reads remember where the passage stands; a later read gives the same answer from the cache.
            try await Task.sleep(for: .milliseconds(200))
            let again = try await client.send(.get, commentURI, as: harness.tokens["member"])
            #expect((again.object["anchor"] as? [String: Any])?["status"] as? String == "orphaned")

            // A thread.
            let reply = try await client.send(.post, commentURI + "/replies", as: harness.tokens["signatory"], json: #"{"body":"Agreed."}"#)
            #expect(reply.status == .created)
            let replies = reply.object["replies"] as? [[String: Any]] ?? []
            #expect(replies.count == 1 && replies.first?["body"] as? String == "Agreed." && replies.first?["group"] as? String == "government")
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
                return response.object["number"] as? Int ?? 0
            }
            let early = try await suggest("early", "very early")
            let safety = try await suggest("digital safety", "online safety and privacy")
            let overlapping = try await suggest("teach digital", "explain")
            let apply = "/strategies/\(harness.strategyID)/sections/\(section)/apply-suggestions"

            let refused = try await client.send(
                .post, apply, as: harness.tokens["facilitator"], json: #"{"comments":[\#(early),\#(safety),\#(overlapping)]}"#)
            #expect(refused.status == .conflict && refused.isProblem)
            #expect(refused.object["comments"] as? [Int] == [safety, overlapping])
            #expect(try await client.send(.get, uri, as: harness.tokens["member"]).object["revision"] as? Int == 1)
            #expect(try await client.send(.post, apply, as: harness.tokens["member"], json: #"{"comments":[\#(early)]}"#).status == .forbidden)

            let applied = try await client.send(.post, apply, as: harness.tokens["facilitator"], json: #"{"comments":[\#(early),\#(safety)]}"#)
            #expect(applied.status == .ok, "\(applied.text)")
            #expect(applied.object["revision"] as? Int == 2)
            #expect(
                applied.object["body"] as? String == "Children go online very early. Schools teach online safety and privacy. Parents need support.")
            let revision = try await client.send(.get, uri + "/revisions/2", as: harness.tokens["member"])
            let source = revision.object["source"] as? [String: Any] ?? [:]
            #expect(source["kind"] as? String == "comment" && source["reference"] as? Int == early)
            let resolved = try await client.send(.get, "/strategies/\(harness.strategyID)/comments/\(safety)", as: harness.tokens["member"])
            #expect(resolved.object["disposition"] as? String == "accepted" && resolved.object["appliedRevision"] as? Int == 2)

            // The overlapping suggestion's passage is now changed: it can be disposed of, but not applied.
            let resolve = "/strategies/\(harness.strategyID)/comments/\(overlapping)/resolve"
            let stale = try await client.send(
                .post, resolve, as: harness.tokens["facilitator"], json: #"{"disposition":"accepted","applySuggestion":true}"#)
            #expect(stale.status == .conflict)
            #expect(try await client.send(.post, resolve, as: harness.tokens["member"], json: #"{"disposition":"noted"}"#).status == .forbidden)
            let noted = try await client.send(
                .post, resolve, as: harness.tokens["facilitator"],
                json: #"{"disposition":"partially-accepted","response":"Covered by comment \#(safety)."}"#)
            #expect(noted.status == .ok && noted.object["status"] as? String == "resolved")
            #expect(try await client.send(.post, resolve, as: harness.tokens["facilitator"], json: #"{"disposition":"noted"}"#).status == .conflict)

            // One suggestion applied on its own.
            let single = try await Self.comment(
                client, harness, section: section, revision: 2,
                body: "Children go online very early. Schools teach online safety and privacy. Parents need support.",
                on: "need support", suggestion: "deserve help"
            )
            let number = single.object["number"] as? Int ?? 0
            let one = try await client.send(
                .post, "/strategies/\(harness.strategyID)/comments/\(number)/resolve", as: harness.tokens["facilitator"],
                json: #"{"disposition":"accepted","response":"Thanks.","applySuggestion":true}"#
            )
            #expect(one.status == .ok && one.object["appliedRevision"] as? Int == 3)
            #expect(
                try await client.send(.get, uri, as: harness.tokens["member"]).object["body"] as? String
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
            func post(_ object: [String: Any], as role: String = "member") async throws -> TestResponse {
                try await client.send(.post, comments, as: harness.tokens[role], json: Drafting.json(object))
            }
            // "ü" is two bytes, at offsets 15 and 16: offset 16 splits it.
            let split = try await post(["section": section, "revision": 1, "anchor": ["start": 16, "end": 20], "body": "x"])
            #expect(split.status == .unprocessableContent && split.text.contains("UTF-8"))
            #expect(
                try await post(["section": section, "revision": 1, "anchor": ["start": 0, "end": 999], "body": "x"]).status == .unprocessableContent)
            #expect(
                try await post(["section": section, "revision": 7, "anchor": ["start": 0, "end": 4], "body": "x"]).status == .unprocessableContent)
            #expect(
                try await post(["section": section, "anchor": ["start": 0, "end": 4], "body": "x", "kind": "rant"]).status == .unprocessableContent)
            #expect(try await post(["section": section, "body": "x", "suggestion": "y"]).status == .unprocessableContent)
            #expect(try await post(["amendment": 99, "body": "x"]).status == .unprocessableContent)
            #expect(try await post(["section": section, "body": "Whole section."]).status == .created)

            // Observers comment only during consultation; outsiders never learn a comment exists.
            let observer = try await post(["section": section, "body": "Observed."], as: "observer")
            #expect(observer.status == .conflict && observer.object["phase"] as? String == "drafting")
            #expect(try await post(["section": section, "body": "x"], as: "outsider").status == .notFound)
            #expect(try await client.send(.get, comments + "/1", as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.get, comments + "/matrix", as: harness.tokens["outsider"]).status == .notFound)
            #expect(try await client.send(.post, comments + "/99/replies", as: harness.tokens["member"], json: #"{"body":"?"}"#).status == .notFound)
            #expect(try await client.send(.post, comments + "/1/replies", as: harness.tokens["outsider"], json: #"{"body":"?"}"#).status == .notFound)
            let phase = try await client.send(
                .patch, "/strategies/\(harness.strategyID)", as: harness.tokens["facilitator"], json: #"{"phase":"consultation"}"#)
            #expect(phase.status == .ok)
            #expect(try await post(["section": section, "body": "Observed."], as: "observer").status == .created)
            let filtered = try await client.send(.get, comments + "?group=industry&kind=general&status=open", as: harness.tokens["observer"])
            #expect((filtered.object["items"] as? [[String: Any]])?.count == 1)
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
            let rows = json.object["rows"] as? [[String: Any]] ?? []
            #expect(rows.map { $0["comment"] as? String } == texts)
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
            let staleGroups = stale.object["groups"] as? [[String: Any]] ?? []
            #expect(staleGroups.first { $0["group"] as? String == "government" }?["stale"] as? Bool == true)
            let fresh = try await client.send(.get, other + "/signoffs", as: harness.tokens["observer"])
            #expect((fresh.object["groups"] as? [[String: Any]])?.first { $0["group"] as? String == "government" }?["stale"] as? Bool == false)
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
            #expect(early.status == .conflict && early.object["groups"] as? [String] == ["government", "civil-society", "industry"])
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
            #expect(blocked.status == .conflict && blocked.object["groups"] as? [String] == ["civil-society"])
            #expect(
                try await client.send(
                    .post, signoffs, as: signatories["civil-society"], json: #"{"decision":"approve","note":"Fixed in the annex."}"#
                ).status == .created)
            let summary = try await client.send(.get, signoffs, as: harness.tokens["observer"])
            #expect(summary.object["allApprove"] as? Bool == true)
            #expect(
                (summary.object["history"] as? [[String: Any]])?.map { $0["decision"] as? String } == ["approve", "object", "approve", "approve"])
            let civil = (summary.object["groups"] as? [[String: Any]])?.first { $0["group"] as? String == "civil-society" }
            #expect(civil?["decision"] as? String == "approve")

            #expect(try await client.send(.post, adopt, as: harness.tokens["member"], json: #"{"draft":1}"#).status == .forbidden)
            #expect(try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":4}"#).status == .unprocessableContent)
            let adopted = try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#)
            #expect(adopted.status == .ok && adopted.object["phase"] as? String == "adopted" && adopted.object["adoptedDraft"] as? Int == 1)

            // Adopted: every write is refused naming the phase; reads and the export still work.
            let edit = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["facilitator"], json: #"{"heading":"X","body":"Y"}"#, headers: [.ifMatch: "\"2\""]
            )
            #expect(edit.status == .conflict && edit.object["phase"] as? String == "adopted")
            let late = try await client.send(
                .post, strategy + "/comments", as: harness.tokens["member"], json: #"{"section":\#(harness.sectionID),"body":"Late."}"#)
            #expect(late.status == .conflict && late.object["phase"] as? String == "adopted")
            #expect(try await client.send(.post, signoffs, as: signatories["industry"], json: #"{"decision":"abstain"}"#).status == .conflict)
            #expect(
                try await client.send(.post, strategy + "/drafts", as: harness.tokens["facilitator"], json: #"{"title":"Another"}"#).status
                    == .conflict)
            #expect(try await client.send(.post, adopt, as: harness.tokens["facilitator"], json: #"{"draft":1}"#).status == .conflict)
            #expect(try await client.send(.get, strategy + "/export?format=docbook", as: harness.tokens["observer"]).status == .ok)
            #expect(try await client.send(.get, strategy + "/comments/matrix", as: harness.tokens["observer"]).status == .ok)

            let activity = try await client.send(.get, strategy + "/activity?limit=200", as: harness.tokens["facilitator"])
            let actions = Set((activity.object["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String })
            #expect(actions.isSuperset(of: ["draft.signed-off", "section.signed-off", "strategy.adopted"]))
        }
    }
}
