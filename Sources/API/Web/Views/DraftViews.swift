/// `/app/strategies/{id}/drafts`.
struct DraftsView {
    struct Row {
        let number: Int
        let href: String
        let title: String
        let note: String?
        let author: String
        let when: String
        let sections: Int
        let compareHref: String?
    }

    struct Option {
        let number: Int
        let label: String
        let selectedFrom: Bool
        let selectedTo: Bool
    }

    let strategyTitle: String
    let strategyHref: String
    let drafts: [Row]
    let hasDrafts: Bool
    let canCompare: Bool
    let options: [Option]
    let compareAction: String
    /// For facilitators: cut a new draft.
    let cutForm: CutDraftForm?
}

/// Cut a draft: a title and an optional note (what the draft is for).
struct CutDraftForm {
    let action: String
    var title = ""
    var note = ""
    var errors: [String: String] = [:]
}

/// `/app/strategies/{id}/drafts/{a}/compare/{b}`.
struct CompareView {
    struct Count {
        let label: String
        let count: Int
    }

    struct SectionRow {
        let title: String
        let href: String?
        let changes: String
        let renamed: String?
        let moved: String?
        let redlineHTML: String?
    }

    let strategyTitle: String
    let strategyHref: String
    let draftsHref: String
    let heading: String
    let counts: [Count]
    let sections: [SectionRow]
    /// **Read in**: the comparison in each language, as each draft froze it; the language the texts are in.
    var readIn: ReadInView? = nil
    var textLanguage = ""
}
