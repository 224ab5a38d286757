/// `/public/{slug}`: the adopted strategy for anyone, printable.
struct PublicView {
    struct Section {
        let anchor: String
        let number: String
        let heading: String
        /// The heading's language: the translation's where it is translated, else the source's.
        var headingLanguage: String = ""
        /// `h2` for top-level sections, deeper ones `h3` … `h6`.
        let level: Int
        let bodyHTML: String
        let history: [Entry]
        let historySummary: String
    }

    struct Entry {
        let revision: Int
        let text: String
    }

    struct TocEntry {
        let href: String
        let number: String
        let heading: String
    }

    struct Download {
        let href: String
        let label: String
    }

    let title: String
    let summaryHTML: String
    let adoptedLine: String
    let toc: [TocEntry]
    let sections: [Section]
    let signoffs: [DecisionCell]
    let downloads: [Download]
    /// The language the text is read in (`lang` of the article: the page's words may be in another).
    let textLanguage: String
    /// **Read in**, and the page in each language for search engines (`hreflang` alternates).
    let readIn: ReadInView?
    let alternates: [Alternate]

    struct Alternate {
        let lang: String
        let href: String
    }
}
