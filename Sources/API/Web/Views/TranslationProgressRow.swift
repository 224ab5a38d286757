import DocumentModel

/// One target language's progress on the strategy page: its units by state and the share that is current.
struct TranslationProgressRow {
    let language: String
    let tag: String
    let href: String
    /// The language's translation files (XLIFF).
    let filesHref: String
    let current: Int
    let outdated: Int
    let missing: Int
    let percent: Int
    let summary: String

    init(_ status: TranslationStatus.Language, href: String, filesHref: String, _ t: Messages) {
        language = LanguageNames.endonym(status.language)
        tag = status.language
        self.href = href
        self.filesHref = filesHref
        current = status.counts.current
        outdated = status.counts.outdated
        missing = status.counts.missing
        percent = status.counts.total == 0 ? 100 : status.counts.current * 100 / status.counts.total
        summary = t.format("translationPercent", ["percent": "\(percent)"])
    }
}
