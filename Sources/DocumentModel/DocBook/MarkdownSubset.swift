/// The text format of section bodies (and of a strategy's summary): a small, documented subset of Markdown.
/// One parser, used by every consumer (DocBook export, import, and whatever renders bodies next).
///
/// Blocks are separated by blank lines:
/// - a block whose every line starts with `- ` or `* ` is a bullet list, one item per line;
/// - a block whose every line starts with a number and `. ` (`1. `) is a numbered list, one item per line;
/// - any other block is a paragraph; its single line breaks stay in it.
///
/// Inside a paragraph or an item: `*emphasis*`, `**strong**` and `[text](url)`, where the url has no spaces
/// or parentheses. A backslash before one of `\ * [ ] ( ) - .` makes that character literal. Anything else
/// is literal text: it is never dropped and never read as markup of another kind.
///
/// Parsing normalises white space the way XML mixed content would lose it anyway (a white-space run holding a
/// line break becomes one line break; blocks and items are trimmed), so that `render(parse(x))` is the
/// canonical form of `x` and `parse(render(blocks)) == blocks`.
public enum MarkdownSubset {
    public enum Block: Sendable, Equatable {
        case paragraph([Inline])
        case bulletList([[Inline]])
        case numberedList([[Inline]])
    }

    public indirect enum Inline: Sendable, Equatable {
        case text(String)
        case emphasis([Inline])
        case strong([Inline])
        case link(url: String, [Inline])
    }

    /// Every markup character is ASCII, so parsing works on UTF-8 bytes: a multi-byte character never
    /// contains an ASCII byte. (Parsing `Character`s cost thirty times the time of writing the XML.)
    static func isEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// White space as XML and Markdown both mean it: space, tab, carriage return, line feed.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    // MARK: Parsing

