import DocumentModel
import Foundation
import Testing

@testable import API

/// The interface's languages (#26): one file per language beside `en.json` (Serbian in Cyrillic made from the
/// Latin file), each with every English key and the same placeholders, plural forms by CLDR's rules, chosen by
/// the account, the menu's cookie or `Accept-Language`; and no word in a template that is not in the catalog.
@Suite struct MessageCatalogTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/API/Resources/Web")

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: #/\{([A-Za-z]+)\}/#).map { String($0.output.1) })
    }

    @Test func aNewLanguageFileIsChosenFromAcceptLanguageAndFallsBackToEnglish() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let english = try WebResources.directory("messages").appendingPathComponent("en.json")
        try FileManager.default.copyItem(at: english, to: directory.appendingPathComponent("en.json"))
        try Data(#"{"languageName": "Deutsch", "signIn": "Anmelden"}"#.utf8).write(to: directory.appendingPathComponent("de.json"))
        let catalog = try MessageCatalog.load(from: directory)
        #expect(catalog.tags == ["en", "de"])
        let german = catalog.messages(account: nil, acceptLanguage: "de-AT, en;q=0.5")
        #expect(german.language == "de")
        #expect(german["signIn"] == "Anmelden")
        #expect(german["password"] == "Password")
        #expect(catalog.messages(account: nil, acceptLanguage: "fr, de;q=0.3").language == "de")
        #expect(catalog.messages(account: nil, acceptLanguage: "de;q=0, fr").language == "en")
        #expect(catalog.messages(account: nil, acceptLanguage: nil).language == "en")
    }

    @Test func theFourLanguagesAreChosenByAccountMenuAndBrowserInThatOrder() async throws {
        let catalog = try MessageCatalog.load()
        #expect(catalog.tags == ["sq", "sr-Latn", "sr-Cyrl", "en"], "official languages first, each by its own tag")
        #expect(catalog.tags.map { catalog[$0]!["languageName"] } == ["Shqip", "Srpski", "Српски", "English"])
        #expect(catalog.messages(account: nil, acceptLanguage: "sr-Latn-RS, en;q=0.5").language == "sr-Latn")
        #expect(catalog.messages(account: nil, acceptLanguage: "sr-RS").language == "sr-Cyrl", "Serbian without a script is Cyrillic")
        #expect(catalog.messages(account: nil, acceptLanguage: "sq-XK").language == "sq")
        let database = try AppDatabase.inMemory()
        let (created, _) = try await database.createAccount(name: "Ana", admin: false, by: .commandLine)
        try await database.setPreferences(accountID: created.id, Preferences(language: "sq", timeZone: nil))
        let account = try await database.account(id: created.id)
        #expect(catalog.messages(account: account, chosen: "en", acceptLanguage: "sr").language == "sq", "the account's choice first")
        #expect(catalog.messages(account: nil, chosen: "SR-CYRL", acceptLanguage: "sq").language == "sr-Cyrl", "then the menu's")
        #expect(catalog.messages(account: nil, chosen: "xx", acceptLanguage: "sq").language == "sq", "an unknown choice is no choice")
    }

    @Test func everyCatalogHasEveryEnglishKeyWithTheSamePlaceholders() throws {
        let catalog = try MessageCatalog.load()
        let directory = Self.resources.appendingPathComponent("messages")
        let english = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: directory.appendingPathComponent("en.json")))
        let plural = #/^(.+)_(one|few)$/#
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) where file.pathExtension == "json" {
            let tag = file.deletingPathExtension().lastPathComponent
            let own = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
            // The Cyrillic catalog is made from the Latin one: the same keys, so checking the file checks both.
            for (key, text) in english {
                guard let translated = own[key] else {
                    Issue.record("\(tag) has no \(key)")
                    continue
                }
                // The same placeholders as the English text of the same key.
                let expected = Self.placeholders(text)
                let found = Self.placeholders(translated)
                #expect(found == expected, "\(tag): \(key) has \(found.sorted()), English \(expected.sorted())")
                checked += 1
            }
            // A plural form English does not need (Serbian's `_few`) has its base key's placeholders.
            for (key, translated) in own where english[key] == nil {
                let base = key.wholeMatch(of: plural).map { String($0.output.1) }
                #expect(base.flatMap { english[$0] } != nil, "\(tag): \(key) is neither an English key nor a plural form of one")
                if let base, let text = english[base] {
                    #expect(Self.placeholders(translated) == Self.placeholders(text), "\(tag): \(key)")
                }
            }
        }
        #expect(checked >= 3 * english.count)
        // The generated Cyrillic catalog keeps every placeholder intact.
        let cyrillic = try #require(catalog["sr-Cyrl"])
        for (key, text) in english where !key.hasSuffix("_one") && !key.hasSuffix("_few") {
            #expect(Self.placeholders(cyrillic[key]) == Self.placeholders(text), "sr-Cyrl: \(key)")
        }
        #expect(cyrillic["importLimit"].contains("DocBook 5") && cyrillic["importLimit"].contains("MB"), "\(cyrillic["importLimit"])")
    }

    @Test func pluralFormsFollowEachLanguagesRules() throws {
        let catalog = try MessageCatalog.load()
        let serbian = try #require(catalog["sr-Latn"])
        #expect(serbian.plural("waitingComments", count: 1) == "1 komentar za razmatranje")
        #expect(serbian.plural("waitingComments", count: 3) == "3 komentara za razmatranje")
        #expect(serbian.plural("waitingAmendments", count: 5) == "5 otvorenih amandmana za odlučivanje")
        #expect(serbian.plural("waitingAmendments", count: 22) == "22 otvorena amandmana za odlučivanje")
        #expect(serbian.plural("waitingAmendments", count: 21) == "21 otvoren amandman za odlučivanje")
        #expect(try #require(catalog["sr-Cyrl"]).plural("waitingAmendments", count: 2) == "2 отворена амандмана за одлучивање")
        let albanian = try #require(catalog["sq"])
        #expect(albanian.plural("waitingComments", count: 1) == "1 koment për t'u trajtuar")
        #expect(albanian.plural("waitingComments", count: 4) == "4 komente për t'u trajtuar")
        let english = try #require(catalog["en"])
        #expect(english.plural("waitingAmendments", count: 1) == "1 open amendment to decide")
        #expect(english.plural("waitingAmendments", count: 1_500) == "1,500 open amendments to decide", "numbers as the language writes them")
    }

    @Test func noTemplateHoldsAWordOutsideTheCatalog() throws {
        let templates = Self.resources.appendingPathComponent("templates")
        var found: [String] = []
        var scanned = 0
        for case let file as URL in FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)!
        where file.pathExtension == "mustache" {
            var text = try String(contentsOf: file, encoding: .utf8)
            scanned += 1
            // What a reader sees is text between tags, outside Mustache's own tags; attributes a reader hears
            // (aria-label, title, placeholder, alt) count as text too.
            text = text.replacing(#/\{\{\{?[^}]*\}?\}\}/#, with: "")
            for attribute in text.matches(of: #/(?:aria-label|title|placeholder|alt)="([^"]*)"/#) {
                found += Self.words(in: String(attribute.output.1)).map { "\(file.lastPathComponent): \($0)" }
            }
            text = text.replacing(#/<!--.*?-->/#.dotMatchesNewlines(), with: "").replacing(#/<[^>]*>/#, with: " ")
            found += Self.words(in: text).map { "\(file.lastPathComponent): \($0)" }
        }
        #expect(scanned > 40)
        #expect(found == [], "words written into templates: \(found)")
        // The check itself finds a word where there is one.
        #expect(Self.words(in: " Save ".replacing(#/<[^>]*>/#, with: " ")) == ["Save"])
    }

    /// Runs of letters in `text` (a word of the interface, which belongs in the catalog).
    static func words(in text: String) -> [String] {
        text.matches(of: #/\p{L}{2,}/#).map { String($0.output) }
    }

    @Test func acceptLanguageIsReadByQualityAndBounded() {
        #expect(MessageCatalog.preferences("en;q=0.2, sr-Latn;q=0.9, sq") == ["sq", "sr-latn", "en"])
        #expect(MessageCatalog.preferences("*, ;q=1, en;q=abc") == [])
        #expect(MessageCatalog.preferences(String(repeating: "en,", count: 10_000)).count == 20)
    }
}
