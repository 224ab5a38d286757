import Foundation
import Testing

@testable import DocumentModel

/// Links as a CommonMark renderer reads them (#24.8): every destination another renderer could make a link of is
/// checked, whatever its spelling. The outside oracle for the same corpus is Tests/Links/commonmark_links_test.py.
@Suite struct LinkRulesTests {
    @Test(arguments: [
        "[here](javascript:alert(1))", "[x](<javascript:alert(1)>)", "[x](JaVaScRiPt:alert(1))", "[x](  javascript:x  )",
        "[x](\njavascript:alert(1))", "[x](javascript\\:alert(1))", "[x](&#106;avascript:alert(1))", "[x](&#x6A;avascript:x)",
        "[x](javascript&colon;alert(1))", "[x](<java\tscript:x>)", "[x](data:text/html,x)", "![x](javascript:x)",
        "[x][r]\n\n[r]: javascript:alert(1)", "   [r]: <javascript:x> \"t\"", "<javascript:alert(1)>", "<JAVASCRIPT:x>",
        "[a](https://example.org/(x)) and [b](javascript:alert(1))", "[link](/uri)", "[x](foo(and(bar)))",
    ])
    func destinationsOtherRenderersWouldLinkAreRefused(_ body: String) {
        #expect(!LinkRules.disallowedLinks(in: body).isEmpty)
    }

    @Test(arguments: [
        "[x](https://example.org/a_(b)_c)", "[x](http://example.org \"title\")", "[x](mailto:ana@example.org)",
        "<https://example.org/path?q=1>", "<ana@example.org>", "a < b and c > d", "1 < 2: true",
        "[x]\\(javascript:x)", "[FOO]: https://example.org\n\n[Foo]", "plain text with no link",
    ])
    func allowedOrNoDestinationsPass(_ body: String) {
        #expect(LinkRules.disallowedLinks(in: body).isEmpty)
    }

    @Test func theSharedCorpusHoldsWhatTheOracleReads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/links/cases.txt")
        let bodies = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n----\n")
        #expect(bodies.count >= 50)
    }
}
