import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Translations in the browser interface: **Read in**, the marks of outdated and missing units, **Translate** with
/// the source's redline and **Save translation**, progress on the strategy page, the translator on the Members
/// page, and the facilitators' Languages page; each through the same domain operations as the API.
@Suite struct WebTranslationTests {
    @Test func aTranslatorSavesTheOutdatedUnitAndTheMarksGo() async throws {
        let harness = try await TranslationWorkflowTests.translated()
        let facilitator = try await harness.account("facilitator")
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sr-Latn", ifMatch: .any,
            units: [
                UnitTranslationInput(id: "heading", text: "Uvod", sourceRevision: 2),
                UnitTranslationInput(id: "u1", text: "Deca rano idu na internet.", sourceRevision: 2),
                UnitTranslationInput(id: "u2", text: "Roditelji žele jasne savete.", sourceRevision: 2),
            ],
            by: facilitator
        )
        _ = try await harness.database.updateSection(
            strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .any, heading: "Introduction",
            body: "Children go online early.\n\nParents want plain and honest advice.\n\nA new paragraph.", message: nil, by: facilitator
        )
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("outsider", harness, client)
            let section = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
            let page = try await web.get(section + "?lang=sr-Latn")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(#"aria-label="Read in""#) && html.contains(#"hreflang="sr-Latn" aria-current="page">Srpski</a>"#))
            #expect(html.contains(#"<div class="section-text" lang="sr-Latn"><p>Deca rano idu na internet.</p></div>"#))
            #expect(html.contains(#"Roditelji žele jasne savete. <span class="unit-state unit-outdated" lang="en">Outdated</span>"#))
            #expect(html.contains(#"<span lang="en">A new paragraph.</span> <span class="unit-state unit-missing" lang="en">Missing</span>"#))
            #expect(html.contains("Srpski: 2 current, 1 outdated, 1 missing"))
            let translate = section + "/translate?lang=sr-Latn"
            #expect(html.contains(#"href="\#(translate)">Translate</a>"#))
            // Another language is not the translator's.
            #expect(!(try await web.get(section + "?lang=sq")).text.contains("/translate?lang=sq"))
            #expect(try await web.get(section + "/translate?lang=sq").status == .forbidden)

            let form = try await web.get(translate)
            #expect(form.status == .ok)
            #expect(form.text.contains("<ins>") && form.text.contains("and honest"), "the source's redline since the translation")
            #expect(form.text.contains(#">Roditelji žele jasne savete.</textarea>"#), "the previous translation, kept")
            #expect(form.text.contains("Save translation"))
            #expect(form.text.contains("History of this translation") && form.text.contains("Revision 1 – Facilitator"))
            // Untouched and unconfirmed, the outdated unit stays outdated; the new one is saved.
            let saved = try await web.post(
                translate,
                [
                    "revision": "1", "sourceRevision": "3", "text[heading]": "Uvod", "text[u1]": "Deca rano idu na internet.",
                    "text[u2]": "Roditelji žele jasne savete.", "text[u3]": "Novi pasus.",
                ]
            )
            #expect(saved.status == .seeOther && saved.headers[.location] == section + "?lang=sr-Latn&notice=translationSaved")
            var states = try await harness.database.sectionTranslation(
                strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sr-Latn", for: facilitator
            ).units.map(\.state)
            #expect(states == [.current, .current, .outdated, .current])
            _ = try await web.get(translate)
            let fixed = try await web.post(
                translate, ["revision": "2", "sourceRevision": "3", "text[u2]": "Roditelji žele jasne i iskrene savete."]
            )
            #expect(fixed.status == .seeOther)
            states = try await harness.database.sectionTranslation(
                strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sr-Latn", for: facilitator
            ).units.map(\.state)
            #expect(states.allSatisfy { $0 == .current })
            let after = try await web.get(section + "?lang=sr-Latn").text
            #expect(!after.contains("unit-outdated") && !after.contains("unit-missing"))
            // A stale form keeps what was typed and says why.
            _ = try await web.get(translate)
            let stale = try await web.post(translate, ["revision": "1", "sourceRevision": "3", "text[u1]": "Deca idu na internet rano."])
            #expect(stale.status == .conflict && stale.text.contains("Deca idu na internet rano."))
        }
    }

    @Test func theStrategyPageShowsProgressAndFacilitatorsSetLanguagesAndTranslators() async throws {
        let harness = try await TranslationWorkflowTests.translated()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("facilitator", harness, client)
            let strategy = "/app/strategies/\(harness.strategyID)"
            let page = try await web.get(strategy).text
            #expect(page.contains(#"<h2 id="translations-heading">Translations</h2>"#))
            #expect(page.contains(#"<progress max="100" value="0""#))
            #expect(page.contains(#"href="\#(strategy)/languages">Languages of the strategy</a>"#))
            let languages = try await web.get(strategy + "/languages")
            #expect(languages.status == .ok && languages.text.contains(#"name="translations[]" value="sq" checked"#))
            let bad = try await web.post(
                strategy + "/languages", pairs: [("language", "en"), ("translations[]", "sq"), ("other", "not!a!tag")]
            )
            #expect(bad.status == .unprocessableContent && bad.text.contains("not!a!tag"))
            _ = try await web.get(strategy + "/languages")
            let saved = try await web.post(
                strategy + "/languages", pairs: [("language", "en"), ("translations[]", "sq"), ("translations[]", "sr-Cyrl"), ("other", "mk")]
            )
            #expect(saved.status == .seeOther)
            let admin = try await harness.account("admin")
            let changed = try await harness.database.strategy(id: harness.strategyID, for: admin).strategy
            #expect(changed.translations == ["sq", "sr-Cyrl", "mk"])
            // A translator for Albanian, through the Members page.
            _ = try await web.get(strategy + "/members")
            let member = try await web.post(
                strategy + "/members/\(harness.accountIDs["observer"]!)", pairs: [("role", "translator"), ("group", ""), ("languages[]", "sq")]
            )
            #expect(member.status == .seeOther)
            let members = try await web.get(strategy + "/members").text
            #expect(members.contains("Translator (Shqip)"))
            // The outline read in Albanian keeps the language in its links.
            let read = try await web.get(strategy + "?lang=sq").text
            #expect(read.contains("/sections/\(harness.sectionID)?lang=sq"))
        }
    }

    @Test func membersAndObserversReadButDoNotTranslate() async throws {
        let harness = try await TranslationWorkflowTests.translated()
        try await harness.application().test(.router) { client in
            for role in ["member", "observer"] {
                var web = try await WebPagesTests.signIn(role, harness, client)
                let section = "/app/strategies/\(harness.strategyID)/sections/\(harness.sectionID)"
                let page = try await web.get(section + "?lang=sq")
                #expect(page.status == .ok && !page.text.contains("/translate?lang="))
                #expect(try await web.get(section + "/translate?lang=sq").status == .forbidden)
                #expect(try await web.get(section + "?lang=xx-!!").status == .unprocessableContent)
            }
        }
    }
}

