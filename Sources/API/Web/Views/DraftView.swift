/// `/app/strategies/{id}/drafts/{n}`: one draft — its sections at the revisions it froze, every group's current
/// decision on it, the signatory's form, **Adopt** for facilitators in final review, and its downloads.
struct DraftView {
    struct SectionRow {
        let number: String
        let heading: String
        let href: String
        let revision: Int
    }

    struct Download {
        let href: String
        let label: String
    }

    let strategyTitle: String
    let strategyHref: String
    let draftsHref: String
    let number: Int
    let title: String
    let draftNote: String?
    let author: String
    let when: String
    let isLatest: Bool
    let sections: [SectionRow]
    let board: [DecisionCell]
    let compareHref: String?
    let downloads: [Download]
    var signoffForm: SignoffFormView?
    let adoptAction: String?
    /// A refused adoption: the groups that have not approved, by name.
    var adoptError: String?
    /// Each target language as this draft froze it: complete or the sections behind, and its downloads.
    var translations: [TranslationRow] = []
    var hasTranslations = false

    struct TranslationRow {
        let language: String
        let tag: String
        let state: String
        let downloads: [Download]
    }
}
