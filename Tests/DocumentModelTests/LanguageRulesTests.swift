import DocumentModel
import Testing

/// Serbian Latin → Cyrillic, letter for letter (lj, nj, dž are one letter each), with what is not Serbian kept;
/// and CLDR's plural categories for the interface's languages.
@Suite struct LanguageRulesTests {
    @Test func serbianLatinBecomesCyrillicLetterForLetter() {
        let cases: [(String, String)] = [
            ("Izrada strategije", "Израда стратегије"),
            ("Ljubljana, NJEGOŠ, Džep, džamija, đak, ćup, čaša, šuma, žaba", "Љубљана, ЊЕГОШ, Џеп, џамија, ђак, ћуп, чаша, шума, жаба"),
            ("LJUDI Ljudi ljudi NjIVA", "ЉУДИ Људи људи ЊИВА"),
            // Across a prefix, d+ž and n+j are two letters.
            ("nadživeti, odžaliti, podžupan, konjunkcija, injekcija", "надживети, оджалити, поджупан, конјункција, инјекција"),
            // What is not Serbian stays as written: placeholders, addresses, formats and products.
            ("Nacrt {n}: {title}", "Нацрт {n}: {title}"),
            ("[tekst](https://link.example/put) i mailto:ana@example.org", "[текст](https://link.example/put) и mailto:ana@example.org"),
            ("DocBook 5 članak, najviše {megabytes} MB (XML, API, DOCX)", "DocBook 5 чланак, највише {megabytes} MB (XML, API, DOCX)"),
            ("zaglavlju Authorization kao „Bearer”", "заглављу Authorization као „Bearer”"),
            ("ǅep ǉudi ǌiva", "џеп људи њива"),
        ]
        for (latin, cyrillic) in cases {
            #expect(SerbianScript.cyrillic(fromLatin: latin) == cyrillic, "\(latin)")
        }
    }

    @Test func pluralCategoriesFollowCLDR() {
        let serbian: [Int: PluralCategory] = [
            0: .other, 1: .one, 2: .few, 3: .few, 4: .few, 5: .other, 11: .other, 12: .other, 14: .other, 20: .other, 21: .one,
            22: .few, 24: .few, 25: .other, 101: .one, 102: .few, 111: .other, 112: .other, 1_001: .one, 1_011: .other,
        ]
        for (count, category) in serbian {
            #expect(PluralCategory(count, language: "sr-Latn") == category, "sr \(count)")
            #expect(PluralCategory(count, language: "sr-Cyrl") == category, "sr-Cyrl \(count)")
        }
        for language in ["sq", "en"] {
            #expect(PluralCategory(1, language: language) == .one)
            for count in [0, 2, 3, 5, 11, 21, 101] { #expect(PluralCategory(count, language: language) == .other, "\(language) \(count)") }
        }
    }
}
