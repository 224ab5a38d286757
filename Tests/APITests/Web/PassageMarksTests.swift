import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API

/// The passage each comment is about is marked in the section's text (#25): the marks keep the text's byte
/// offsets (`data-at`) that selections are counted from, overlapping passages share the words they share, and
/// each card links to its passage; orphaned comments are listed apart.
@Suite struct PassageMarksTests {
    /// The text of a block with its marks stripped: what a reader sees.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func passagesAreMarkedWithTheirOffsetsKept() throws {
        let body = "Children in Zürich go online early."
        // "in Zürich" is bytes 9..<19 (ü is two bytes); "Zürich go" 12..<22 overlaps it.
        let blocks = BodyHTML.blocks(body, passages: [Passage(number: 3, range: 9..<19), Passage(number: 5, range: 12..<22)])
        let html = try #require(blocks.first?.html)
        #expect(Self.text(html) == body, "nothing is added to or lost from the text")
        #expect(html.contains(#"<span class="passage-target" id="passage-3"></span><mark class="passage" data-at="9" data-comments="3">in </mark>"#))
        #expect(html.contains(#"id="passage-5"></span><mark class="passage" data-at="12" data-comments="3 5">Zürich</mark>"#))
        #expect(html.contains(#"<mark class="passage" data-at="19" data-comments="5"> go</mark><span data-at="22"> online early.</span>"#))
        #expect(html.components(separatedBy: #"id="passage-3""#).count == 2, "one target per passage")
        // Without passages the text is as before: one piece.
        #expect(BodyHTML.blocks(body).first?.html == #"<p><span data-at="0">Children in Zürich go online early.</span></p>"# + "\n")
    }

    @Test func aPassageAcrossEmphasisAndBlocksIsMarkedInEachPiece() throws {
        let body = "Children go *online* early.\n\nParents help."
        let blocks = BodyHTML.blocks(body, passages: [Passage(number: 1, range: 9..<34)])
        #expect(blocks.count == 2)
        #expect(blocks[0].html.contains(#"<mark class="passage" data-at="13" data-comments="1">online</mark>"#))
        #expect(blocks[1].html.contains(#"<mark class="passage" data-at="29" data-comments="1">Paren</mark><span data-at="34">ts help.</span>"#))
        #expect(!blocks[1].html.contains("passage-target"), "the target is where the passage starts")
    }

    @Test func theSectionPageMarksPassagesAndCardsLinkToThem() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            let uri = harness.sectionURI
            for (start, end) in [(0, 8), (19, 24)] {
                let made = try await client.send(
                    .post, "/strategies/\(harness.strategyID)/comments", as: harness.tokens["member"],
                    json:
                        #"{"section":\#(harness.sectionID),"revision":1,"anchor":{"start":\#(start),"end":\#(end)},"kind":"general","body":"About this"}"#
                )
                #expect(made.status == .created)
            }
            // The second passage ("early.") is edited away: its comment is orphaned, listed apart, never hidden.
            let edited = try await client.send(
                .put, uri, as: harness.tokens["facilitator"], json: #"{"heading":"Introduction","body":"Children go online."}"#,
                headers: [.ifMatch: #""1""#]
            )
            #expect(edited.status == .ok)
            var web = try await WebPagesTests.signIn("member", harness, client)
            let page = try await web.get("/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)")
            #expect(page.text.contains(#"<mark class="passage" data-at="0" data-comments="1">Children</mark>"#))
            #expect(page.text.contains(##"<a class="passage-link" href="#passage-1" data-comment="1">Show the passage in the text"##))
            #expect(!page.text.contains(##"href="#passage-2""##), "an orphaned passage has nothing to show")
            #expect(page.text.contains(#"data-comment="2""#), "but its comment is listed")
        }
    }
}
