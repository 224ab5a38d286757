import DocumentModel

/// The Import a DocBook document page: the upload form (strict or lenient), the refusal of a document in the
/// reader's words, or the report of what an import made.
struct ImportView {
    struct Report {
        let title: String
        let href: String
        let summary: String
        /// Elements kept as plain text (lenient imports), by their path in the document.
        let keptAsText: [String]
        let hasKeptAsText: Bool
        let keptAsTextCount: String

        init(_ strategy: Strategy, sections: Int, unmapped: [String], messages t: Messages) {
            title = strategy.title
            href = Links.strategy(strategy.id)
            summary = t.format("importMade", ["sections": "\(sections)", "groups": "\(strategy.groups.count)"])
            keptAsText = Array(unmapped.prefix(ImportView.shownPaths))
            hasKeptAsText = !unmapped.isEmpty
            keptAsTextCount = t.plural("importKeptAsText", count: unmapped.count)
        }
    }

    /// At most this many paths are listed; the count says how many there are in all.
    static let shownPaths = 200

    let action: String
    let limitText: String
    let lenient: Bool
    var error: String?
    var refusedPaths: [String] = []
    var hasRefusedPaths = false
    var report: Report?

    init(messages t: Messages, limit: Int, lenient: Bool = false) {
        action = ImportController.path
        limitText = t.format("importLimit", ["megabytes": "\(limit >> 20)"])
        self.lenient = lenient
    }

    /// Why a document was refused, in the reader's language, with the parser's own words where it gives some.
    static func message(for error: DocBookImportError, limit: Int, messages t: Messages) -> String {
        switch error {
        case .tooLarge: t.format("importTooLarge", ["megabytes": "\(limit >> 20)"])
        case .doctype: t["importDoctype"]
        case .malformed(let detail): t["importMalformed"] + " " + detail
        case .notDocBook(let detail): t["importNotDocBook"] + " " + detail
        case .limitExceeded(let detail): t["importOverLimit"] + " " + detail
        case .unmapped(let paths): t.plural("importUnmapped", count: paths.count)
        }
    }
}