extension WebTranslationTests {
    @Test func translationFilesGoOutAndComeBackThroughThePage() async throws {
        let harness = try await TranslationWorkflowTests.translated()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("outsider", harness, client)
            let strategy = "/app/strategies/\(harness.strategyID)"
            #expect(try await web.get(strategy).text.contains(#"href="\#(strategy)/translations/sr-Latn">Translation files (XLIFF)"#))
            let page = try await web.get(strategy + "/translations/sr-Latn")
            #expect(
                page.status == .ok && page.text.contains("Import XLIFF")
                    && page.text.contains(#"href="\#(strategy)/translations/sr-Latn/xliff" download"#))
            let file = try await web.get(strategy + "/translations/sr-Latn/xliff")
            #expect(file.status == .ok && file.headers[.contentType] == "application/x-xliff+xml")
            let translated = String(buffer: file.body).replacingOccurrences(
                of: #"<target state="needs-translation"></target>"#, with: #"<target state="translated">Prevedeno</target>"#
            )
            let imported = try await web.upload(
                strategy + "/translations/sr-Latn/xliff", [:], file: ("file", "sr.xlf", Array(translated.utf8)), fileField: "file"
            )
            #expect(imported.status == .ok && imported.text.contains("Imported: 3 units saved, 0 unchanged, 0 refused."))
            _ = try await web.get(strategy + "/translations/sr-Latn")
            let hostile = try await web.upload(
                strategy + "/translations/sr-Latn/xliff", [:],
                file: ("file", "x.xlf", Array(#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><xliff/>"#.utf8)), fileField: "file"
            )
            #expect(hostile.status == .unprocessableContent && hostile.text.contains("nothing was saved"))
            // Albanian is not this translator's language: the page offers the download only, and an upload is refused.
            let albanian = try await web.get(strategy + "/translations/sq")
            #expect(albanian.status == .ok && !albanian.text.contains("Import XLIFF"))
            let refused = try await web.upload(
                strategy + "/translations/sq/xliff", [:], file: ("file", "sq.xlf", Array(translated.utf8)), fileField: "file"
            )
            #expect(refused.status == .forbidden)
        }
    }
}

extension WebTranslationTests {
    @Test func draftsShowEachLanguageAndCompareInIt() async throws {
        let harness = try await TranslationWorkflowTests.translated()
        let facilitator = try await harness.account("facilitator")
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sq", ifMatch: .any,
            units: [UnitTranslationInput(id: "heading", text: "Hyrje", sourceRevision: 2)], by: facilitator
        )
        _ = try await harness.database.createDraft(strategyID: harness.strategyID, title: "One", note: nil, by: facilitator)
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sq", ifMatch: .any,
            units: [UnitTranslationInput(id: "u1", text: "Fëmijët hyjnë herët në internet.", sourceRevision: 2)], by: facilitator
        )
        _ = try await harness.database.createDraft(strategyID: harness.strategyID, title: "Two", note: nil, by: facilitator)
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            let strategy = "/app/strategies/\(harness.strategyID)"
            let draft = try await web.get(strategy + "/drafts/2").text
            #expect(draft.contains(#"<h2 id="draft-translations-heading">Translations</h2>"#))
            #expect(draft.contains("outdated or missing in sections 1"))
            #expect(draft.contains("/export?draft=2&amp;since=1&amp;lang=sq"))
            let source = try await web.get(strategy + "/drafts/1/compare/2").text
            #expect(source.contains(#"aria-label="Read in""#) && source.contains(#"<span class="badge">unchanged</span>"#))
            let albanian = try await web.get(strategy + "/drafts/1/compare/2?lang=sq")
            #expect(albanian.status == .ok)
            #expect(albanian.text.contains(#"<span class="badge">changed</span>"#) && albanian.text.contains("Fëmijët hyjnë"))
            #expect(albanian.text.contains(#"<div class="redline" lang="sq">"#))
        }
    }
}
