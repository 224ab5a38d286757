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
    ///
    /// `passages` (a comment's number and the byte range its passage spans now) are marked in the text: every
    /// piece inside one is a `<mark class="passage" data-comments="…">`, and the first piece of each is preceded
    /// by an empty `#passage-N` target that the comment's card links to.
    static func blocks(_ markdown: String, passages: [Passage] = []) -> [(range: Range<Int>, html: String)] {
        let bytes = Array(markdown.utf8)
        var result: [(Range<Int>, String)] = []
        // A passage over several blocks has its target in the first.
        var started: Set<Int> = []
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else { return }
            var writer = BodyHTMLWriter(base: start, passages: passages.filter { $0.range.overlaps(start..<end) }, started: started)
            MarkdownSubset.read(text, into: &writer)
            started = writer.started
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

/// A commented passage to mark in a body: the comment's number and the UTF-8 byte range it spans now.
struct Passage: Equatable {
    let number: Int
    let range: Range<Int>
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
    /// The passages to mark in this block, and those whose target has been written.
    private let passages: [Passage]
    private(set) var started: Set<Int>

    init(base: Int?, passages: [Passage] = [], started: Set<Int> = []) {
        self.base = base
        self.passages = passages
        self.started = started
    }

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
        guard let base else { return HTMLText.escape(String(decoding: piece, as: UTF8.self), into: &out) }
        let start = base + offset
        guard !passages.isEmpty else { return write(piece, from: start, marking: []) }
        // Cut the piece where a passage starts or ends (never inside a UTF-8 sequence: anchors are on scalar
        // boundaries), so each part is wholly inside or outside every passage.
        let end = start + piece.count
        var cuts = Set([start, end])
        for passage in passages {
            for bound in [passage.range.lowerBound, passage.range.upperBound] where bound > start && bound < end { cuts.insert(bound) }
        }
        let bounds = cuts.sorted()
        for (from, to) in zip(bounds, bounds.dropFirst()) {
            let part = UnsafeBufferPointer(rebasing: piece[(from - start)..<(to - start)])
            write(part, from: from, marking: passages.filter { $0.range.contains(from) }.map(\.number))
        }
    }

    /// One piece of text with its offset, inside a `mark` when passages cover it.
    private mutating func write(_ piece: UnsafeBufferPointer<UInt8>, from offset: Int, marking numbers: [Int]) {
        let text = String(decoding: piece, as: UTF8.self)
        guard !numbers.isEmpty else {
            out += "<span data-at=\"\(offset)\">"
            HTMLText.escape(text, into: &out)
            out += "</span>"
            return
        }
        for number in numbers where !started.contains(number) {
            started.insert(number)
            out += "<span class=\"passage-target\" id=\"passage-\(number)\"></span>"
        }
        out += "<mark class=\"passage\" data-at=\"\(offset)\" data-comments=\"\(numbers.map(String.init).joined(separator: " "))\">"
        HTMLText.escape(text, into: &out)
        out += "</mark>"
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
