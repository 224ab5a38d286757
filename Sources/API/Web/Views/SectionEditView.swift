/// `/app/strategies/{id}/sections/{section}/edit`: a facilitator's direct edit (**Heading**, **Text**, **Save**)
/// from the revision it started on; when someone else saved in between, the merge of both edits to save, or
/// the passages both changed.
struct SectionEditView {
    struct Region {
        let field: String
        let base: String
        let theirs: String
        let mine: String
    }

    let strategyTitle: String
    let strategyHref: String
    let sectionTitle: String
    let sectionHref: String
    let action: String
    /// The revision the text in the editor is based on: the one `Save` is checked against.
    var revision: Int
    var heading: String
    var body: String
    var message = ""
    var errors: [String: String] = [:]
    /// After a race: what happened, and the passages both edits changed.
    var mergeNotice: String?
    var regions: [Region] = []
    var hasRegions = false
}
