import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Translations through the HTTP API: languages on a strategy, a translator's role and languages, the units a
/// source edit outdates with their redline, conditional saves, and everything a client may get wrong.
@Suite struct TranslationWorkflowTests {
    /// The harness's strategy translated into Albanian and Serbian, its section of two paragraphs, the outsider
    /// made a translator into Serbian.
    static func translated() async throws -> Harness {
        let harness = try await Harness.make()
        let admin = try await harness.account("admin")
        _ = try await harness.database.updateStrategy(
            id: harness.strategyID, title: nil, summary: nil, languages: LanguageChange(translations: ["sq", "sr-Latn"]), by: admin
        )
        _ = try await harness.database.setMember(
            strategyID: harness.strategyID, accountID: harness.accountIDs["outsider"]!, role: .translator, group: nil,
            languages: ["sr-Latn"], by: admin
        )
        _ = try await harness.database.updateSection(
            strategyID: harness.strategyID, id: harness.sectionID, ifMatch: .any, heading: "Introduction",
            body: "Children go online early.\n\nParents want plain advice.", message: nil, by: try await harness.account("facilitator")
        )
        return harness
    }

    static func translation(
        _ harness: Harness, _ client: some TestClientProtocol, _ language: String, as role: String
    ) async throws
        -> (Wire.SectionTranslation, String?)
    {
        let response = try await client.send(.get, harness.sectionURI + "/translation?lang=\(language)", as: harness.tokens[role])
        #expect(response.status == .ok)
        return (try response.decode(Wire.SectionTranslation.self), response.headers[.eTag])
    }

