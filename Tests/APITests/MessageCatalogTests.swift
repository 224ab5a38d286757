import Foundation
import Testing

@testable import API

/// A language is one file: dropped beside `en.json`, it is offered and chosen without code changes, and the
/// words it lacks fall back to English.
@Suite struct MessageCatalogTests {
    @Test func aNewLanguageFileIsChosenFromAcceptLanguageAndFallsBackToEnglish() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let english = try WebResources.directory("messages").appendingPathComponent("en.json")
        try FileManager.default.copyItem(at: english, to: directory.appendingPathComponent("en.json"))
        try Data(#"{"languageName": "Shqip", "signIn": "Hyr"}"#.utf8).write(to: directory.appendingPathComponent("sq.json"))
        let catalog = try MessageCatalog.load(from: directory)
        #expect(catalog.tags == ["en", "sq"])
        let albanian = catalog.messages(account: nil, acceptLanguage: "sq-AL, en;q=0.5")
        #expect(albanian.language == "sq")
        #expect(albanian["signIn"] == "Hyr")
        #expect(albanian["password"] == "Password")
        #expect(catalog.messages(account: nil, acceptLanguage: "de, sq;q=0.3").language == "sq")
        #expect(catalog.messages(account: nil, acceptLanguage: "sq;q=0, de").language == "en")
        #expect(catalog.messages(account: nil, acceptLanguage: nil).language == "en")
    }

    @Test func acceptLanguageIsReadByQualityAndBounded() {
        #expect(MessageCatalog.preferences("en;q=0.2, sr-Latn;q=0.9, sq") == ["sq", "sr-latn", "en"])
        #expect(MessageCatalog.preferences("*, ;q=1, en;q=abc") == [])
        #expect(MessageCatalog.preferences(String(repeating: "en,", count: 10_000)).count == 20)
    }
}
