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

    /// The desk's compact redline: only changed paragraphs, six words around each change, the rest an ellipsis.
    @Test func theCompactRedlineKeepsTheChangesAndAFewWordsAroundThem() {
        let redline = RedlineHTML(Messages(language: "en", table: [:]))
        let before = """
            One paragraph nobody touches at all.

            Long ago in a land far away there lived children who went online early and often, every day of the week.
            """
        let after = before.replacingOccurrences(of: "early", with: "very early")
        let html = redline.compact(ProseDiff(before: before, after: after))
        #expect(html.components(separatedBy: "<p>").count == 2, "only the changed paragraph: \(html)")
        #expect(html.hasPrefix("<p>… there lived children who went online <ins>"), "\(html)")
        #expect(html.hasSuffix("</ins>early and often, every day of … </p>\n"), "\(html)")
        #expect(RedlineHTML.shortened("a b c", keepingFirst: 6, last: 6) == "a b c")
        #expect(RedlineHTML.shortened("one two three four five", keepingFirst: 1, last: 1) == "one … five")
    }
}