    public static func parse(_ text: String) -> [Block] {
        let bytes = Array(text.utf8)
        var blocks: [Block] = []
        var lines: [Range<Int>] = []
        func flush() {
            defer { lines.removeAll() }
            guard !lines.isEmpty else { return }
            if lines.allSatisfy({ bulletContent(bytes, $0) != nil }) {
                blocks.append(.bulletList(lines.map { inlines(bytes, trim(bytes, bulletContent(bytes, $0)!)) }))
            } else if lines.allSatisfy({ numberedContent(bytes, $0) != nil }) {
                blocks.append(.numberedList(lines.map { inlines(bytes, trim(bytes, numberedContent(bytes, $0)!)) }))
            } else {
                // The paragraph's lines, trimmed, joined by single line breaks.
                var joined: [UInt8] = []
                for (index, line) in lines.enumerated() {
                    if index > 0 { joined.append(0x0A) }
                    joined.append(contentsOf: bytes[trim(bytes, line)])
                }
                let content = inlines(joined, 0..<joined.count)
                if !content.isEmpty { blocks.append(.paragraph(content)) }
            }
        }
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = start..<end
            if bytes[line].allSatisfy(isSpace) { flush() } else { lines.append(line) }
            start = end + 1
        }
        flush()
        return blocks
    }

    static func bulletContent(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int>? {
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        guard index + 1 < line.upperBound, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == 0x20
        else { return nil }
        return index + 2..<line.upperBound
    }

    static func numberedContent(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int>? {
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        let digitsStart = index
        while index < line.upperBound && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        let digits = index - digitsStart
        guard digits > 0, digits <= 9, index + 1 < line.upperBound, bytes[index] == UInt8(ascii: "."), bytes[index + 1] == 0x20
        else { return nil }
        return index + 2..<line.upperBound
    }

    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Inline markup of one paragraph or item.
    static func inlines(_ bytes: [UInt8], _ range: Range<Int>) -> [Inline] {
        InlineParser(bytes: bytes).parse(range)
    }

    private struct InlineParser {
        let bytes: [UInt8]

        func parse(_ range: Range<Int>) -> [Inline] {
            var result: [Inline] = []
            var literal: [UInt8] = []
            func flushLiteral() {
                guard !literal.isEmpty else { return }
                let text = String(decoding: literal, as: UTF8.self)
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(.text(text))
                }
                literal.removeAll(keepingCapacity: true)
            }
            var index = range.lowerBound
            while index < range.upperBound {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\\") where index + 1 < range.upperBound && MarkdownSubset.isEscapable(bytes[index + 1]):
                    literal.append(bytes[index + 1])
                    index += 2
                    continue
                case UInt8(ascii: "*"):
                    if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "*"),
                        let close = closingDoubleStar(from: index + 2, in: range), isSpan(index + 2..<close)
                    {
                        flushLiteral()
                        result.append(.strong(parse(index + 2..<close)))
                        index = close + 2
                        continue
                    }
                    if let close = closingSingleStar(from: index + 1, in: range), isSpan(index + 1..<close) {
                        flushLiteral()
                        result.append(.emphasis(parse(index + 1..<close)))
                        index = close + 1
                        continue
                    }
                case UInt8(ascii: "["):
                    if let link = link(at: index, in: range) {
                        flushLiteral()
                        result.append(.link(url: link.url, parse(link.text)))
                        index = link.end
                        continue
                    }
                case 0x20 where index + 1 >= range.upperBound || !MarkdownSubset.isSpace(bytes[index + 1]):
                    break  // a single space, the common case
                case 0x20, 0x09, 0x0A, 0x0D:
                    // A white-space run holding a line break is one line break.
                    var end = index
                    var newline = false
                    while end < range.upperBound, MarkdownSubset.isSpace(bytes[end]) {
                        if bytes[end] == 0x0A || bytes[end] == 0x0D { newline = true }
                        end += 1
                    }
                    if newline { literal.append(0x0A) } else { literal.append(contentsOf: bytes[index..<end]) }
                    index = end
                    continue
                default:
                    // Copy the run up to the next byte that may start markup or white space in one go.
                    // (A single space between words continues the run: most paragraphs are then one copy.)
                    var end = index + 1
                    while end < range.upperBound {
                        let next = bytes[end]
                        if next == UInt8(ascii: "\\") || next == UInt8(ascii: "*") || next == UInt8(ascii: "[") { break }
                        if next < 0x21 {
                            guard next == 0x20, end + 1 < range.upperBound, !MarkdownSubset.isSpace(bytes[end + 1]) else { break }
                        }
                        end += 1
                    }
                    literal.append(contentsOf: bytes[index..<end])
                    index = end
                    continue
                }
                literal.append(byte)
                index += 1
            }
            flushLiteral()
            return result
        }

        /// Non-empty and not starting or ending with white space, as emphasis must be.
        private func isSpan(_ range: Range<Int>) -> Bool {
            !range.isEmpty && !MarkdownSubset.isSpace(bytes[range.lowerBound]) && !MarkdownSubset.isSpace(bytes[range.upperBound - 1])
        }

        private func closingDoubleStar(from start: Int, in range: Range<Int>) -> Int? {
            var index = start
            while index + 1 < range.upperBound {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "*") { return index }
                index += 1
            }
            return nil
        }

        /// The next `*` that is not part of `**` (those enclose strong text, which emphasis may contain).
        private func closingSingleStar(from start: Int, in range: Range<Int>) -> Int? {
            var index = start
            while index < range.upperBound {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "*") {
                    if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "*") {
                        guard let close = closingDoubleStar(from: index + 2, in: range) else { return nil }
                        index = close + 2
                        continue
                    }
                    return index
                }
                index += 1
            }
            return nil
        }

        /// `[text](url)` at `start`: the text's range, the url, and the index after the `)`.
        private func link(at start: Int, in range: Range<Int>) -> (text: Range<Int>, url: String, end: Int)? {
            var close = start + 1
            while close < range.upperBound && bytes[close] != UInt8(ascii: "]") {
                close += bytes[close] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard close + 1 < range.upperBound, close > start + 1, bytes[close + 1] == UInt8(ascii: "(") else { return nil }
            var index = close + 2
            while index < range.upperBound, bytes[index] != UInt8(ascii: ")") {
                let byte = bytes[index]
                if MarkdownSubset.isSpace(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\\") { return nil }
                index += 1
            }
            guard index < range.upperBound, index > close + 2 else { return nil }
            return (start + 1..<close, String(decoding: bytes[close + 2..<index], as: UTF8.self), index + 1)
        }
    }

    // MARK: Rendering

    /// The canonical text of blocks read from elsewhere (an imported document): rendered, then read back and
    /// rendered again, so that white space and markup characters mean what they will mean when parsed.
    static func normalise(_ blocks: [Block]) -> String {
        render(parse(render(blocks)))
    }

    /// The canonical Markdown text of `blocks`: `parse(render(blocks)) == blocks` for any blocks `parse` gives.
    public static func render(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        render(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders into one byte buffer: an import renders every body twice, and joining a string per inline
    /// cost more than the parse.
    static func render(_ blocks: [Block], into out: inout [UInt8]) {
        for (index, block) in blocks.enumerated() {
            if index > 0 { out.append(contentsOf: [0x0A, 0x0A]) }
            switch block {
            case .paragraph(let inlines):
                let start = out.count
                render(inlines, into: &out)
                escapeLineStart(&out, from: start)
            case .bulletList(let items):
                for (number, item) in items.enumerated() {
                    if number > 0 { out.append(0x0A) }
                    out.append(contentsOf: [UInt8(ascii: "-"), 0x20])
                    render(item, into: &out)
                }
            case .numberedList(let items):
                for (number, item) in items.enumerated() {
                    if number > 0 { out.append(0x0A) }
                    out.append(contentsOf: "\(number + 1). ".utf8)
                    render(item, into: &out)
                }
            }
        }
    }

    public static func render(_ inlines: [Inline]) -> String {
        var out: [UInt8] = []
        render(inlines, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func render(_ inlines: [Inline], into out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                escape(text, into: &out)
            case .emphasis(let content):
                out.append(UInt8(ascii: "*"))
                render(content, into: &out)
                out.append(UInt8(ascii: "*"))
            case .strong(let content):
                out.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "*")])
                render(content, into: &out)
                out.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "*")])
            case .link(let url, let content):
                out.append(UInt8(ascii: "["))
                render(content, into: &out)
                out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "(")])
                out.append(contentsOf: url.utf8)
                out.append(UInt8(ascii: ")"))
            }
        }
    }

    /// Escapes the characters that could start markup (`-` and `.` only where they could start a list item,
    /// which `escapeLineStart` handles).
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                out.append(UInt8(ascii: "\\"))
                run = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// A paragraph whose first line looks like a list item must not be read back as a list: escapes the `-`
    /// or the number's `.` of the paragraph rendered in `out` from `start`.
    static func escapeLineStart(_ out: inout [UInt8], from start: Int) {
        if out.count - start >= 2 && out[start] == UInt8(ascii: "-") && out[start + 1] == 0x20 {
            out.insert(UInt8(ascii: "\\"), at: start)
        } else if let content = numberedContent(out, start..<out.count) {
            out.insert(UInt8(ascii: "\\"), at: content.lowerBound - 2)
        }
    }
}
