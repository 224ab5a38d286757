import DocumentModel

/// A section body (the Markdown subset) as HTML. Every text is escaped; only `https:`, `http:` and `mailto:`
/// links become links (anything else, `javascript:` included, shows as its text alone).
enum BodyHTML {
    static func render(_ markdown: String) -> String {
        var writer = BodyHTMLWriter(base: nil)
        MarkdownSubset.read(markdown, into: &writer)
        return writer.out
    }

    /// The body cut into its blocks (paragraphs and lists, separated by blank lines), each rendered, with the
    /// UTF-8 byte range it spans in the body, so that comments (whose anchors are byte offsets) can be placed
    /// beside the block their passage is in. Each piece of text carries its offset in the body (`data-at`), so
    /// that the page's script can turn a selection into the byte offsets a comment's anchor is.
    static func blocks(_ markdown: String) -> [(range: Range<Int>, html: String)] {
        let bytes = Array(markdown.utf8)
        var result: [(Range<Int>, String)] = []
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else { return }
            var writer = BodyHTMLWriter(base: start)
            MarkdownSubset.read(text, into: &writer)
            result.append((start..<end, writer.out))
        }
        while index < bytes.count {
            // A blank line: a line feed, optional spaces or tabs, another line feed.
            if bytes[index] == 0x0A {
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0D { next += 1 }
                if next < bytes.count, bytes[next] == 0x0A {
                    flush(index)
                    start = next + 1
                    index = next + 1
                    continue
                }
            }
            index += 1
        }
        flush(bytes.count)
        return result
    }
}

/// Writes HTML from the Markdown parser's events. With a `base`, each literal piece of text is wrapped in
/// `<span data-at="…">` holding the UTF-8 offset where it starts in the body (the piece is the body's bytes, one
/// for one, so the script can count on from there).
struct BodyHTMLWriter: MarkdownSink {
    var out = ""
    let base: Int?
    private var kind = MarkdownSubset.BlockKind.paragraph
    private var inItem = false
    private var blockStart = 0
    /// For each open link: whether it was written as a link (an unsafe scheme shows as its text alone).
    private var links: [Bool] = []

    init(base: Int?) { self.base = base }

    mutating func startBlock(_ kind: MarkdownSubset.BlockKind) {
        self.kind = kind
        inItem = false
        blockStart = out.utf8.count
        switch kind {
        case .paragraph: out += "<p>"
        case .bulletList: out += "<ul>"
        case .numberedList: out += "<ol>"
        }
    }

    mutating func endBlock() {
        switch kind {
        case .paragraph:
            // A paragraph without content is no paragraph (as `MarkdownSubset.parse` drops it).
            if out.utf8.count == blockStart + 3 {
                out.removeLast(3)
                return
            }
            out += "</p>\n"
        case .bulletList, .numberedList:
            if inItem { out += "</li>" }
            out += kind == .bulletList ? "</ul>\n" : "</ol>\n"
        }
    }

    mutating func startItem() {
        if inItem { out += "</li>" }
        inItem = true
        out += "<li>"
    }

    mutating func text(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) {
        let text = String(decoding: piece, as: UTF8.self)
        guard let base else { return HTMLText.escape(text, into: &out) }
        out += "<span data-at=\"\(base + offset)\">"
        HTMLText.escape(text, into: &out)
        out += "</span>"
    }

    mutating func lineBreak() { out += "<br>" }

    mutating func startSpan(_ span: MarkdownParser.Span) {
        switch span {
        case .emphasis: out += "<em>"
        case .strong: out += "<strong>"
        case .link(let bytes):
            let url = String(decoding: bytes, as: UTF8.self)
            let allowed = LinkRules.isAllowed(url)
            links.append(allowed)
            guard allowed else { return }
            out += "<a href=\""
            HTMLText.escape(url, into: &out)
            out += "\" rel=\"nofollow noopener noreferrer\">"
        }
    }

    mutating func endSpan(_ span: MarkdownParser.Span) {
        switch span {
        case .emphasis: out += "</em>"
        case .strong: out += "</strong>"
        case .link: if links.removeLast() { out += "</a>" }
        }
    }
}
