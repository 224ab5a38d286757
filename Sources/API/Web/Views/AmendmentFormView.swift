/// `/app/strategies/{id}/sections/{section}/amendments/new`: the section's heading and text to change, a
/// rationale, and (after **Preview**) the word-level redline against the revision the proposal is based on.
struct AmendmentFormView {
    let strategyTitle: String
    let strategyHref: String
    let sectionTitle: String
    let sectionHref: String
    let action: String
    let baseRevision: Int
    let baseLine: String
    var heading: String
    var body: String
    var rationale = ""
    var errors: [String: String] = [:]
    /// The preview: the redline of heading and text against the base revision.
    var previewHeadingHTML: String?
    var previewBodyHTML: String?
    var previewIdentical = false
    /// When the section moved on after the form was opened, which revision it is at now.
    var movedOn: String?
}
