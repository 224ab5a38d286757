import DocumentModel
import Foundation
import Testing

/// XLIFF 1.2 out and back in through the domain (the round trip through translate-toolkit runs in CI,
/// Tests/Translations): what is exported, what an import saves, what it refuses by id, and the files refused whole.
@Suite struct XLIFFTests {
    static func store() async throws -> (TestStore, Section) {
        let store = try await TestStore.make()
        _ = try await store.database.updateStrategy(
            id: store.strategy.id, title: nil, summary: nil, languages: LanguageChange(translations: ["sq"]), by: store.admin
        )
        let section = try await store.section("Helpline", body: "The helpline answers.\n\nSchools teach & listen.")
        return (store, section)
    }

    /// The exported document with every empty target filled in with `prefix` + source (as a CAT tool would).
    static func translated(_ bytes: [UInt8], prefix: String) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        let pattern = /<source>([^<]*)<\/source>(\s*)<target state="needs-translation"><\/target>/
        text = text.replacing(pattern) { match in
            "<source>\(match.1)</source>\(match.2)<target state=\"translated\">\(prefix)\(match.1)</target>"
        }
        return Array(text.utf8)
    }

    @Test func outdatedAndMissingUnitsGoOutAndComeBack() async throws {
        let (store, section) = try await Self.store()
        let exported = try await store.database.exportXLIFF(strategyID: store.strategy.id, language: "sq", for: store.member)
        let text = String(decoding: exported, as: UTF8.self)
        #expect(text.contains(#"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">"#))
        #expect(text.contains(#"target-language="sq""#) && text.contains(#"<trans-unit id="s\#(section.id).u2" xml:space="preserve">"#))
        #expect(text.contains("<source>Schools teach &amp; listen.</source>"))
        // The source of one unit changes before the file comes back.
        _ = try await store.database.updateSection(
            strategyID: store.strategy.id, id: section.id, ifMatch: .any, heading: "Helpline",
            body: "The helpline answers every call.\n\nSchools teach & listen.", message: nil, by: store.facilitator
        )
        let report = try await store.database.importXLIFF(
            Self.translated(exported, prefix: "SQ "), strategyID: store.strategy.id, language: "sq", limit: 1 << 20, by: store.facilitator
        )
        #expect(report.refused.map(\.id) == ["s\(section.id).u1"])
        #expect(report.saved == 2 && report.revisions == 1)
        let translation = try await store.database.sectionTranslation(
            strategyID: store.strategy.id, sectionID: section.id, language: "sq", for: store.member
        )
        #expect(translation.units.map(\.state) == [.current, .missing, .current])
        #expect(translation.units[2].text == "SQ Schools teach & listen.")
        // Exported again: only what is left, and importing the same file again changes nothing.
        let again = String(
            decoding: try await store.database.exportXLIFF(strategyID: store.strategy.id, language: "sq", for: store.member), as: UTF8.self)
        #expect(again.contains("s\(section.id).u1") && !again.contains("s\(section.id).u2"))
    }

    @Test func hostileAndForeignFilesAreRefusedWhole() async throws {
        let (store, section) = try await Self.store()
        let other = try await store.database.createStrategy(NewStrategy(title: "Other", summary: "", translations: ["sq"]), by: store.admin)
        let elsewhere = try await store.database.createSection(
            strategyID: other.id, NewSection(heading: "Elsewhere", body: "Other text."), by: store.admin
        )
        func document(_ units: String, language: String = "sq", doctype: String = "") -> [UInt8] {
            Array(
                (#"<?xml version="1.0"?>"# + doctype
                    + #"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" source-language="en" target-language="\#(language)" datatype="plaintext"><body>"#
                    + units + "</body></file></xliff>").utf8)
        }
        let unit = #"<trans-unit id="s\#(section.id).heading"><source>Helpline</source><target>Linja</target></trans-unit>"#
        let cases: [(String, [UInt8])] = [
            ("a DOCTYPE", document(unit, doctype: #"<!DOCTYPE xliff [<!ENTITY e "x">]>"#)),
            (
                "another strategy's section",
                document(#"<trans-unit id="s\#(elsewhere.id).heading"><source>Elsewhere</source><target>X</target></trans-unit>"#)
            ),
            ("another language", document(unit, language: "sr-Latn")),
            ("an unknown unit", document(#"<trans-unit id="s\#(section.id).u9"><source>x</source><target>y</target></trans-unit>"#)),
            ("an id never made here", document(#"<trans-unit id="x"><source>x</source><target>y</target></trans-unit>"#)),
            ("not XLIFF", Array("<article/>".utf8)),
            ("too large", document(unit + String(repeating: " ", count: 2 << 20))),
        ]
        for (name, bytes) in cases {
            await #expect(throws: (any Error).self, "\(name)") {
                _ = try await store.database.importXLIFF(bytes, strategyID: store.strategy.id, language: "sq", limit: 1 << 20, by: store.facilitator)
            }
        }
        let translation = try await store.database.sectionTranslation(
            strategyID: store.strategy.id, sectionID: section.id, language: "sq", for: store.member
        )
        #expect(translation.revision == 0, "nothing was written")
        let member = await modelError {
            _ = try await store.database.importXLIFF(document(unit), strategyID: store.strategy.id, language: "sq", limit: 1 << 20, by: store.member)
        }
        guard case .forbidden = member else {
            Issue.record("a member may not import: \(String(describing: member))")
            return
        }
    }
}
