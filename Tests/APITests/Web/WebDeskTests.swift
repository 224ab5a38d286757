import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The facilitator's desk and the participation page through the real application.
@Suite struct WebDeskTests {
    struct Fixture {
        let harness: Harness
        let member: Account
        let signatory: Account
        let desk: String
    }

    /// Two amendments that change the same word, one that changes another, and comments with suggestions.
    static func fixture() async throws -> Fixture {
        let harness = try await Harness.make()
        let database = harness.database
        let member = try #require(try await database.account(id: harness.accountIDs["member"]!))
        let signatory = try #require(try await database.account(id: harness.accountIDs["signatory"]!))
        let facilitator = try #require(try await database.account(id: harness.accountIDs["facilitator"]!))
        _ = try await database.updateSection(
            strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(1), heading: "Introduction",
            body: "Children go online early.\n\nParents need clear advice.", message: nil, by: facilitator
        )
        for (body, by) in [
            ("Children go online very early.\n\nParents need clear advice.", member),
            ("Children go online too early.\n\nParents need clear advice.", signatory),
            ("Children go online early.\n\nParents need clear, kind advice.", member),
        ] {
            _ = try await database.proposeAmendment(
                strategyID: harness.strategyID, sectionID: harness.sectionID,
                NewAmendment(baseRevision: 2, heading: nil, body: body, rationale: "Better"), by: by
            )
        }
        _ = try await database.supportAmendment(strategyID: harness.strategyID, number: 1, by: signatory)
        let body = "Children go online early.\n\nParents need clear advice."
        func range(_ words: String) -> Range<Int> {
            let start = body.utf8.distance(from: body.startIndex, to: body.range(of: words)!.lowerBound)
            return start..<start + words.utf8.count
        }
        for (words, suggestion, kind, by) in [
            ("Children", "Young people", CommentKind.editorial, member), ("clear", "plain", .editorial, signatory),
            ("Children go", "Kids go", .substantive, member),
        ] {
            _ = try await database.postComment(
                strategyID: harness.strategyID,
                NewComment(
                    target: .section(id: harness.sectionID, revision: 2, anchor: range(words)), kind: kind, body: "Say \(suggestion)",
                    suggestion: suggestion),
                by: by
            )
        }
        return Fixture(harness: harness, member: member, signatory: signatory, desk: "/app/strategies/\(harness.strategyID)/desk")
    }