    @Test func aTranslatorSeesExactlyTheOutdatedUnitWithItsRedlineAndMakesItCurrent() async throws {
        let harness = try await Self.translated()
        try await harness.application().test(.router) { client in
            let translator = harness.tokens["outsider"]
            let (empty, tag) = try await Self.translation(harness, client, "sr-Latn", as: "outsider")
            #expect(tag == "\"0\"" && empty.units.map(\.status) == ["missing", "missing", "missing"])
            let units = zip(empty.units, ["Uvod", "Deca rano idu na internet.", "Roditelji žele jasne savete."]).map {
                #"{"id":"\#($0.id)","text":"\#($1)","sourceRevision":\#(empty.sourceRevision)}"#
            }
            let saved = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sr-Latn", as: translator, json: #"{"units":[\#(units.joined(separator: ","))]}"#,
                headers: [.ifMatch: "\"0\""]
            )
            #expect(saved.status == .ok && saved.headers[.eTag] == "\"1\"")
            // The facilitator edits the second paragraph only.
            let edited = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["facilitator"],
                json: #"{"heading":"Introduction","body":"Children go online early.\n\nParents want plain and honest advice."}"#,
                headers: [.ifMatch: "*"]
            )
            #expect(edited.status == .ok)
            let (after, _) = try await Self.translation(harness, client, "sr-Latn", as: "outsider")
            #expect(after.units.map(\.status) == ["current", "current", "outdated"])
            let outdated = after.units[2]
            #expect(outdated.text == "Roditelji žele jasne savete." && outdated.translatedSource == "Parents want plain advice.")
            #expect(outdated.redline?.filter { $0.kind == "insert" }.map(\.text).joined().contains("and honest") == true)
            let status = try await client.send(.get, "/strategies/\(harness.strategyID)/translations", as: harness.tokens["member"])
                .decode(Wire.TranslationStatus.self)
            #expect(status.sourceLanguage == "en")
            #expect(status.items.first { $0.language == "sr-Latn" }?.counts == .init(current: 2, outdated: 1, missing: 0, total: 3))
            #expect(status.items.first { $0.language == "sq" }?.counts == .init(current: 0, outdated: 0, missing: 3, total: 3))
            let fixed = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sr-Latn", as: translator,
                json: #"{"units":[{"id":"u2","text":"Roditelji žele jasne i iskrene savete.","sourceRevision":\#(after.sourceRevision)}]}"#,
                headers: [.ifMatch: "\"1\""]
            )
            #expect(fixed.status == .ok)
            let (done, _) = try await Self.translation(harness, client, "sr-Latn", as: "member")
            #expect(done.units.allSatisfy { $0.status == "current" } && done.revision == 2)
            // Its history: who saved what, newest first.
            let history = try await client.send(
                .get, harness.sectionURI + "/translation/revisions?lang=sr-Latn", as: harness.tokens["observer"]
            ).text
            let first = try #require(history.range(of: #""number":2"#)), second = try #require(history.range(of: #""number":1"#))
            #expect(first.lowerBound < second.lowerBound)
            #expect(history.contains(#""origin":"edit""#) && history.contains(#""units":3"#) && history.contains(#""units":1"#))
            #expect(history.contains(#""name":"Outsider""#))
        }
    }

    @Test func writesAreConditionalAndScopedToTheTranslatorsLanguages() async throws {
        let harness = try await Self.translated()
        try await harness.application().test(.router) { client in
            let uri = harness.sectionURI + "/translation?lang=sr-Latn"
            let body = #"{"units":[{"id":"heading","text":"Uvod","sourceRevision":2}]}"#
            let unconditional = try await client.send(.put, uri, as: harness.tokens["outsider"], json: body)
            #expect(unconditional.status == .preconditionRequired)
            let first = try await client.send(.put, uri, as: harness.tokens["outsider"], json: body, headers: [.ifMatch: "\"0\""])
            #expect(first.status == .ok)
            let stale = try await client.send(.put, uri, as: harness.tokens["outsider"], json: body, headers: [.ifMatch: "\"0\""])
            #expect(stale.status == .preconditionFailed)
            let otherLanguage = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sq", as: harness.tokens["outsider"], json: body, headers: [.ifMatch: "*"]
            )
            #expect(otherLanguage.status == .forbidden)
            for role in ["member", "observer", "signatory"] {
                let refused = try await client.send(.put, uri, as: harness.tokens[role], json: body, headers: [.ifMatch: "*"])
                #expect(refused.status == .forbidden, "\(role)")
            }
            let facilitator = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sq", as: harness.tokens["facilitator"],
                json: #"{"units":[{"id":"heading","text":"Hyrje","sourceRevision":2}]}"#, headers: [.ifMatch: "*"]
            )
            #expect(facilitator.status == .ok)
            // The translator reads the strategy, but may not change it.
            #expect(try await client.send(.get, harness.sectionURI, as: harness.tokens["outsider"]).status == .ok)
            let edit = try await client.send(
                .put, harness.sectionURI, as: harness.tokens["outsider"], json: #"{"heading":"X","body":"Y"}"#, headers: [.ifMatch: "*"]
            )
            #expect(edit.status == .forbidden)
        }
    }

    @Test func badLanguagesAndUnitsAreClearProblemsAndWriteNothing() async throws {
        let harness = try await Self.translated()
        try await harness.application().test(.router) { client in
            let token = harness.tokens["facilitator"]
            let malformed = try await client.send(.get, harness.sectionURI + "/translation?lang=not%20a%20tag", as: token)
            #expect(malformed.status == .unprocessableContent && malformed.text.contains("lang"))
            let missing = try await client.send(.get, harness.sectionURI + "/translation", as: token)
            #expect(missing.status == .unprocessableContent)
            let notATarget = try await client.send(.get, harness.sectionURI + "/translation?lang=de", as: token)
            #expect(notATarget.status == .notFound)
            let units = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sq", as: token,
                json:
                    #"{"units":[{"id":"u9","text":"x","sourceRevision":2},{"id":"u1","text":"a\n\nb","sourceRevision":2},{"id":"heading","text":"H","sourceRevision":99}]}"#,
                headers: [.ifMatch: "*"]
            )
            #expect(units.status == .unprocessableContent)
            for field in ["units/0/id", "units/1/text", "units/2/sourceRevision"] { #expect(units.text.contains(field), "\(field)") }
            let unknownField = try await client.send(
                .put, harness.sectionURI + "/translation?lang=sq", as: token, json: #"{"units":[],"extra":1}"#, headers: [.ifMatch: "*"]
            )
            #expect(unknownField.status == .unprocessableContent || unknownField.status == .badRequest)
            let (after, _) = try await Self.translation(harness, client, "sq", as: "member")
            #expect(after.revision == 0)
            // Languages on the strategy: an invalid tag is 422 naming it; the source cannot be a target.
            let badTag = try await client.send(
                .patch, "/strategies/\(harness.strategyID)", as: token, json: #"{"translations":["sq","xx-invalid-!"]}"#
            )
            #expect(badTag.status == .unprocessableContent && badTag.text.contains("xx-invalid-!"))
            let sourceAsTarget = try await client.send(.patch, "/strategies/\(harness.strategyID)", as: token, json: #"{"translations":["en"]}"#)
            #expect(sourceAsTarget.status == .unprocessableContent)
            let strategy = try await client.send(.get, "/strategies/\(harness.strategyID)", as: token).text
            #expect(strategy.contains(#""language":"en""#) && strategy.contains(#""translations":["sq","sr-Latn"]"#))
            // A translator's languages must be the strategy's.
            let member = try await client.send(
                .put, "/strategies/\(harness.strategyID)/members/\(harness.accountIDs["outsider"]!)", as: token,
                json: #"{"role":"translator","languages":["de"]}"#
            )
            #expect(member.status == .unprocessableContent && member.text.contains("languages/0"))
        }
    }

    @Test func theDocBookExportIsPerLanguageAndAdoptionCanWaitForTranslations() async throws {
        let harness = try await Self.translated()
        let facilitator = try await harness.account("facilitator")
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sq", ifMatch: .any,
            units: [
                UnitTranslationInput(id: "heading", text: "Hyrje", sourceRevision: 2),
                UnitTranslationInput(id: "u1", text: "Fëmijët hyjnë herët në internet.", sourceRevision: 2),
            ],
            by: facilitator
        )
        try await harness.application().test(.router) { client in
            let export = try await client.send(.get, "/strategies/\(harness.strategyID)/export?lang=sq", as: harness.tokens["member"])
            #expect(export.status == .ok)
            let xml = export.text
            #expect(xml.contains(#"xml:lang="sq""#))
            #expect(xml.contains("<title>Hyrje</title>") && xml.contains("<para>Fëmijët hyjnë herët në internet.</para>"))
            #expect(xml.contains(#"<para xml:lang="en">Parents want plain advice.</para>"#))
            let source = try await client.send(.get, "/strategies/\(harness.strategyID)/export", as: harness.tokens["member"]).text
            #expect(source.contains(#"xml:lang="en""#) && source.contains("<title>Introduction</title>"))
            let unknown = try await client.send(.get, "/strategies/\(harness.strategyID)/export?lang=de", as: harness.tokens["member"])
            #expect(unknown.status == .notFound)
        }
        // Adoption that waits for translations names what is missing.
        let admin = try await harness.account("admin")
        _ = try await harness.database.updateStrategy(
            id: harness.strategyID, title: nil, summary: nil, languages: LanguageChange(requireTranslations: true), by: admin
        )
        _ = try await harness.database.createDraft(strategyID: harness.strategyID, title: "Final", note: nil, by: facilitator)
        let frozen = try await harness.database.draftTranslations(strategyID: harness.strategyID, draft: 1, for: facilitator)
        #expect(frozen.map(\.language) == ["sq", "sr-Latn"] && frozen.map(\.behind) == [["1"], ["1"]])
        for phase in [Phase.consultation, .finalReview] {
            _ = try await harness.database.updateStrategy(id: harness.strategyID, title: nil, summary: nil, phase: phase, by: facilitator)
        }
        let signatory = try await harness.account("signatory")
        let strategy = try await harness.database.strategy(id: harness.strategyID, for: admin).strategy
        for group in strategy.groups {
            let (account, _) = try await harness.database.createAccount(name: "Signs for \(group.key)", admin: false, by: .commandLine)
            let signer = group.key == "government" ? signatory : account
            if group.key != "government" {
                _ = try await harness.database.setMember(
                    strategyID: harness.strategyID, accountID: account.id, role: .signatory, group: group.key, by: admin
                )
            }
            _ = try await harness.database.signOffDraft(
                strategyID: harness.strategyID, draft: 1, NewSignoff(decision: .approve, note: nil, group: group.key), by: signer
            )
        }
        let refused = await modelErrorOf { _ = try await harness.database.adopt(strategyID: harness.strategyID, draft: 1, by: facilitator) }
        guard case .translationsIncomplete(let draft, let languages) = refused else {
            Issue.record("expected translations-incomplete, got \(String(describing: refused))")
            return
        }
        #expect(draft == 1 && languages.count == 2 && languages[0].hasPrefix("sq (1)"))
    }
}

