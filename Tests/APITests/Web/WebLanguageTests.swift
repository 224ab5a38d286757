import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The language menu of every page (#26): signed out, the choice is a cookie; signed in, it is the account's, as in
/// Settings; `<html lang>` always names the page's language, and Serbian reads in either script.
@Suite struct WebLanguageTests {
    static func lang(_ html: String) -> String? {
        html.firstMatch(of: #/<html lang="([^"]+)">/#).map { String($0.output.1) }
    }

    @Test func aSignedOutReaderChoosesALanguageThatStays() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = WebClient(client)
            let english = try await web.get("/app/signin", headers: [.acceptLanguage: "de"])
            #expect(Self.lang(english.text) == "en")
            #expect(english.text.contains(#"<option value="sr-Cyrl" lang="sr-Cyrl">Српски</option>"#))
            #expect(english.text.contains(#"<form method="get" action="/app/language" class="language-menu">"#))
            let chosen = try await web.get("/app/language?language=sr-cyrl", headers: [.referer: "http://localhost/app/signin?next=/app"])
            #expect(chosen.status == .seeOther && chosen.headers[.location] == "/app/signin?next=/app")
            #expect(web.cookies["strategy_lang"] == "sr-Cyrl")
            let serbian = try await web.get("/app/signin")
            #expect(Self.lang(serbian.text) == "sr-Cyrl")
            #expect(serbian.text.contains("<h1>Пријава</h1>"), "the page in Cyrillic")
            #expect(serbian.text.contains(#"<option value="sr-Cyrl" lang="sr-Cyrl" selected>Српски</option>"#))
            // Another site's address is never where the menu sends a reader back to.
            let elsewhere = try await web.get("/app/language?language=sq", headers: [.referer: "https://evil.example/phish"])
            #expect(elsewhere.headers[.location] == "/app")
            #expect(Self.lang(try await web.get("/app/signin").text) == "sq")
            #expect(try await web.get("/app/language?language=klingon").status == .badRequest)
            // Accept-Language finds Serbian in Latin letters by its script.
            var browser = WebClient(client)
            #expect(Self.lang(try await browser.get("/app/signin", headers: [.acceptLanguage: "sr-Latn-RS, en;q=0.5"]).text) == "sr-Latn")
        }
    }

    @Test func aSignedInReadersChoiceIsKeptOnTheAccount() async throws {
        let harness = try await Harness.make()
        try await harness.application().test(.router) { client in
            var web = try await WebPagesTests.signIn("member", harness, client)
            let home = try await web.get("/app")
            #expect(home.text.contains(#"<form method="post" action="/app/language" class="language-menu">"#))
            let chosen = try await web.post("/app/language", ["language": "sq"], headers: [.referer: "http://localhost/app/settings"])
            #expect(chosen.status == .seeOther && chosen.headers[.location] == "/app/settings")
            #expect(try await harness.database.account(id: harness.accountIDs["member"]!)?.language == "sq")
            let settings = try await web.get("/app/settings")
            #expect(Self.lang(settings.text) == "sq" && settings.text.contains("<h1>Cilësimet tuaja</h1>"))
            // Without the page's form token, nothing is kept.
            let forged = try await web.post("/app/language", ["language": "en", "csrf": "forged"])
            #expect(forged.status == .forbidden)
            #expect(try await harness.database.account(id: harness.accountIDs["member"]!)?.language == "sq")
            // A count reads as the language counts: Serbian has three forms.
            _ = try await web.post("/app/language", ["language": "sr-Latn"])
            let strategy = try await web.get("/app/strategies/\(harness.strategyID)")
            #expect(Self.lang(strategy.text) == "sr-Latn" && strategy.text.contains("Struktura"))
        }
    }
}
