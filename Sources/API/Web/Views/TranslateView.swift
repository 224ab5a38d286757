/// `/app/strategies/{id}/sections/{section}/translate?lang=…`: **Translate** a section unit by unit. Each unit
/// shows its source (an outdated one the redline of its source since the text that was translated), with the
/// previous translation, or the translation memory's, in the field; **Save translation** saves what changed.
struct TranslateView {
    struct Unit {
        let id: String
        let label: String
        let state: String
        let stateClass: String
        let sourceHTML: String
        /// For outdated units: the source's changes since the translation was made.
        let redlineHTML: String?
        var text: String
        let fromMemory: Bool
        let outdated: Bool
        let singleLine: Bool
        var confirmed = false
        var error: String?
    }

    let strategyTitle: String
    let strategyHref: String
    let sectionTitle: String
    let sectionHref: String
    let title: String
    let action: String
    /// The target language's name and tag (`lang` of the fields), and the source's tag.
    let language: String
    let languageTag: String
    let sourceLanguage: String
    let countsLine: String
    var revision: Int
    var sourceRevision: Int
    var units: [Unit]
    var notice: String?
    /// The translation's revisions, newest first, each in words.
    var history: [String] = []
    var hasHistory = false
}
