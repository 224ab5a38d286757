import Foundation

/// A language tag's name in its own language (an endonym), as a reader looks for it in a menu.
enum LanguageNames {
    /// The service's own languages, written as their speakers write them.
    static let known: [String: String] = [
        "sq": "Shqip", "sr-Latn": "Srpski", "sr-Cyrl": "Српски", "sr": "Српски", "en": "English", "mk": "Македонски",
        "bs": "Bosanski", "hr": "Hrvatski", "tr": "Türkçe", "de": "Deutsch", "fr": "Français",
    ]

    static func endonym(_ tag: String) -> String {
        if let name = known[tag] { return name }
        let locale = Locale(identifier: tag)
        guard let name = locale.localizedString(forIdentifier: tag), !name.isEmpty else { return tag }
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}

/// The **Read in** choice of a page: the strategy's source language and each translation, as links.
struct ReadInView {
    struct Choice {
        let label: String
        let href: String
        let lang: String
        let current: Bool
    }

    let choices: [Choice]

    /// Nil when the strategy has no translation (there is nothing to choose).
    static func make(languages: [String], chosen: String, href: (String?) -> String, source: String) -> ReadInView? {
        guard languages.count > 1 else { return nil }
        return ReadInView(
            choices: languages.map { tag in
                Choice(label: LanguageNames.endonym(tag), href: href(tag == source ? nil : tag), lang: tag, current: tag == chosen)
            }
        )
    }
}
