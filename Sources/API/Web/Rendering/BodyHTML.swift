import DocumentModel

/// A section body (the Markdown subset) as HTML. Every text is escaped; only `https:`, `http:` and `mailto:`
/// links become links (anything else, `javascript:` included, shows as its text alone).
enum BodyHTML {
    static func render(_ markdown: String) -> String {
        var out = ""
        render(MarkdownSubset.parse(markdown), into: &out)
        return out
    }

    /// The body cut into its blocks (paragraphs and lists, separated by blank lines), each rendered, with the
    /// UTF-8 byte range it spans in the body, so that comments (whose anchors are byte offsets) can be placed
    /// beside the block their passage is in.
    static func blocks(_ markdown: String) -> [(range: Range<Int>, html: String)] {
        let bytes = Array(markdown.utf8)
        var result: [(Range<Int>, String)] = []
        var start = 0
        var index = 0
        func flush(_ end: Int) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            if !text.allSatisfy(\.isWhitespace) { result.append((start..<end, render(text))) }
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

    static func render(_ blocks: [MarkdownSubset.Block], into out: inout String) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                out += "<p>"
                render(inlines, into: &out)
                out += "</p>\n"
            case .bulletList(let items), .numberedList(let items):
                let tag = if case .bulletList = block { "ul" } else { "ol" }
                out += "<\(tag)>"
                for item in items {
                    out += "<li>"
                    render(item, into: &out)
                    out += "</li>"
                }
                out += "</\(tag)>\n"
            }
        }
    }

    static func render(_ inlines: [MarkdownSubset.Inline], into out: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text): HTMLText.escape(text, into: &out, lineBreaks: true)
            case .emphasis(let content):
                out += "<em>"
                render(content, into: &out)
                out += "</em>"
            case .strong(let content):
                out += "<strong>"
                render(content, into: &out)
                out += "</strong>"
            case .link(let url, let content):
                guard LinkRules.isAllowed(url) else {
                    render(content, into: &out)
                    continue
                }
                out += "<a href=\""
                HTMLText.escape(url, into: &out)
                out += "\" rel=\"nofollow noopener noreferrer\">"
                render(content, into: &out)
                out += "</a>"
            }
        }
    }
}
