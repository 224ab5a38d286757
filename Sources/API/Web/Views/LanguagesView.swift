/// `/app/strategies/{id}/languages`: the facilitators' choice of the strategy's **Source language** (the one it
/// is drafted, amended, commented and signed off in), its **Translations**, and whether adoption waits for them.
struct LanguagesView {
    struct Choice {
        let id: String
        let tag: String
        let label: String
        let selected: Bool
    }

    let strategyTitle: String
    let strategyHref: String
    let action: String
    var sources: [Choice]
    var targets: [Choice]
    var other: String
    var requireTranslations: Bool
    var errors: [String: String] = [:]
}
