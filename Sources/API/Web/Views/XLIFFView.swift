import DocumentModel

/// `/app/strategies/{id}/translations/{lang}/xliff`: a language's translation files for CAT tools — **Download
/// XLIFF** (its outdated and missing units) and, for its translators, **Import XLIFF** with what the import did.
struct XLIFFView {
    struct Refusal {
        let id: String
        let reason: String
    }

    let strategyTitle: String
    let strategyHref: String
    let title: String
    let language: String
    let downloadHref: String
    /// For those who may translate the language: the upload form.
    let action: String?
    var summary: String?
    var refused: [Refusal] = []
    var hasRefused = false
    var error: String?
}
