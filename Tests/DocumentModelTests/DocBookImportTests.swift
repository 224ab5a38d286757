import Foundation
import Synchronization
import TestSupport
import Testing

@testable import DocumentModel

/// DocBook import: the mapping, the round trip through the store, and hostile XML refused quickly.
@Suite struct DocBookImportTests {
    static let schema = DocBookExportTests.schema

    @Test func exportImportExportGivesTheSameBytes() async throws {
        let store = try await TestStore.make()
        let intro = try await store.section(
            "Introduction", body: "Children *need* **clear** advice; see [help](https://example.org/h?a=1&b=2).\n\n- report\n- ask")
        _ = try await store.section("Scope", body: "", parent: intro.id)
        _ = try await store.section("Measures & <means>", body: "1. first\n2. second\n\nA \"quoted\" ]]> line.")
        let first = try await store.database.exportDocBook(strategyID: store.strategy.id, for: store.member)
        #expect(try LibXML.validate(first, relaxNG: Self.schema) == [])
        let imported = try DocBookImporter.read(first, limit: 1 << 20, lenient: false)
        #expect(imported.unmapped.isEmpty)
        let copy = try await store.database.importStrategy(imported, by: store.admin)
        #expect(copy.id != store.strategy.id)
        let second = try await store.database.exportDocBook(strategyID: copy.id, for: store.admin)
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
        let outline = try await store.database.outline(strategyID: copy.id, for: store.admin)
        #expect(outline.map(\.number) == ["1", "1.1", "2"])
    }

