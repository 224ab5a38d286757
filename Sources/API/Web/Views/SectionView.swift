import DocumentModel

/// `/app/strategies/{id}/sections/{section}` and an old revision of it.
struct SectionView {
    /// A block of the text with the comments whose passage is in it, shown beside it.
    struct Block {
        let html: String
        let comments: [CommentCard]
        let hasComments: Bool
    }

    struct RevisionRow {
        let number: Int
        let href: String
        let author: String
        let source: String
        let message: String?
        let when: String
        let current: Bool
    }

    typealias SinceOption = SelectOption

    let strategyTitle: String
    let strategyHref: String
    let sectionID: Int64
    let number: String?
    let heading: String
    let headingHTML: String?
    let revisionLine: String
    let sourceLine: String
    /// The text with comments beside it, when no redline is shown.
    let blocks: [Block]
    /// The redline, when `since` was chosen.
    let redlineHTML: String?
    let redlineTitle: String?
    let redlineEmpty: Bool
    let sinceNotice: String?
    let sinceOptions: [SinceOption]
    let hasSinceOptions: Bool
    let action: String
    let sectionComments: [CommentCard]
    let hasSectionComments: Bool
    let orphaned: [CommentCard]
    let hasOrphaned: Bool
    let redlineComments: [CommentCard]
    let hasRedlineComments: Bool
    let amendments: [AmendmentRow]
    let hasAmendments: Bool
    let history: [RevisionRow]
    /// For an old revision: the link to the current text.
    let currentHref: String?
    /// The revision shown: the one a selection's offsets count in.
    let revision: Int
    /// What the reader may do here (nil: not now, or not in their role).
    let commentForm: CommentFormView?
    let proposeHref: String?
    let editHref: String?
    /// The strategy's live activity, for the page's script.
    let eventsHref: String?
    /// Each group's decision on the section (stale when given on an older revision), and a signatory's form.
    let signoffs: [DecisionCell]
    let signoffForm: SignoffFormView?
    /// **Read in**: the strategy's languages, when it has translations.
    var readIn: ReadInView? = nil
    /// Set when the text is shown in a target language: its tag, the counts line and **Translate**.
    var translationLanguage: String? = nil
    var translationLine: String? = nil
    var translateHref: String? = nil
    var translatedHeadingHTML: String? = nil
}

/// Where a revision came from, in words: "direct edit", "Amendment 12", "Comment 40".
enum RevisionSourceText {
    static func text(_ source: RevisionSource, _ t: Messages) -> String {
        switch source {
        case .created: t["source_created"]
        case .edit: t["source_edit"]
        case .structure: t["source_structure"]
        case .amendment(let number): t.format("source_amendment", ["number": "\(number)"])
        case .comment(let number): t.format("source_comment", ["number": "\(number)"])
        }
    }
}
