import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A facilitator's direct edit through the real application: saved against the revision it started from; when
/// someone else saved in between, both edits are merged (shown to save) or the passages both changed are shown,
/// and nothing is written over the other edit.
@Suite struct WebSectionEditTests {
    @Test func anEditThatRacesAnotherIsMergedOrShowsItsConflictsNeverOverwrites() async throws {
        let harness = try await Harness.make()
        let facilitatorAccount = try #require(try await harness.database.account(id: harness.accountIDs["facilitator"]!))
        let page = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
        try await harness.application().test(.router) { client in
            var member = try await WebPagesTests.signIn("member", harness, client)
            #expect(!(try await member.get(page).text.contains(">Edit</a>")))
            #expect(try await member.get(page + "/edit").status == .forbidden)
            var facilitator = try await WebPagesTests.signIn("facilitator", harness, client)
            #expect(try await facilitator.get(page).text.contains(#"href="\#(page)/edit">Edit</a>"#))
            let form = try await facilitator.get(page + "/edit")
            #expect(form.text.contains(#"name="revision" value="1""#) && form.text.contains(">Save</button>"))
            // Someone saves revision 2 (a different sentence) while the form is open.
            _ = try await harness.database.updateSection(
                strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(1), heading: "Introduction",
                body: "Children go online early.\n\nParents worry.", message: nil, by: facilitatorAccount
            )
            let merged = try await facilitator.post(
                page + "/edit", ["revision": "1", "heading": "Introduction", "body": "Children go online very early."]
            )
            #expect(merged.status == .conflict && merged.text.contains("Both edits are merged"))
            #expect(merged.text.contains(">Children go online very early.\n\nParents worry.</textarea>"), "\(merged.text)")
            #expect(merged.text.contains(#"name="revision" value="2""#))
            var section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: facilitatorAccount)
            #expect(section.revision == 2, "nothing is saved before the merge is looked at")
            let saved = try await facilitator.post(
                page + "/edit", ["revision": "2", "heading": "Introduction", "body": "Children go online very early.\n\nParents worry."]
            )
            #expect(saved.status == .seeOther && saved.headers[.location] == page + "?notice=sectionSaved")
            // Both change the same words: the passages are shown, the edit kept, revision 4 untouched.
            _ = try await harness.database.updateSection(
                strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .revision(3), heading: "Introduction",
                body: "Children go online too early.\n\nParents worry.", message: nil, by: facilitatorAccount
            )
            let conflict = try await facilitator.post(
                page + "/edit", ["revision": "3", "heading": "Introduction", "body": "Children go online far too early.\n\nParents worry."]
            )
            #expect(conflict.status == .conflict && conflict.text.contains("Passages both edits changed"))
            #expect(conflict.text.contains(">Children go online far too early.\n\nParents worry.</textarea>"))
            #expect(conflict.text.contains(#"name="revision" value="4""#))
            section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: facilitatorAccount)
            #expect(section.revision == 4 && section.body == "Children go online too early.\n\nParents worry.")
            // A browser sends a textarea's line breaks as CR LF: the text is stored with LF, as the API takes it.
            _ = try await facilitator.get(page + "/edit")
            let crlf = try await facilitator.post(page + "/edit", ["revision": "4", "heading": "Introduction", "body": "One.\r\n\r\nTwo.\rThree."])
            #expect(crlf.status == .seeOther)
            section = try await harness.database.section(strategyID: harness.strategyID, id: harness.sectionID, for: facilitatorAccount)
            #expect(section.body == "One.\n\nTwo.\nThree.")
            let blank = try await facilitator.post(page + "/edit", ["revision": "5", "heading": " ", "body": "Text"])
            #expect(blank.status == .unprocessableContent && blank.text.contains(#"id="heading-error""#))
        }
    }
}
