import DiffEngine
import Testing

@testable import API

/// The word redline as HTML: one paragraph per paragraph, however the diff cut the breaks between them.
@Suite struct RedlineHTMLTests {
    @Test func theBreaksBetweenParagraphsAreNoLinesOfTheirOwn() {
        let redline = RedlineHTML(Messages(language: "en", table: [:]))
        let before = "Parents need *clear* advice about online safety.\n\nSchools teach digital skills."
        for after in [
            "Parents need *clear* and kind advice about online safety.\n\nSchools teach digital skills.",
            "Parents need advice.\n\nSchools teach digital skills from the first grade.",
            "Parents need *clear* advice about online safety.\n\nA new paragraph.\n\nSchools teach digital skills.",
        ] {
            let html = redline.paragraphs(ProseDiff(before: before, after: after))
            let paragraphs = after.components(separatedBy: "\n\n").count
            #expect(html.components(separatedBy: "<p>").count - 1 == paragraphs, "\(html)")
            #expect(!html.contains("<br>") && !html.contains("<p></p>"), "\(html)")
        }
    }
}