    @Test func collisionsAreShownTogetherAndDecisionsReturnToTheDesk() async throws {
        let fixture = try await Self.fixture()
        let (harness, desk) = (fixture.harness, fixture.desk)
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await member.get(desk).status == .forbidden)
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = try await facilitator.get(desk)
            #expect(page.status == .ok)
            #expect(page.text.contains("<strong>3</strong> open amendments") && page.text.contains("<strong>3</strong> comments awaiting"))
            #expect(page.text.contains("Amendments 1, 2 change the same words"), "the colliding pair is one group")
            #expect(!page.text.contains("Amendments 1, 2, 3"))
            let accepted = try await facilitator.post("/app/strategies/\(harness.strategyID)/amendments/3/accept", ["from": "desk"])
            #expect(accepted.headers[.location] == desk + "?notice=amendmentAccepted")
            let rejected = try await facilitator.post(
                "/app/strategies/\(harness.strategyID)/amendments/2/reject", ["from": "desk", "reason": "Too strong."]
            )
            #expect(rejected.headers[.location] == desk + "?notice=amendmentRejected")
            #expect(try await facilitator.get(desk).text.contains("<strong>1</strong> open amendments"))
        }
    }

    @Test func commentsAreFilteredDisposedAndTheirSuggestionsAppliedInOneRevision() async throws {
        let fixture = try await Self.fixture()
        let (harness, desk) = (fixture.harness, fixture.desk)
        let strategy = "/app/strategies/\(harness.strategyID)"
        try await harness.application().test(.router) { client in
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let industry = try await facilitator.get(desk + "?group=industry&kind=editorial").text
            #expect(industry.contains("Say Young people") && !industry.contains("Say plain") && !industry.contains("Say Kids"))
            #expect(industry.contains(">Apply selected suggestions</button>") && industry.contains(#"name="comments[]" value="1""#))
            // Overlapping suggestions are named, and nothing is applied.
            let suggestions = "\(strategy)/sections/\(harness.sectionID)/suggestions"
            let overlap = try await facilitator.post(suggestions, pairs: [("comments[]", "1"), ("comments[]", "3")])
            #expect(overlap.status == .unprocessableContent && overlap.text.contains("comments 1, 3 change overlapping passages"))
            let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
            var section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(section.revision == 2)
            // Two that do not overlap: one new revision, back to the desk as it was filtered.
            let batch = try await facilitator.post(
                suggestions + "?group=government", pairs: [("comments[]", "1"), ("comments[]", "2"), ("response", "Plainer.")]
            )
            #expect(batch.headers[.location] == desk + "?group=government&notice=suggestionsApplied")
            section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: admin)
            #expect(section.revision == 3 && section.body == "Young people go online early.\n\nParents need plain advice.")
            // Dispose: a link to the comment's page, where the form is (the script opens it in place on the desk).
            let listed = try await facilitator.get(desk + "?kind=substantive").text
            #expect(
                listed.contains(
                    #"<a class="dispose-link" href="\#(strategy)/comments/3?kind=substantive" data-action="\#(strategy)/comments/3/disposition?kind=substantive""#
                ))
            #expect(listed.contains(#"<template id="dispose-template">"#))
            let thread = try await facilitator.get("\(strategy)/comments/3?kind=substantive").text
            #expect(thread.contains(#"action="\#(strategy)/comments/3/disposition?kind=substantive""#) && thread.contains(">Dispose</button>"))
            let tooLong = try await facilitator.post(
                "\(strategy)/comments/3/disposition?kind=substantive",
                ["disposition": "noted", "response": String(repeating: "x", count: 10_001)]
            )
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains(#"id="response-error""#))
            #expect(tooLong.text.contains(String(repeating: "x", count: 10_001)), "the response typed is kept")
            let noted = try await facilitator.post(
                "\(strategy)/comments/3/disposition?kind=substantive", ["disposition": "noted", "response": "Thanks."]
            )
            #expect(noted.headers[.location] == desk + "?kind=substantive&notice=commentDisposed")
            let refused = try await facilitator.post(
                "\(strategy)/comments/3/disposition", ["disposition": "accepted", "response": "Again", "applySuggestion": "true"]
            )
            #expect(refused.status == .unprocessableContent || refused.status == .conflict)
            let csv = try await facilitator.get(desk + "/comments.csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.text.contains("Say plain"))
            var member = try await WebPagesTests.signIn("member", harness, client)
            // The matrix is every comment with its disposition, which every member reads anyway: the page gives it
            // to whom the API gives it (`readCommentMatrix`), and to nobody outside the strategy.
            #expect(try await member.get(desk + "/comments.csv").status == .ok)
            var outsider = try await WebPagesTests.signIn("outsider", harness, client)
            #expect(try await outsider.get(desk + "/comments.csv").status == .notFound)
            #expect(!(try await member.get("\(strategy)/comments/1").text.contains(">Dispose</button>")))
            #expect(try await member.post("\(strategy)/comments/1/disposition", ["disposition": "noted"]).status == .forbidden)
        }
    }

    @Test func participationCountsEachGroupsVoice() async throws {
        let fixture = try await Self.fixture()
        let harness = fixture.harness
        try await harness.application().test(.router) { client in
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            let page = try await facilitator.get("/app/strategies/\(harness.strategyID)/participation")
            #expect(page.status == .ok && page.text.contains("<svg") && page.text.contains("role=\"img\""))
            // Industry: 2 amendments, 2 comments, no support; government: 1 amendment, 1 comment, 1 support; civil society: silent.
            #expect(page.text.contains("<th scope=\"row\">Industry</th><td>2</td><td>0</td><td>0</td><td>2</td>"), "\(page.text)")
            #expect(page.text.contains("<th scope=\"row\">Government</th><td>1</td><td>0</td><td>0</td><td>1</td>"))
            #expect(page.text.contains("<th scope=\"row\">Civil society</th><td>0</td><td>0</td><td>0</td><td>0</td>"))
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(try await member.get("/app/strategies/\(harness.strategyID)/participation").status == .forbidden)
        }
    }
}
