import Foundation
import Testing

@testable import DocumentModel

/// Draft exports, the revision history with sign-offs, and the `since` redline with DocBook's `revisionflag`.
@Suite struct DocBookRedlineTests {
    static let schema = DocBookExportTests.schema

    @Test func aRedlineBetweenDraftsFlagsPhrasesAndSectionsAndStaysValid() async throws {
        let store = try await TestStore.make()
        let id = store.strategy.id
        let objectives = try await store.section(
            "Objectives", body: "Children learn *digital* safety at school.\n\n- report harm\n- ask for help\n\nParents get guidance."
        )
        let scope = try await store.section("Scope", body: "Everyone under 18.")
        let dropped = try await store.section("Annex", body: "To be removed.", parent: scope.id)
        _ = try await store.database.createDraft(strategyID: id, title: "First draft", note: nil, by: store.facilitator)

        _ = try await store.database.updateSection(
            strategyID: id, id: objectives.id, ifMatch: 1, heading: "Objectives and aims",
            body: "Children learn *online* safety at every school.\n\n- report harm\n- ask for help\n- find a helpline\n\nParents get guidance.",
            message: nil, by: store.facilitator
        )
        try await store.database.removeSection(strategyID: id, id: dropped.id, ifMatch: nil, by: store.facilitator)
        let added = try await store.section("Monitoring", body: "Yearly review.")
        _ = try await store.database.createDraft(strategyID: id, title: "Second draft", note: nil, by: store.facilitator)

        let (signatory, _) = try await store.database.createAccount(name: "Signatory", admin: false, by: .commandLine)
        _ = try await store.database.setMember(strategyID: id, accountID: signatory.id, role: .signatory, group: "government", by: store.admin)
        _ = try await store.database.signOffDraft(strategyID: id, draft: 1, NewSignoff(decision: .object, note: "Too vague."), by: signatory)
        _ = try await store.database.signOffDraft(strategyID: id, draft: 1, NewSignoff(decision: .approve, note: nil), by: signatory)

        let bytes = try await store.database.exportDocBook(strategyID: id, draft: 2, since: 1, for: store.member)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(try LibXML.validate(bytes, relaxNG: Self.schema) == [])
        #expect(text.contains(#"<section xml:id="section-\#(objectives.id)" label="1" revisionflag="changed">"#))
        #expect(text.contains(#"<title>Objectives<phrase revisionflag="added"> and aims</phrase></title>"#))
        #expect(text.contains(#"<phrase revisionflag="deleted">digital</phrase>"#) && text.contains(#"<phrase revisionflag="added">online</phrase>"#))
        #expect(text.contains(#"<listitem><para><phrase revisionflag="added">find a helpline</phrase></para></listitem>"#))
        #expect(text.contains(#"<section xml:id="section-\#(dropped.id)" label="2.1" revisionflag="deleted">"#))
        #expect(text.contains(#"<section xml:id="section-\#(added.id)" label="3" revisionflag="added">"#))
        #expect(text.contains(#"<section xml:id="section-\#(scope.id)" label="2">"#))
        #expect(!text.contains("\u{E000}") && !text.contains("\u{E002}"))
        // The revision history: one revision per draft up to the exported one, with the groups' current decisions.
        #expect(text.contains("<revnumber>1</revnumber>") && text.contains("<revnumber>2</revnumber>"))
        #expect(text.contains("<para>First draft</para>") && text.contains("<para>Government: approve</para>"))
        #expect(!text.contains("Too vague"))
        #expect(try await store.database.exportDocBook(strategyID: id, draft: 2, since: 1, for: store.member) == bytes)

        let first = String(decoding: try await store.database.exportDocBook(strategyID: id, draft: 1, for: store.member), as: UTF8.self)
        #expect(first.contains("<title>Annex</title>") && !first.contains("Monitoring") && !first.contains("revisionflag"))
        #expect(first.contains("<revnumber>1</revnumber>") && !first.contains("<revnumber>2</revnumber>"))
        let live = try await store.database.exportDocBook(strategyID: id, for: store.member)
        #expect(try LibXML.validate(live, relaxNG: Self.schema) == [])
        #expect(await modelError { _ = try await store.database.exportDocBook(strategyID: id, draft: 9, for: store.member) } == .notFound("draft"))
        #expect(
            await modelError { _ = try await store.database.exportDocBook(strategyID: id, draft: 1, for: store.outsider) } == .notFound("strategy"))
    }

    @Test func redlineMarksNeverSpanALineAndKeepListMarkersOutside() {
        let combined = RedlineMarkup.combine(before: "- one\n- two", after: "- one\n- two\n- three")
        let blocks = MarkdownSubset.parse(combined)
        guard case .bulletList(let items)? = blocks.first else {
            Issue.record("not a list: \(blocks)")
            return
        }
        #expect(items.count == 3)
        // User text holding the private-use marks cannot forge a redline.
        #expect(RedlineMarkup.strip("a\u{E000}b\u{E003}c") == "abc")
    }
}
