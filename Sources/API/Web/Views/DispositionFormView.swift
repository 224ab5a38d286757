import DocumentModel

/// A facilitator's disposition of one comment: **Disposition**, **Response**, and whether to apply its suggested
/// text. On the comment's own page; the desk's script opens the same form in place.
struct DispositionFormView {
    typealias Option = SelectOption

    /// Where the form posts, with the desk's filter in its query (the browser returns to the desk as filtered).
    let action: String
    let options: [Option]
    let hasSuggestion: Bool
    var response = ""
    var applySuggestion = false
    var responseError: String?

    init(action: String, hasSuggestion: Bool, chosen: Disposition? = nil, _ t: Messages) {
        self.action = action
        self.hasSuggestion = hasSuggestion
        options = Disposition.allCases.map { Option(value: $0.rawValue, label: t["disposition_" + $0.rawValue], selected: $0 == chosen) }
    }
}
