extension Access {
    /// `language` as one of the strategy's target languages, in canonical case: 422 for a malformed tag, 404 for
    /// a language the strategy is not translated into.
    public func targetLanguage(_ language: String) throws -> String {
        guard let tag = LanguageTag.canonical(language) else {
            throw DocumentModelError.invalid("lang", "'\(language.prefix(40))' is not a BCP 47 language tag (such as sq, sr-Latn, en)")
        }
        guard strategy.translations.contains(tag) else { throw DocumentModelError.notFound("translation into \(tag)") }
        return tag
    }

    /// Throws unless this caller may edit the translation into `language` now: facilitators (and admins) every
    /// target language, a translator the languages of their membership.
    public func requireTranslation(_ language: String) throws {
        try require(.translate)
        if account.admin || membership?.role == .facilitator { return }
        guard membership?.languages.contains(language) == true else {
            throw DocumentModelError.forbidden(
                "you translate this strategy into \(membership?.languages.joined(separator: ", ") ?? "no language"), not \(language)")
        }
    }

    /// Whether this caller may edit the translation into `language` now (pages offer **Translate** by it).
    public func mayTranslate(_ language: String) -> Bool {
        (try? requireTranslation(language)) != nil
    }
}
