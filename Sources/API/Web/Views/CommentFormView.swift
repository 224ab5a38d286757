import DocumentModel

/// The section page's form for a new comment: on a passage (selected, or quoted when the page has no script),
/// or on the whole section; filled again with what was typed when the service could not take it yet.
struct CommentFormView {
    typealias Option = SelectOption

    /// One place a quoted passage occurs, when it occurs more than once and the page asks which one is meant.
    struct Occurrence {
        let index: Int
        let before: String
        let quote: String
        let after: String
        let checked: Bool
    }

    let action: String
    let revision: Int
    let kinds: [Option]
    var passage = ""
    var start = ""
    var end = ""
    var body = ""
    var suggestion = ""
    /// Messages by field: `passage`, `kind`, `body`, `suggestion`.
    /// (Stored, not computed: templates read a view's stored properties.)
    var errors: [String: String] = [:] { didSet { open = true } }
    var occurrences: [Occurrence] = [] {
        didSet {
            hasOccurrences = !occurrences.isEmpty
            open = true
        }
    }
    private(set) var hasOccurrences = false
    /// Whether the form opens expanded (it was submitted and needs another look).
    private(set) var open = false

    init(action: String, revision: Int, kind: CommentKind = .general, _ t: Messages) {
        self.action = action
        self.revision = revision
        kinds = CommentKind.allCases.map { Option(value: $0.rawValue, label: t["kind_" + $0.rawValue], selected: $0 == kind) }
    }

    /// The field a domain rule's message belongs beside on this form.
    static func field(for domainField: String) -> String {
        switch domainField {
        case "anchor", "anchor.start", "anchor.end", "revision": "passage"
        case "body", "suggestion", "kind": domainField
        default: "body"
        }
    }
}
