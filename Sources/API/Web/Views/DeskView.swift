/// `/app/strategies/{id}/desk`: what waits for a facilitator — open amendments by section, colliding ones together,
/// and the comments awaiting a disposition, filterable, with their suggestions to apply in one revision.
struct DeskView {
    typealias Option = SelectOption

    /// An open amendment as the desk lists it.
    struct AmendmentItem {
        let number: Int
        let href: String
        let author: String
        let state: String
        let stateClass: String
        let supporters: String
        /// What it proposes, as a compact word redline (the changes with a few words around each); escaped HTML.
        let redlineHTML: String?
        let acceptAction: String?
        let rejectAction: String?
    }

    /// Amendments of one section that change the same words (or one amendment alone).
    struct AmendmentGroup {
        /// Names the amendments of a collision group (nil for an amendment alone).
        let collisionTitle: String?
        let collides: Bool
        let items: [AmendmentItem]
        let supportSummary: String
    }

    struct SectionAmendments {
        let title: String
        let href: String
        let groups: [AmendmentGroup]
    }

    struct CommentItem {
        let number: Int
        let href: String
        let kind: String
        let author: String
        let quote: String?
        let body: String
        let suggestion: String?
        let anchor: String?
        /// The thread under the comment, which a facilitator reads before disposing of it.
        let replies: [CommentCard.Reply]
        let repliesCount: String?
        /// Suggestions can be applied together (their checkbox belongs to the section's batch form).
        let batchForm: String?
        /// Nil when comments cannot be disposed of now (an adopted strategy).
        let dispose: DisposeLink?
    }

    /// **Dispose**: the comment's own page with its disposition form (the desk's script opens the form in place).
    struct DisposeLink {
        let href: String
        let action: String
        let label: String
        let which: String
        let hasSuggestion: Bool
    }

    struct SectionComments {
        let title: String
        let href: String
        var comments: [CommentItem]
        /// The batch form's id and action, when the section has suggestions to apply.
        let batchID: String?
        let batchAction: String?
    }

    let strategyTitle: String
    let strategyHref: String
    let eventsHref: String
    let openAmendments: Int
    let conflicting: Int
    let awaitingComments: Int
    let amendmentSections: [SectionAmendments]
    let hasAmendments: Bool
    let sectionOptions: [Option]
    let groupOptions: [Option]
    let kindOptions: [Option]
    /// The one disposition form the script copies under a comment (nil when nothing can be disposed of now).
    let disposeTemplate: DispositionFormView?
    var commentSections: [SectionComments]
    let hasComments: Bool
    let filterAction: String
    let csvHref: String
    let participationHref: String
    let decides: Bool
    /// A refused form's message (named apart from the items' fields: templates look names up through every level).
    var deskError: String?
}

// The desk lists hundreds of these: they list their own fields, `false` for an absent one (see `TemplateFields`
// and `CommentCard`).
extension DeskView.CommentItem: TemplateFields {
    var templateFields: [String: Any?] {
        [
            "number": number, "href": href, "kind": kind, "author": author, "quote": quote ?? false, "body": body,
            "suggestion": suggestion ?? false, "anchor": anchor ?? false, "replies": replies, "repliesCount": repliesCount ?? false,
            "batchForm": batchForm ?? false, "dispose": dispose ?? false,
        ]
    }
}

extension DeskView.DisposeLink: TemplateFields {
    var templateFields: [String: Any?] {
        ["href": href, "action": action, "label": label, "which": which, "hasSuggestion": hasSuggestion ? "true" : "false"]
    }
}

extension DeskView.AmendmentItem: TemplateFields {
    var templateFields: [String: Any?] {
        [
            "number": number, "href": href, "author": author, "state": state, "stateClass": stateClass, "supporters": supporters,
            "redlineHTML": redlineHTML ?? false, "acceptAction": acceptAction ?? false, "rejectAction": rejectAction ?? false,
        ]
    }
}
