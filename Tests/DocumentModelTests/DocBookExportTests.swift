import Foundation
import Testing

@testable import DocumentModel

/// DocBook export: valid against the DocBook 5.0 RELAX NG schema (Debian's docbook5-xml), deterministic, escaped.
@Suite struct DocBookExportTests {
    static let schema = "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng"

    static func source(_ sections: [DocBookSource.Section], summary: String = "Why this strategy.\n\nSecond paragraph.") -> DocBookSource {
        DocBookSource(title: "National strategy", summary: summary, groups: StakeholderGroup.defaults, sections: sections)
    }

    static func section(
        _ anchor: String, _ number: String, _ heading: String, _ body: String, _ children: [DocBookSource.Section] = []
    ) -> DocBookSource.Section {
        DocBookSource.Section(anchor: anchor, number: number, heading: heading, body: body, sections: children)
    }

    @Test func theExportIsValidDocBookWithEveryMarkupOfTheSubset() throws {
        let body = """
            Children *need* **clear** advice; see [the helpline](https://example.org/help?a=1&b=2).

            - report harm
            - ask for help

            1. first
            2. second
            """
        let document = Self.source([
            Self.section("section-1", "1", "Introduction", body, [Self.section("section-2", "1.1", "Scope", "")]),
            Self.section("section-3", "2", "Empty", ""),
        ])
        let bytes = DocBookExporter.export(document)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(try LibXML.validate(bytes, relaxNG: Self.schema) == [])
        #expect(text.contains(#"<section xml:id="section-2" label="1.1">"#))
        #expect(text.contains(#"<emphasis role="strong">clear</emphasis>"#))
        #expect(text.contains(#"<link xlink:href="https://example.org/help?a=1&amp;b=2">the helpline</link>"#))
        #expect(text.contains("<itemizedlist>") && text.contains("<orderedlist>"))
        #expect(text.contains("<author>\n        <orgname>Civil society</orgname>") || text.contains("<orgname>Civil society</orgname>"))
        #expect(DocBookExporter.export(document) == bytes)
    }

    @Test func hostileTextIsEscapedAndControlCharactersNeverReachTheOutput() throws {
        let nasty = "A & B < C > D ]]> \"quoted\" 'single' 🧒🏽 \u{1}\u{B}\u{FFFE}\u{FFFF}end"
        let bytes = DocBookExporter.export(Self.source([Self.section("section-1", "1", nasty, nasty)], summary: nasty))
        #expect(try LibXML.validate(bytes, relaxNG: Self.schema) == [])
        let document = try LibXML.parse(bytes, limit: 1 << 20)
        #expect(document.root.name == "article")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\u{1}") && !text.contains("\u{B}") && !text.contains("\u{FFFE}") && !text.contains("\u{FFFF}"))
        #expect(text.contains("A &amp; B &lt; C &gt; D ]]&gt;"))
    }

    @Test func theValidatorRefusesWhatTheSchemaDoesNot() throws {
        let invalid = Array(#"<article xmlns="http://docbook.org/ns/docbook" version="5.0"><info><title>T</title></info><bogus/></article>"#.utf8)
        #expect(try !LibXML.validate(invalid, relaxNG: Self.schema).isEmpty)
    }

    @Test func writingOnAllCoresGivesTheBytesOfOneWriter() throws {
        // Non-ASCII in attributes, redline phrases and flags, and characters XML cannot carry: each fragment
        // writer must write them exactly as the document's writer does.
        var sections: [DocBookSource.Section] = []
        for top in 1...30 {
            var children: [DocBookSource.Section] = []
            for child in 1...3 {
                let body =
                    (1...12).map { n in
                        "Ñandú *café* \u{1}**niños** [enlace](https://example.org/ñandú/\(n)) & <más> \u{E000}añadido\u{E001} texto \u{E002}quitado\u{E003}."
                    }.joined(separator: " ") + "\n\n- uno 🧒\n- dos\n\n1. tres\n2. cuatro"
                var section = Self.section("s-\(top)-\(child)", "\(top).\(child)", "Título \u{E000}nuevo\u{E001} \(child)", body)
                section.redline = child != 2
                section.flag = ["changed", nil, "added"][child - 1]
                children.append(section)
            }
            sections.append(Self.section("s-\(top)", "\(top)", "Capítulo \(top) «ñ»", top % 3 == 0 ? "" : "Intro *\(top)*.", children))
        }
        let document = Self.source(sections, summary: "Resumen con [enlace](https://example.org/ü).")
        let parallel = DocBookExporter.export(document, parallelAbove: 0)
        let serial = DocBookExporter.export(document, parallelAbove: .max)
        #expect(parallel == serial)
        #expect(try LibXML.validate(parallel, relaxNG: Self.schema) == [])
        let text = String(decoding: parallel, as: UTF8.self)
        #expect(text.contains(#"<link xlink:href="https://example.org/ñandú/12">enlace</link>"#))
        #expect(text.contains(#"<phrase revisionflag="added">añadido</phrase>"#))
        #expect(!text.contains("\u{1}"))
    }

    @Test func anEmptyStrategyIsStillValid() throws {
        let bytes = DocBookExporter.export(Self.source([], summary: ""))
        #expect(try LibXML.validate(bytes, relaxNG: Self.schema) == [])
    }
}
