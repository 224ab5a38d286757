import Foundation

/// What an admin gives to create a strategy.
public struct NewStrategy: Sendable {
    public var title: String
    public var summary: String
    public var groups: [StakeholderGroup]?
    /// The source language (BCP 47); nil takes the creator's interface language, else English.
    public var language: String?
    /// Target languages; none until someone adds them.
    public var translations: [String]?

    public init(
        title: String, summary: String, groups: [StakeholderGroup]? = nil, language: String? = nil, translations: [String]? = nil
    ) {
        self.title = title
        self.summary = summary
        self.groups = groups
        self.language = language
        self.translations = translations
    }

    /// The languages to store: canonical tags, the source defaulting to `fallback`.
    func languages(fallback: String?) -> (language: String, translations: [String]) {
        let language = language.flatMap(LanguageTag.canonical) ?? fallback.flatMap(LanguageTag.canonical) ?? "en"
        var errors = FieldErrors()
        return (language, LanguageTag.canonical(translations ?? [], field: "translations", into: &errors))
    }
}

extension NewStrategy: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        errors.text(title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(summary, field: "summary", maxLength: TextRules.maxSummaryLength, allowEmpty: true)
        LinkRules.check(summary, field: "summary", into: &errors)
        let groups = groups ?? StakeholderGroup.defaults
        if groups.isEmpty { errors.add("groups", "must name at least one group") }
        if groups.count > 50 { errors.add("groups", "must name at most 50 groups") }
        var seen: Set<String> = []
        for (index, group) in groups.enumerated() {
            if !TextRules.isValidGroupKey(group.key) {
                errors.add("groups/\(index)/key", "must be lower-case letters, digits and hyphens")
            } else if !seen.insert(group.key).inserted {
                errors.add("groups/\(index)/key", "is given twice")
            }
            errors.text(group.name, field: "groups/\(index)/name", maxLength: TextRules.maxNameLength, singleLine: true)
        }
        StrategyLanguages.check(language: language, translations: translations, into: &errors)
    }
}

/// The rules for a strategy's languages: well-formed BCP 47 tags, at most 20 targets, none the source itself.
enum StrategyLanguages {
    static let maxTranslations = 20

    static func check(language: String?, translations: [String]?, into errors: inout FieldErrors) {
        let source = language.flatMap(LanguageTag.canonical)
        if let language, source == nil {
            errors.add("language", "'\(language.prefix(40))' is not a BCP 47 language tag (such as sq, sr-Latn, en)")
        }
        guard let translations else { return }
        if translations.count > maxTranslations { errors.add("translations", "must name at most \(maxTranslations) languages") }
        let tags = LanguageTag.canonical(translations, field: "translations", into: &errors)
        if let source, tags.contains(source) {
            errors.add("translations", "must not name the source language (\(source))")
        }
    }
}

/// A change of a strategy's title and/or summary (its phase is checked against the current one, in the write).
struct StrategyUpdate: ValidatedInput {
    var title: String?
    var summary: String?
    var language: String? = nil
    var translations: [String]? = nil

    func validate(into errors: inout FieldErrors) {
        StrategyLanguages.check(language: language, translations: translations, into: &errors)
        errors.text(title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(summary, field: "summary", maxLength: TextRules.maxSummaryLength, allowEmpty: true)
        LinkRules.check(summary, field: "summary", into: &errors)
    }
}

/// A change of a strategy's languages: any field left nil stays as it is.
public struct LanguageChange: Sendable, Equatable {
    public var language: String?
    public var translations: [String]?
    public var requireTranslations: Bool?

    public init(language: String? = nil, translations: [String]? = nil, requireTranslations: Bool? = nil) {
        self.language = language
        self.translations = translations
        self.requireTranslations = requireTranslations
    }

    public var isEmpty: Bool { language == nil && translations == nil && requireTranslations == nil }
}