/// The `DocumentModelError` `body` threw, or nil.
func modelErrorOf(_ body: () async throws -> Void) async -> DocumentModelError? {
    do {
        try await body()
        return nil
    } catch let error as DocumentModelError {
        return error
    } catch {
        return nil
    }
}

extension TranslationWorkflowTests {
    /// Every group of the harness's strategy approves draft `draft` (a signatory per group).
    static func approveByEveryGroup(_ harness: Harness, draft: Int) async throws {
        let admin = try await harness.account("admin")
        let strategy = try await harness.database.strategy(id: harness.strategyID, for: admin).strategy
        for group in strategy.groups {
            let (account, _) = try await harness.database.createAccount(name: "Signs for \(group.key) \(draft)", admin: false, by: .commandLine)
            _ = try await harness.database.setMember(
                strategyID: harness.strategyID, accountID: account.id, role: .signatory, group: group.key, by: admin
            )
            _ = try await harness.database.signOffDraft(
                strategyID: harness.strategyID, draft: draft, NewSignoff(decision: .approve, note: nil, group: group.key), by: account
            )
        }
    }

    @Test func thePublicPageReadsInEachLanguageAndSaysWhichAreThere() async throws {
        let harness = try await Self.translated()
        let facilitator = try await harness.account("facilitator")
        // Albanian complete; Serbian the heading only.
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sq", ifMatch: .any,
            units: [
                UnitTranslationInput(id: "heading", text: "Hyrje", sourceRevision: 2),
                UnitTranslationInput(id: "u1", text: "Fëmijët hyjnë herët në internet.", sourceRevision: 2),
                UnitTranslationInput(id: "u2", text: "Prindërit duan këshilla të qarta.", sourceRevision: 2),
            ],
            by: facilitator
        )
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sr-Latn", ifMatch: .any,
            units: [UnitTranslationInput(id: "heading", text: "Uvod", sourceRevision: 2)], by: facilitator
        )
        _ = try await harness.database.createDraft(strategyID: harness.strategyID, title: "Final", note: nil, by: facilitator)
        // Translated after the draft was cut: the draft keeps the Serbian as it was.
        _ = try await harness.database.updateSectionTranslation(
            strategyID: harness.strategyID, sectionID: harness.sectionID, language: "sr-Latn", ifMatch: .any,
            units: [UnitTranslationInput(id: "u1", text: "Deca rano idu na internet.", sourceRevision: 2)], by: facilitator
        )
        for phase in [Phase.consultation, .finalReview] {
            _ = try await harness.database.updateStrategy(id: harness.strategyID, title: nil, summary: nil, phase: phase, by: facilitator)
        }
        try await Self.approveByEveryGroup(harness, draft: 1)
        _ = try await harness.database.adopt(strategyID: harness.strategyID, draft: 1, by: facilitator)
        let (publication, _) = try await harness.database.publish(strategyID: harness.strategyID, by: facilitator)
        try await harness.application().test(.router) { client in
            let page = try await client.execute(uri: "/public/\(publication.slug)?lang=sq", method: .get)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains(#"<link rel="alternate" hreflang="sr-Latn" href="/public/\#(publication.slug)?lang=sr-Latn">"#))
            #expect(html.contains(#"<link rel="alternate" hreflang="en" href="/public/\#(publication.slug)">"#))
            #expect(html.contains(#"lang="sq"><span class="number no-print">1</span> Hyrje</h2>"#))
            #expect(html.contains("<p>Prindërit duan këshilla të qarta.</p>"))
            #expect(html.contains(#"href="/public/\#(publication.slug)/strategy.xml?lang=sq""#))
            let serbian = String(buffer: try await client.execute(uri: "/public/\(publication.slug)?lang=sr-Latn", method: .get).body)
            #expect(serbian.contains("Uvod"))
            #expect(
                serbian.contains(#"<span lang="en">Children go online early.</span> <span class="unit-state unit-missing""#), "as the draft froze it")
            #expect(!serbian.contains("Deca rano"), "a translation made after the draft is not the adopted one")
            let docbook = String(buffer: try await client.execute(uri: "/public/\(publication.slug)/strategy.xml?lang=sq", method: .get).body)
            #expect(docbook.contains(#"xml:lang="sq""#) && docbook.contains("<title>Hyrje</title>"))
            let unknown = try await client.execute(uri: "/public/\(publication.slug)?lang=de", method: .get)
            #expect(
                unknown.status == .ok && String(buffer: unknown.body).contains("Children go online early."), "an unknown language reads the source")
        }
    }
}
