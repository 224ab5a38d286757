import DocumentModel

/// The New strategy form: what was typed (or the usual three groups, named in the page's language), a few empty
/// rows for more groups, and each refusal beside its field.
struct NewStrategyView {
    struct GroupRow {
        let id: String
        let label: String
        let name: String
    }

    let action: String
    let title: String
    let summary: String
    let groups: [GroupRow]
    let errors: [String: String]
    /// The groups' refusals, shown once under the list: the domain numbers the groups it was given, not the rows.
    let groupsError: String?
    /// **Source language** (the page's language unless chosen) and **Translations**.
    let sources: [LanguagesView.Choice]
    let targets: [LanguagesView.Choice]

    /// Empty rows under the named groups, so that more can be added without a script.
    static let spareRows = 3

    init(
        messages t: Messages, title: String = "", summary: String = "", groupNames: [String]? = nil, language: String? = nil,
        translations: [String] = [], errors: [String: String] = [:]
    ) {
        let source = language ?? t.language
        let offered = LanguagesController.offered
        sources = (offered.contains(source) ? offered : offered + [source]).map {
            .init(id: "source-\($0)", tag: $0, label: LanguageNames.endonym($0), selected: $0 == source)
        }
        targets = offered.map {
            .init(id: "target-\($0)", tag: $0, label: LanguageNames.endonym($0), selected: translations.contains($0))
        }
        let names = groupNames ?? [t["groupGovernment"], t["groupCivilSociety"], t["groupIndustry"]]
        let rows = names.filter { !$0.allSatisfy(\.isWhitespace) } + Array(repeating: "", count: Self.spareRows)
        action = NewStrategyController.path
        self.title = title
        self.summary = summary
        groups = rows.enumerated().map { index, name in
            GroupRow(id: "group-\(index + 1)", label: t.format("groupNumber", ["number": "\(index + 1)"]), name: name)
        }
        self.errors = errors
        groupsError = errors.filter { $0.key.hasPrefix("groups") }.sorted { $0.key < $1.key }.first?.value
    }
}
