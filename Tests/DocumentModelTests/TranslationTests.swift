import DocumentModel
import Foundation
import Testing

/// Translations through the domain: states after source edits, revisions, roles, memory, status.
@Suite struct TranslationTests {
    struct Fixture {
        let store: TestStore
        let translator: Account
        let section: Section
        var database: AppDatabase { store.database }
        var strategyID: Int64 { store.strategy.id }
    }

    static let body = "The helpline answers every call.\n\nSchools teach online safety.\n\n- parents\n- teachers"

    func fixture() async throws -> Fixture {
        let store = try await TestStore.make()
        _ = try await store.database.updateStrategy(
            id: store.strategy.id, title: nil, summary: nil, languages: LanguageChange(translations: ["sq", "sr-latn"]), by: store.admin
        )
        let (translator, _) = try await store.database.createAccount(name: "Translator", admin: false, by: .commandLine)
        _ = try await store.database.setMember(
            strategyID: store.strategy.id, accountID: translator.id, role: .translator, group: nil, languages: ["sr-Latn"], by: store.admin
        )
        let section = try await store.section("Helpline", body: Self.body)
        return Fixture(store: store, translator: translator, section: section)
    }

    func translateAll(_ fixture: Fixture, language: String = "sr-Latn") async throws -> SectionTranslation {
        let current = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: language, for: fixture.translator
        )
        let units = current.units.map { UnitTranslationInput(id: $0.id, text: "[\($0.source)]", sourceRevision: current.sourceRevision) }
        return try await fixture.database.updateSectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: language, ifMatch: .revision(current.revision),
            units: units, by: language == "sr-Latn" ? fixture.translator : fixture.store.facilitator
        )
    }

    @Test func languagesAreCanonicalAndTheSourceIsNoTarget() async throws {
        let store = try await TestStore.make()
        #expect(store.strategy.language == "en")
        #expect(store.strategy.translations.isEmpty)
        let error = await modelError {
            _ = try await store.database.updateStrategy(
                id: store.strategy.id, title: nil, summary: nil, languages: LanguageChange(translations: ["sq", "not a tag"]), by: store.admin
            )
        }
        guard case .invalid(let errors) = error else {
            Issue.record("expected 422, got \(String(describing: error))")
            return
        }
        #expect(errors.map(\.field) == ["translations/1"])
        #expect(errors.first?.message.contains("not a tag") == true)
        let sameAsSource = await modelError {
            _ = try await store.database.updateStrategy(
                id: store.strategy.id, title: nil, summary: nil, languages: LanguageChange(translations: ["EN"]), by: store.admin
            )
        }
        #expect(sameAsSource != nil)
        let created = try await store.database.createStrategy(
            NewStrategy(title: "Strategjia", summary: "", language: "SQ", translations: ["sr-cyrl", "en"]), by: store.admin
        )
        #expect(created.language == "sq")
        #expect(created.translations == ["sr-Cyrl", "en"])
    }

    @Test func everythingStartsMissingAndATranslationMakesItCurrent() async throws {
        let fixture = try await fixture()
        let empty = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", for: fixture.store.member
        )
        #expect(empty.revision == 0)
        #expect(empty.units.map(\.id) == ["heading", "u1", "u2", "u3", "u4"])
        #expect(empty.units.allSatisfy { $0.state == .missing })
        let saved = try await translateAll(fixture)
        #expect(saved.revision == 1)
        #expect(saved.units.allSatisfy { $0.state == .current })
        #expect(saved.units.first { $0.id == "u2" }?.text == "[Schools teach online safety.]")
    }

    @Test func aSourceEditOutdatesExactlyTheTouchedUnit() async throws {
        let fixture = try await fixture()
        _ = try await translateAll(fixture)
        let edited = Self.body.replacingOccurrences(of: "online safety", with: "online safety and privacy")
        _ = try await fixture.database.updateSection(
            strategyID: fixture.strategyID, id: fixture.section.id, ifMatch: 1, heading: "Helpline", body: edited, message: nil,
            by: fixture.store.facilitator
        )
        let after = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", for: fixture.translator
        )
        #expect(after.units.filter { $0.state != .current }.map(\.id) == ["u2"])
        let outdated = try #require(after.units.first { $0.id == "u2" })
        #expect(outdated.state == .outdated)
        #expect(outdated.text == "[Schools teach online safety.]")
        #expect(outdated.translatedSource == "Schools teach online safety.")
        let inserted = try #require(outdated.sourceChanges).operations.filter { $0.kind == .insert }.map(\.text).joined()
        #expect(inserted.contains("and privacy"))
        let status = try await fixture.database.translationStatus(strategyID: fixture.strategyID, for: fixture.store.member)
        let serbian = try #require(status.languages.first { $0.language == "sr-Latn" })
        #expect(serbian.counts == TranslationCounts(current: 4, outdated: 1, missing: 0))
        let albanian = try #require(status.languages.first { $0.language == "sq" })
        #expect(albanian.counts == TranslationCounts(current: 0, outdated: 0, missing: 5))
        // Saving the outdated unit against the current source makes it current again.
        let fixed = try await fixture.database.updateSectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", ifMatch: .revision(after.revision),
            units: [UnitTranslationInput(id: "u2", text: "Škole uče o bezbednosti i privatnosti.", sourceRevision: after.sourceRevision)],
            by: fixture.translator
        )
        #expect(fixed.units.allSatisfy { $0.state == .current })
        let again = try await fixture.database.translationStatus(strategyID: fixture.strategyID, for: fixture.store.member)
        #expect(again.languages.first { $0.language == "sr-Latn" }?.counts.isComplete == true)
    }

    @Test func aReturningSourceTextIsOfferedItsEarlierTranslation() async throws {
        let fixture = try await fixture()
        _ = try await translateAll(fixture)
        let edited = Self.body.replacingOccurrences(of: "Schools teach online safety.", with: "Schools teach something else.")
        _ = try await fixture.database.updateSection(
            strategyID: fixture.strategyID, id: fixture.section.id, ifMatch: 1, heading: "Helpline", body: edited, message: nil,
            by: fixture.store.facilitator
        )
        _ = try await fixture.database.updateSection(
            strategyID: fixture.strategyID, id: fixture.section.id, ifMatch: 2, heading: "Helpline", body: Self.body, message: nil,
            by: fixture.store.facilitator
        )
        let back = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", for: fixture.translator
        )
        // The unit's translation was made from exactly this text, so it is current again.
        #expect(back.units.allSatisfy { $0.state == .current })
    }

    @Test func memoryOffersATranslationOfTheSameTextElsewhere() async throws {
        let fixture = try await fixture()
        _ = try await translateAll(fixture)
        let other = try await fixture.store.section("Other", body: "Schools teach online safety.")
        let translation = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: other.id, language: "sr-Latn", for: fixture.translator
        )
        #expect(translation.units.first { $0.id == "u1" }?.memory == "[Schools teach online safety.]")
        #expect(translation.units.first { $0.id == "u1" }?.state == .missing)
    }

    @Test func rolesAndLanguagesDecideWhoMayTranslate() async throws {
        let fixture = try await fixture()
        let current = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sq", for: fixture.translator
        )
        let unit = [UnitTranslationInput(id: "heading", text: "Linja ndihmëse", sourceRevision: current.sourceRevision)]
        let otherLanguage = await modelError {
            _ = try await fixture.database.updateSectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sq", ifMatch: .any, units: unit, by: fixture.translator
            )
        }
        guard case .forbidden = otherLanguage else {
            Issue.record("expected 403, got \(String(describing: otherLanguage))")
            return
        }
        let member = await modelError {
            _ = try await fixture.database.updateSectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sq", ifMatch: .any, units: unit,
                by: fixture.store.member
            )
        }
        guard case .forbidden = member else {
            Issue.record("expected 403, got \(String(describing: member))")
            return
        }
        let outsider = await modelError {
            _ = try await fixture.database.sectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sq", for: fixture.store.outsider
            )
        }
        #expect(outsider == .notFound("strategy"))
        let saved = try await fixture.database.updateSectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sq", ifMatch: .any, units: unit,
            by: fixture.store.facilitator
        )
        #expect(saved.heading?.state == .current)
        let notATarget = await modelError {
            _ = try await fixture.database.sectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "de", for: fixture.store.member
            )
        }
        guard case .notFound = notATarget else {
            Issue.record("expected 404, got \(String(describing: notATarget))")
            return
        }
        let notAMember = await modelError {
            _ = try await fixture.database.setMember(
                strategyID: fixture.strategyID, accountID: fixture.store.outsider.id, role: .translator, group: nil, languages: ["de"],
                by: fixture.store.admin
            )
        }
        guard case .invalid(let errors) = notAMember else {
            Issue.record("expected 422")
            return
        }
        #expect(errors.first?.field == "languages/0")
    }

    @Test func staleRevisionsAndBadUnitsAreRefusedAndNothingIsWritten() async throws {
        let fixture = try await fixture()
        let first = try await translateAll(fixture)
        let stale = await modelError {
            _ = try await fixture.database.updateSectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", ifMatch: .revision(0),
                units: [UnitTranslationInput(id: "u1", text: "x", sourceRevision: 1)], by: fixture.translator
            )
        }
        #expect(stale == .preconditionFailed(currentRevision: 1))
        let bad = await modelError {
            _ = try await fixture.database.updateSectionTranslation(
                strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", ifMatch: .revision(1),
                units: [
                    UnitTranslationInput(id: "u99", text: "x", sourceRevision: 1),
                    UnitTranslationInput(id: "u1", text: "one\n\ntwo", sourceRevision: 1),
                    UnitTranslationInput(id: "u3", text: "line\nbreak", sourceRevision: 1),
                    UnitTranslationInput(id: "u2", text: "ok", sourceRevision: 7),
                ],
                by: fixture.translator
            )
        }
        guard case .invalid(let errors) = bad else {
            Issue.record("expected 422, got \(String(describing: bad))")
            return
        }
        #expect(Set(errors.map(\.field)) == ["units/0/id", "units/1/text", "units/2/text", "units/3/sourceRevision"])
        let after = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", for: fixture.translator
        )
        #expect(after == first)
    }

    @Test func draftsFreezeEveryLanguageAndComparePerLanguage() async throws {
        let fixture = try await fixture()
        _ = try await translateAll(fixture)
        _ = try await fixture.database.createDraft(strategyID: fixture.strategyID, title: "One", note: nil, by: fixture.store.facilitator)
        // Only the Serbian text changes between the drafts; the source stays as it was.
        let current = try await fixture.database.sectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", for: fixture.translator
        )
        _ = try await fixture.database.updateSectionTranslation(
            strategyID: fixture.strategyID, sectionID: fixture.section.id, language: "sr-Latn", ifMatch: .revision(current.revision),
            units: [UnitTranslationInput(id: "u1", text: "Linija za pomoć odgovara na svaki poziv.", sourceRevision: current.sourceRevision)],
            by: fixture.translator
        )
        _ = try await fixture.database.createDraft(strategyID: fixture.strategyID, title: "Two", note: nil, by: fixture.store.facilitator)
        let source = try await fixture.database.compareDrafts(strategyID: fixture.strategyID, from: 1, to: 2, for: fixture.store.member)
        #expect(source.sections.map(\.changes) == [[.unchanged]])
        let serbian = try await fixture.database.compareDrafts(
            strategyID: fixture.strategyID, from: 1, to: 2, language: "sr-Latn", for: fixture.store.member
        )
        #expect(serbian.sections.map(\.changes) == [[.changed]])
        let inserted = try #require(serbian.sections.first?.diff).operations.filter { $0.kind == .insert }.map(\.text).joined()
        #expect(inserted.contains("Linija za pomoć"))
        // Draft 1 keeps the Serbian as it was when it was cut.
        let frozen = try await fixture.database.exportDocBook(
            strategyID: fixture.strategyID, draft: 1, language: "sr-Latn", for: fixture.store.member)
        #expect(String(decoding: frozen, as: UTF8.self).contains("[The helpline answers every call.]"))
        let albanian = try await fixture.database.compareDrafts(
            strategyID: fixture.strategyID, from: 1, to: 2, language: "sq", for: fixture.store.member)
        #expect(albanian.sections.map(\.changes) == [[.unchanged]])
    }
}
