import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// The section page's comment and reply forms through the real application: offsets from a selection, quoted
/// words without script (one match, several, none), refusals shown beside their field with what was typed kept,
/// and the same rights as the API.
@Suite struct WebCommentFormTests {
    /// The harness section with a body in which "online" occurs twice and a word with a two-byte character.
    static func prepare(_ harness: Harness) async throws -> String {
        let facilitator = try #require(try await harness.database.account(id: harness.accountIDs["facilitator"]!))
        _ = try await harness.database.updateSection(
            strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(1), heading: "Introduction",
            body: "Children go online early.\n\nTheir *parents* go online later, in Zürich too.", message: nil, by: facilitator
        )
        return "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
    }

    @Test func theTextCarriesTheOffsetsASelectionIsCountedIn() async throws {
        let harness = try await Harness.make()
        let page = try await Self.prepare(harness)
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            let html = try await member.get(page).text
            #expect(html.contains(#"data-passage-root data-revision="2""#))
            // "Their " starts at byte 27; emphasis markup is not text: "parents" starts at 34, after the "*".
            #expect(html.contains(#"<span data-at="27">Their </span><em><span data-at="34">parents</span></em>"#))
            #expect(html.contains(">Post comment</button>") && html.contains(#"<label for="kind">Kind</label>"#))
            #expect(html.contains(#"<label for="suggestion">Replacement text</label>"#))
        }
    }

    @Test func aSelectionOrAQuoteBecomesTheCommentsPassage() async throws {
        let harness = try await Harness.make()
        let page = try await Self.prepare(harness)
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            _ = try await member.get(page)
            // Offsets, as the script sends them: "parents".
            var response = try await member.post(
                page + "/comments", ["revision": "2", "start": "34", "end": "41", "kind": "substantive", "body": "And carers?"]
            )
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == page + "?notice=commentPosted#comment-1")
            // A quote found once (white space as copied from the page).
            response = try await member.post(page + "/comments", ["revision": "2", "passage": "in  Zürich", "body": "Only there?"])
            #expect(response.status == .seeOther)
            // A quote found twice: the page asks which one, keeping what was typed.
            response = try await member.post(
                page + "/comments", ["revision": "2", "passage": "go online", "body": "Which age?", "suggestion": "go on the internet"]
            )
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("occur more than once"), "\(response.text)")
            #expect(response.text.contains(#"id="occurrence-1" value="1""#) && response.text.contains(">Which age?</textarea>"))
            response = try await member.post(
                page + "/comments",
                ["revision": "2", "passage": "go online", "occurrence": "1", "body": "Which age?", "suggestion": "go on the internet"]
            )
            #expect(response.status == .seeOther)
            let comments = try await harness.database.comments(
                strategyID: harness.strategyID, filter: CommentFilter(sectionID: harness.sectionID), after: nil, limit: 10,
                for: try #require(try await harness.database.account(id: harness.accountIDs["member"]!))
            ).items
            #expect(comments.map { $0.anchor?.quote } == ["parents", "in Zürich", "go online"])
            #expect(comments.map { $0.anchor?.start } == [34, 60, 43])
            #expect(comments[2].suggestion == "go on the internet" && comments[0].kind == .substantive)
            // The page shows them beside their passages, with a reply form.
            let html = try await member.get(page).text
            #expect(html.contains(#"id="comment-3""#))
            #expect(
                html.contains(
                    #"<a class="reply-link" href="/app/strategies/\#(harness.strategyID)/comments/3" data-action="/app/strategies/\#(harness.strategyID)/comments/3/replies">"#
                ))
        }
    }

    @Test func refusalsAreShownBesideTheirFieldAndLoseNothing() async throws {
        let harness = try await Harness.make()
        let page = try await Self.prepare(harness)
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            _ = try await member.get(page)
            let cases: [([String: String], String)] = [
                (["start": "65", "end": "70"], "splits a UTF-8 character"),  // inside the ü of Zürich
                (["start": "70", "end": "900"], "must lie within the body"),
                (["start": "40", "end": "30"], "The selection is empty"),
                (["passage": "go offline"], "These words are not in the text"),
                (["passage": "", "suggestion": "Something else"], "needs an anchor"),
                (["kind": "rude"], "Choose general, editorial or substantive"),
                (["passage": "early", "revision": "9"], "does not have"),
            ]
            for (fields, message) in cases {
                var form = ["revision": "2", "body": "Kept text \(message.count)"]
                form.merge(fields) { $1 }
                let response = try await member.post(page + "/comments", form)
                #expect(response.status == .unprocessableContent, "\(fields)")
                #expect(response.text.contains(message), "\(fields): \(message)")
                #expect(response.text.contains("Kept text \(message.count)</textarea>"), "\(fields) loses the comment")
                #expect(response.text.contains("aria-invalid=\"true\""), "\(fields)")
            }
            let empty = try await member.post(page + "/comments", ["revision": "2", "body": "   "])
            #expect(empty.status == .unprocessableContent && empty.text.contains(#"id="body-error""#))
            // Replies, on the comment's own page: an empty one is sent back with why, a real one joins the thread.
            #expect(try await member.post(page + "/comments", ["revision": "2", "body": "On the whole section"]).status == .seeOther)
            let thread = try await member.get("/app/strategies/\(harness.strategyID)/comments/1")
            #expect(thread.status == .ok && thread.text.contains("On the whole section") && thread.text.contains(">Post reply</button>"))
            let replies = "/app/strategies/\(harness.strategyID)/comments/1/replies"
            let refused = try await member.post(replies, ["body": ""])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="reply-error""#))
            let reply = try await member.post(replies, ["body": "Agreed, from industry."])
            #expect(reply.status == .seeOther && reply.headers[.location] == page + "?notice=replyPosted#comment-1")
            #expect(try await member.get(page).text.contains("Agreed, from industry."))
            let none = try await member.post("/app/strategies/\(harness.strategyID)/comments/99/replies", ["body": "Hello"])
            #expect(none.status == .notFound)
        }
    }

    @Test func observersCommentOnlyInConsultationAndCraftedFormsAreRefusedAsTheAPIRefusesThem() async throws {
        let harness = try await Harness.make()
        let page = try await Self.prepare(harness)
        try await harness.application().test(.router) { client in
            var observer = try await WebPagesTests.signIn("observer", harness, client)
            let html = try await observer.get(page).text
            #expect(!html.contains("Post comment") && !html.contains("Propose an amendment") && !html.contains(">Edit</a>"))
            let crafted = try await observer.post(page + "/comments", ["revision": "2", "body": "Let me in"])
            #expect(crafted.status == .conflict, "drafting: observers may not comment yet")
            var outsider = try await WebPagesTests.signIn("outsider", harness, client)
            _ = try await outsider.get("/app")
            #expect(try await outsider.post(page + "/comments", ["revision": "2", "body": "Hello"]).status == .notFound)
            // Without the form's token nothing is posted, whoever sends it.
            var member = try await WebPagesTests.signIn("member", harness, client)
            _ = try await member.get(page)
            let forged = try await member.post(page + "/comments", ["csrf": "forged", "revision": "2", "body": "Forged"])
            #expect(forged.status == .forbidden)
            let admin = try #require(try await harness.database.account(id: harness.accountIDs["admin"]!))
            _ = try await harness.database.updateStrategy(id: harness.strategyID, title: nil, summary: nil, phase: .consultation, by: admin)
            #expect(try await observer.get(page).text.contains("Post comment"))
            let posted = try await observer.post(page + "/comments", ["revision": "2", "passage": "early", "body": "Observed"])
            #expect(posted.status == .seeOther)
            let comments = try await harness.database.comments(
                strategyID: harness.strategyID, filter: CommentFilter(), after: nil, limit: 10, for: admin
            ).items
            #expect(comments.map(\.body) == ["Observed"])
        }
    }
}