    @Test func randomTextSurvivesTheRoundTripInItsCanonicalForm() throws {
        var generator = SeededGenerator(seed: 5)
        let alphabet = Array("abcdefghij XYZ&<>]]>\"'…é中🧒🏽\n*[]()-.\\0123456789")
        for _ in 0..<300 {
            func text(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }) }
            let heading = text(Int.random(in: 1..<30, using: &generator)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !heading.isEmpty else { continue }
            let body = text(Int.random(in: 0..<200, using: &generator))
            // A body with a link to anything but https, http or mailto is refused at the door, so never exported.
            guard LinkRules.disallowedLinks(in: body).isEmpty else { continue }
            let canonical = MarkdownSubset.render(MarkdownSubset.parse(body))
            #expect(MarkdownSubset.render(MarkdownSubset.parse(canonical)) == canonical)
            let source = DocBookSource(
                title: "T", summary: "", groups: StakeholderGroup.defaults,
                sections: [DocBookSource.Section(anchor: "a1", number: "1", heading: heading, body: body, sections: [])]
            )
            let bytes = DocBookExporter.export(source)
            #expect(try LibXML.validate(bytes, relaxNG: Self.schema) == [])
            let back = try DocBookImporter.read(bytes, limit: 1 << 20, lenient: false)
            #expect(back.source.sections.first?.heading == heading)
            #expect(back.source.sections.first?.body == canonical)
            #expect(DocBookExporter.export(back.source) == bytes)
        }
        // Text without markup characters is its own canonical form.
        let plain = "Children & parents < teachers > \"all\" 🧒🏽\nsecond line\n\nnext paragraph"
        #expect(MarkdownSubset.render(MarkdownSubset.parse(plain)) == plain)
    }

    /// The import writes canonical text straight from the parser's events; it must be what rendering the
    /// parsed blocks gives, for markup-dense text too (stars next to stars, links in emphasis, list-like lines).
    @Test func canonicalTextIsTheRenderingOfTheParsedBlocks() {
        var generator = SeededGenerator(seed: 11)
        let pieces = [
            "a", "é", " ", "  ", "*", "**", "***", "[", "]", "(", ")", "](u)", "[t](", "\\", "-", "- ", ".", "1. ",
            "12", "\n", "\n\n", "\r", "\t", "🧒🏽",
        ]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var bytes = text
            let canonical = bytes.withUTF8 { String(decoding: MarkdownSubset.canonical($0), as: UTF8.self) }
            #expect(canonical == MarkdownSubset.render(MarkdownSubset.parse(text)), "\(text.debugDescription)")
        }
    }

    /// The import takes what it wrote as canonical unless it noted something parsing could read otherwise: on
    /// random documents dense in stars, brackets, white space, nesting and empty elements, the text it takes
    /// must be what making it canonical gives, and it must take it for most plain documents.
    @Test func importedBodiesAreCanonicalWhateverTheMarkup() throws {
        var generator = SeededGenerator(seed: 23)
        let pieces = ["a", "é", "🧒🏽", " ", "  ", "*", "**", "[", "]", "(", ")", "\\", "-", "- ", ".", "1. ", "3", "\n", "\t", "&amp;", "&lt;"]
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func inlines(_ depth: Int) -> String {
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                switch Int.random(in: 0..<10, using: &generator) {
                case 0 where depth < 2: "<emphasis>\(inlines(depth + 1))</emphasis>"
                case 1 where depth < 2: "<emphasis role=\"strong\">\(inlines(depth + 1))</emphasis>"
                case 2 where depth < 2:
                    "<link xlink:href=\"\(["https://x.org/u", "http://x.org", "https://x.org/a b", "https://x.org/(x)", "mailto:h?a=1&amp;b=2"].randomElement(using: &generator)!)\">\(inlines(depth + 1))</link>"
                default: text()
                }
            }.joined()
        }
        func block() -> String {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                    "<listitem>" + (0..<Int.random(in: 0...2, using: &generator)).map { _ in "<para>\(inlines(0))</para>" }.joined() + "</listitem>"
                }
                let name = ["itemizedlist", "orderedlist"].randomElement(using: &generator)!
                return "<\(name)>" + items.joined() + "</\(name)>"
            default: return "<para>\(inlines(0))</para>"
            }
        }
        var trusted = 0
        for round in 0..<2000 {
            let blocks = (0..<Int.random(in: 1...4, using: &generator)).map { _ in block() }.joined()
            let document =
                #"<article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0">"#
                + blocks + "</article>"
            let parsed = try LibXML.parse(Array(document.utf8), limit: 1 << 20)
            var writer = DocBookImporter.BodyWriter()
            for (element, location) in DocBookImporter.children(parsed.root, "/article") { writer.block(element, location) }
            let canonical = String(decoding: writer.out.withUnsafeBufferPointer(MarkdownSubset.canonical), as: UTF8.self)
            #expect(writer.canonicalText == canonical, "round \(round): \(document)")
            if writer.isCanonical { trusted += 1 }
        }
        // Plain documents: paragraphs and lists of words with emphasis, strong text and links.
        for _ in 0..<200 {
            let words = (0..<Int.random(in: 1...8, using: &generator)).map { index -> String in
                let word = ["safety", "é", "[a]", "1.", "*", "\\", "🧒🏽"].randomElement(using: &generator)!
                switch Int.random(in: 0..<6, using: &generator) {
                case 0: return "<emphasis>\(word)</emphasis>"
                case 1: return "<emphasis role=\"strong\">\(word)</emphasis>"
                case 2: return "<link xlink:href=\"https://example.org/\(index)\">\(word)</link>"
                default: return word
                }
            }
            let document =
                #"<article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0">"#
                + "<para>\(words.joined(separator: " "))</para><itemizedlist><listitem><para>\(words.joined(separator: " "))</para></listitem></itemizedlist></article>"
            let parsed = try LibXML.parse(Array(document.utf8), limit: 1 << 20)
            var writer = DocBookImporter.BodyWriter()
            for (element, location) in DocBookImporter.children(parsed.root, "/article") { writer.block(element, location) }
            #expect(writer.isCanonical, "\(document)")
            #expect(writer.canonicalText == String(decoding: writer.out.withUnsafeBufferPointer(MarkdownSubset.canonical), as: UTF8.self))
        }
        #expect(trusted > 100)
    }

    @Test func foreignDocBookMapsItsSubsetAndReportsTheRestByPath() throws {
        let document = """
            <?xml version="1.0"?>
            <book xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0">
              <info><title>A   book
                 title</title>
                <authorgroup><author><orgname>Parents' councils</orgname></author></authorgroup></info>
              <chapter xml:id="ch1"><title>One</title>
                <para>Some <emphasis role="bold">bold</emphasis> and <code>code</code>
                   on two lines.</para>
                <orderedlist><listitem><para>a</para></listitem><listitem><para>b</para></listitem></orderedlist>
                <section><title>One point one</title><programlisting>x = 1</programlisting></section>
              </chapter>
            </book>
            """
        #expect(throws: DocBookImportError.unmapped(["/book/chapter[1]/para[1]/code[1]", "/book/chapter[1]/section[1]/programlisting[1]"])) {
            try DocBookImporter.read(Array(document.utf8), limit: 1 << 20, lenient: false)
        }
        let lenient = try DocBookImporter.read(Array(document.utf8), limit: 1 << 20, lenient: true)
        #expect(lenient.source.title == "A book title")
        #expect(lenient.source.groups == [StakeholderGroup(key: "parents-councils", name: "Parents' councils")])
        let chapter = try #require(lenient.source.sections.first)
        #expect(chapter.anchor == "ch1" && chapter.heading == "One")
        #expect(chapter.body == "Some **bold** and code\non two lines.\n\n1. a\n2. b")
        #expect(chapter.sections.first?.body == "x = 1")
        #expect(throws: DocBookImportError.self) {
            try DocBookImporter.read(Array("<article><title>v4</title></article>".utf8), limit: 1 << 20, lenient: true)
        }
    }

    // MARK: Hostile XML (OWASP XXE cheat sheet): each refused with the right error, fast, without reading
    // anything or connecting anywhere.

    static func refuse(_ document: String, as expected: DocBookImportError? = nil, limit: Int = 1 << 20) throws {
        let start = ContinuousClock.now
        let memoryBefore = Self.maxResidentKiB()
        var refusal: DocBookImportError?
        do {
            _ = try DocBookImporter.read(Array(document.utf8), limit: limit, lenient: true)
        } catch let error as DocBookImportError {
            refusal = error
        }
        let elapsed = ContinuousClock.now - start
        #expect(refusal != nil)
        if let expected { #expect(refusal == expected) }
        if case .malformed(let message)? = refusal { #expect(!message.contains("root:x:0")) }
        #expect(elapsed < .seconds(1))
        #expect(Self.maxResidentKiB() - memoryBefore < 64 * 1024)
    }

    static func maxResidentKiB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static let article = #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>&x;</title></article>"#

    @Test func manySectionsKeepTheirBodiesAnchorsAndReportOrder() throws {
        // Enough sections for the bodies to be read on several threads: each must still get its own body, the
        // first of two equal ids keeps it, and the report lists elements in document order.
        var sections = ""
        for index in 1...40 {
            let id = index == 21 ? "s20" : "s\(index)"
            sections += "<section xml:id=\"\(id)\"><title>Part \(index)</title><para>Text \(index) *a*.</para>"
            if index % 7 == 0 { sections += "<table>t\(index)</table>" }
            sections += "<section><title>Sub \(index)</title><para>Inner <code>c\(index)</code></para></section>"
            sections += "<para>After \(index).</para></section>"
        }
        let document = #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>"# + sections + "</article>"
        let imported = try DocBookImporter.read(Array(document.utf8), limit: 1 << 20, lenient: true)
        #expect(imported.source.sections.count == 40)
        for (offset, section) in imported.source.sections.enumerated() {
            let index = offset + 1
            #expect(section.heading == "Part \(index)")
            let table = index % 7 == 0 ? "\n\nt\(index)" : ""
            #expect(section.body == "Text \(index) \\*a\\*.\(table)\n\nAfter \(index).")
            #expect(section.anchor == (index == 21 ? "" : "s\(index)"))
            #expect(section.sections.map(\.body) == ["Inner c\(index)"])
        }
        var expected: [String] = []
        for index in 1...40 {
            if index % 7 == 0 { expected.append("/article/section[\(index)]/table[1]") }
            expected.append("/article/section[\(index)]/section[1]/para[1]/code[1]")
        }
        #expect(imported.unmapped == expected)
        // Each body was checked and cut into chunks for the store as it was written: in pre-order, its own.
        let preOrder = imported.source.sections.flatMap { [$0.body] + $0.sections.map(\.body) }
        #expect(imported.bodies.map { $0.prepared?.chunks.joined() } == preOrder)
        #expect(imported.bodies.allSatisfy { $0.errors.isEmpty })
    }

    /// Sections are handed to other threads while the parser goes on: a document that turns out malformed,
    /// or not DocBook, after many complete sections is refused like any other (and its nodes outlive the work).
    @Test func aDocumentRefusedAfterManyCompleteSectionsIsRefusedCleanly() throws {
        let sections = (1...200).map { "<section><title>S\($0)</title><para>Text \($0). More text.</para></section>" }.joined()
        let docbook = #"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>"#
        for tail in ["<para>open", "</section>", "<para>x</para></article><extra/>"] {
            #expect {
                try DocBookImporter.read(Array((docbook + sections + tail).utf8), limit: 1 << 20, lenient: true)
            } throws: { error in
                guard case .malformed? = error as? DocBookImportError else { return false }
                return true
            }
        }
        let foreign = "<article><title>T</title>" + sections + "</article>"
        #expect {
            try DocBookImporter.read(Array(foreign.utf8), limit: 1 << 20, lenient: true)
        } throws: { error in
            guard case .notDocBook? = error as? DocBookImportError else { return false }
            return true
        }
        #expect(throws: DocBookImportError.malformed("the document is empty")) { try DocBookImporter.read([], limit: 1 << 20, lenient: true) }
    }

    /// Each import hands its sections to the shared thread pool: with every thread of the pool importing at
    /// once, all finish, each with the result of an import on its own.
    @Test(.timeLimit(.minutes(1))) func importsOnEveryThreadOfThePoolAtOnceAllFinish() throws {
        let sections = (1...120).map { "<section><title>S\($0)</title><para>Text \($0). More *text*.</para></section>" }.joined()
        let document = Array((#"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title>"# + sections + "</article>").utf8)
        let expected = try DocBookImporter.read(document, limit: 1 << 20, lenient: false)
        let results = Mutex<[DocBookImport?]>(Array(repeating: nil, count: 32))
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            let imported = try? DocBookImporter.read(document, limit: 1 << 20, lenient: false)
            results.withLock { $0[index] = imported }
        }
        #expect(results.withLock { $0 }.allSatisfy { $0 == expected })
    }

    @Test func externalEntitiesAndDTDsAreRefused() throws {
        try Self.refuse(#"<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>"# + Self.article, as: .doctype)
        try Self.refuse(#"<!DOCTYPE article SYSTEM "file:///etc/passwd">"# + Self.article, as: .doctype)
        try Self.refuse(#"<!DOCTYPE article [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>"# + Self.article, as: .doctype)
        // Without a DOCTYPE an entity cannot be declared, so a reference is simply not well-formed.
        try Self.refuse(Self.article)
    }

    @Test func entityExpansionBombsAreRefused() throws {
        var laughs = #"<!DOCTYPE article [<!ENTITY x0 "ha">"#
        for level in 1...10 { laughs += "<!ENTITY x\(level) \"" + String(repeating: "&x\(level - 1);", count: 10) + "\">" }
        laughs += "]>" + Self.article.replacingOccurrences(of: "&x;", with: "&x10;")
        try Self.refuse(laughs, as: .doctype)
        let quadratic =
            "<!DOCTYPE article [<!ENTITY x \"" + String(repeating: "a", count: 50_000) + "\">]>"
            + Self.article.replacingOccurrences(of: "&x;", with: String(repeating: "&x;", count: 5_000))
        try Self.refuse(quadratic, as: .doctype)
    }

    @Test func deepNestingAndOversizeAreRefused() throws {
        let depth = 100_000
        let deep =
            #"<article xmlns="http://docbook.org/ns/docbook" version="5.0">"# + String(repeating: "<para>", count: depth)
            + String(repeating: "</para>", count: depth) + "</article>"
        try Self.refuse(deep)
        try Self.refuse(
            Self.article.replacingOccurrences(of: "&x;", with: String(repeating: "a", count: 2_000)), as: .tooLarge(limit: 1_000), limit: 1_000)
    }

    @Test func aDTDOnALoopbackPortIsNeverFetched() throws {
        // A listening socket the parser would connect to if it ever tried to fetch the DTD.
        let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(server, $0, length) } }
        listen(server, 8)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(server, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        try Self.refuse(#"<!DOCTYPE article SYSTEM "http://127.0.0.1:\#(port)/docbook.dtd">"# + Self.article, as: .doctype)
        try Self.refuse(
            #"<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude" version="5.0"><title>t</title>"#
                + #"<xi:include href="http://127.0.0.1:\#(port)/x.xml"/><para>&amp;</para></article"#
        )
        // Nothing connected: accept() on a non-blocking socket finds no pending connection.
        _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
        #expect(accept(server, nil, nil) == -1)
    }

    @Test func anXIncludeIsNeverProcessed() throws {
        let document =
            #"<article xmlns="http://docbook.org/ns/docbook" xmlns:xi="http://www.w3.org/2001/XInclude" version="5.0"><title>t</title>"#
            + #"<section><title>s</title><para>before <xi:include href="file:///etc/passwd" parse="text"/> after</para></section></article>"#
        let imported = try DocBookImporter.read(Array(document.utf8), limit: 1 << 20, lenient: true)
        #expect(imported.unmapped == ["/article/section[1]/para[1]/include[1]"])
        #expect(imported.source.sections.first?.body == "before  after")
        #expect(throws: DocBookImportError.self) { try DocBookImporter.read(Array(document.utf8), limit: 1 << 20, lenient: false) }
    }
}

/// Only https, http and mailto links are taken, through the API's inputs and through an import.
@Suite struct LinkSchemeTests {
    @Test func sectionBodiesSummariesAndSuggestionsRefuseOtherSchemes() async throws {
        let store = try await TestStore.make()
        for url in ["javascript:alert", "JavaScript:x", "data:text/html,x", "file:///etc/passwd", "vbscript:x", "page.html", "https:"] {
            let refused = await modelError { _ = try await store.section("Links", body: "See [this](\(url)).") }
            guard case .invalid(let errors) = refused else {
                Issue.record("\(url) was accepted in a body")
                continue
            }
            #expect(errors.map(\.field) == ["body"], "\(url)")
        }
        for url in ["https://example.org/a?b=1", "http://example.org", "mailto:someone@example.org", "HTTPS://EXAMPLE.ORG"] {
            _ = try await store.section("Fine", body: "See [this](\(url)).")
        }
        let summary = await modelError {
            _ = try await store.database.createStrategy(NewStrategy(title: "S", summary: "[x](javascript:y)"), by: store.admin)
        }
        guard case .invalid(let errors) = summary else {
            Issue.record("a javascript: link was accepted in a summary")
            return
        }
        #expect(errors.map(\.field) == ["summary"])
    }

    @Test func anImportRefusesOtherSchemesOrKeepsTheirTextWhenLenient() throws {
        let document = Array(
            """
            <article xmlns="http://docbook.org/ns/docbook" xmlns:xlink="http://www.w3.org/1999/xlink" version="5.0">
            <title>T</title><section><title>S</title>
            <para>Click <link xlink:href="javascript:alert(1)">here</link> or <link xlink:href="https://example.org">there</link>.</para>
            </section></article>
            """.utf8)
        #expect(throws: DocBookImportError.self) { try DocBookImporter.read(document, limit: 1 << 20, lenient: false) }
        let lenient = try DocBookImporter.read(document, limit: 1 << 20, lenient: true)
        let body = try #require(lenient.source.sections.first?.body)
        #expect(body.contains("Click here or [there](https://example.org)."))
        #expect(!body.contains("javascript"))
        #expect(lenient.unmapped.contains { $0.contains("links must start with https:, http: or mailto:") })
    }
}

/// Every limit a document can exceed answers with the limit's name, never a parser's internal message.
@Suite struct DocBookLimitTests {
    static func document(paragraph: String) -> [UInt8] {
        Array(
            """
            <article xmlns="http://docbook.org/ns/docbook" version="5.0"><title>T</title><section><title>S</title>
            <para>\(paragraph)</para></section></article>
            """.utf8)
    }

    @Test func aParagraphPastTenMegabytesNamesTheBodyLimit() throws {
        let bytes = Self.document(paragraph: String(repeating: "word ", count: 2_200_000))
        #expect(bytes.count > 10 << 20)
        do {
            _ = try DocBookImporter.read(bytes, limit: 16 << 20, lenient: false)
            Issue.record("an 11 MB paragraph was read")
        } catch DocBookImportError.limitExceeded(let message) {
            #expect(message.contains("500000 characters"))
        }
    }

    @Test func nestingPastTheParsersDepthNamesTheDepthLimit() throws {
        let open = String(repeating: "<emphasis>", count: 5_000), close = String(repeating: "</emphasis>", count: 5_000)
        do {
            _ = try DocBookImporter.read(Self.document(paragraph: open + "x" + close), limit: 16 << 20, lenient: true)
            Issue.record("5,000-deep nesting was read")
        } catch DocBookImportError.limitExceeded(let message) {
            #expect(message.contains("256 deep"))
        }
    }

    @Test func aParagraphUnderTheParsersLimitButOverTheBodyLimitIsRefusedByTheBodyRule() async throws {
        let store = try await TestStore.make()
        let imported = try DocBookImporter.read(
            Self.document(paragraph: String(repeating: "word ", count: 120_000)), limit: 16 << 20, lenient: false
        )
        let refused = await modelError { _ = try await store.database.importStrategy(imported, by: store.admin) }
        guard case .invalid(let errors) = refused else {
            Issue.record("a 600,000-character body was imported")
            return
        }
        #expect(errors.first?.message == "must be at most 500000 characters")
    }
}
