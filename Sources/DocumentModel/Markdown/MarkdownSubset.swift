/// The text format of section bodies (and of a strategy's summary): a small, documented subset of Markdown.
/// One parser (`MarkdownParser`), used by every consumer (DocBook export, import, and whatever renders bodies next).
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

    public enum BlockKind: Sendable { case paragraph, bulletList, numberedList }

    static func isEscapable(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "-"), UInt8(ascii: "."):
            true
        default: false
        }
    }

    /// White space as XML and Markdown both mean it: space, tab, carriage return, line feed.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A numbered item's content: the line after its number and `. `.
    static func numberedContent<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ line: Range<Int>) -> Range<Int>?
    where Bytes.Index == Int {
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        let digitsStart = index
        while index < line.upperBound && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        let digits = index - digitsStart
        guard digits > 0, digits <= 9, index + 1 < line.upperBound, bytes[index] == UInt8(ascii: "."), bytes[index + 1] == 0x20
        else { return nil }
        return index + 2..<line.upperBound
    }

    // MARK: Parsing

    /// Reads `text` and reports what it finds to `sink`, in document order (for renderers that need to know
    /// where each piece of text came from, such as the section page's passage selection).
    public static func read<Sink: MarkdownSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { MarkdownParser.parse($0, into: &sink) }
    }

    public static func parse(_ text: String) -> [Block] {
        var text = text
        var builder = BlockBuilder()
        text.withUTF8 { MarkdownParser.parse($0, into: &builder) }
        return builder.blocks
    }

    /// Builds block values from the parser's events.
    private struct BlockBuilder: MarkdownSink {
        var blocks: [Block] = []
        private var kind = BlockKind.paragraph
        private var items: [[Inline]] = []
        /// The inlines being collected: the paragraph's or item's at the bottom, an open span's above.
        private var levels: [[Inline]] = [[]]
        private var spans: [MarkdownParser.Span] = []
        private var text: [UInt8] = []

        private var inItem = false

        mutating func startBlock(_ kind: BlockKind) {
            self.kind = kind
            items = []
            levels = [[]]
        }

        mutating func startItem() {
            if inItem { endItem() }
            inItem = true
        }

        private mutating func endItem() {
            flushText()
            items.append(levels[0])
            levels = [[]]
        }

        mutating func endBlock() {
            switch kind {
            case .paragraph:
                flushText()
                if !levels[0].isEmpty { blocks.append(.paragraph(levels[0])) }
            case .bulletList, .numberedList:
                if inItem { endItem() }
                inItem = false
                blocks.append(kind == .bulletList ? .bulletList(items) : .numberedList(items))
            }
        }

        mutating func text(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) { text.append(contentsOf: piece) }
        mutating func lineBreak() { text.append(0x0A) }

        mutating func startSpan(_ span: MarkdownParser.Span) {
            flushText()
            spans.append(span)
            levels.append([])
        }

        mutating func endSpan(_ span: MarkdownParser.Span) {
            flushText()
            let content = levels.removeLast()
            let inline: Inline =
                switch spans.removeLast() {
                case .emphasis: .emphasis(content)
                case .strong: .strong(content)
                case .link(let url): .link(url: String(decoding: url, as: UTF8.self), content)
                }
            levels[levels.count - 1].append(inline)
        }

        private mutating func flushText() {
            guard !text.isEmpty else { return }
            levels[levels.count - 1].append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }
    }

    // MARK: Rendering

    /// `render(parse(text))`, written from the parser's events without building the blocks: the canonical text
    /// of what an import wrote, so that markup characters and white space mean what they will mean when parsed.
    static func canonical(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var writer = CanonicalWriter()
        writer.out.reserveCapacity(text.count + text.count / 16)
        MarkdownParser.parse(text, into: &writer)
        return writer.out
    }

    /// Writes what `render` would write for the blocks the events describe.
    private struct CanonicalWriter: MarkdownSink {
        var out: [UInt8] = []
        private var kind = BlockKind.paragraph
        private var blockCount = 0
        private var items = 0
        /// Where the block's separator and the block itself start in `out`.
        private var separatorStart = 0, blockStart = 0

        mutating func startBlock(_ kind: BlockKind) {
            self.kind = kind
            items = 0
            separatorStart = out.count
            if blockCount > 0 { out.append(contentsOf: [0x0A, 0x0A]) }
            blockStart = out.count
        }

        mutating func endBlock() {
            if kind == .paragraph {
                // `parse` drops a paragraph without content, and `render` writes no separator for it.
                guard out.count > blockStart else { return out.removeSubrange(separatorStart...) }
                escapeLineStart(&out, from: blockStart)
            }
            blockCount += 1
        }

        mutating func startItem() {
            if items > 0 { out.append(0x0A) }
            items += 1
            if kind == .bulletList { out.append(contentsOf: [UInt8(ascii: "-"), 0x20]) } else { out.append(contentsOf: "\(items). ".utf8) }
        }

        mutating func text(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) { escape(piece, into: &out) }
        mutating func lineBreak() { out.append(0x0A) }

        mutating func startSpan(_ span: MarkdownParser.Span) {
            switch span {
            case .emphasis: out.append(UInt8(ascii: "*"))
            case .strong: out.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "*")])
            case .link: out.append(UInt8(ascii: "["))
            }
        }

        mutating func endSpan(_ span: MarkdownParser.Span) {
            switch span {
            case .emphasis: out.append(UInt8(ascii: "*"))
            case .strong: out.append(contentsOf: [UInt8(ascii: "*"), UInt8(ascii: "*")])
            case .link(let url):
                out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "(")])
                out.append(contentsOf: url)
                out.append(UInt8(ascii: ")"))
            }
        }
    }

    /// The canonical Markdown text of `blocks`: `parse(render(blocks)) == blocks` for any blocks `parse` gives.
    public static func render(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        render(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Renders into one byte buffer: joining a string per inline cost more than the parse.
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
        _ = text.withUTF8 { escape($0, into: &out) }
    }

    /// Returns whether the text holds a tab or a line break (white space that parsing may change).
    @discardableResult
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var run = 0
        var breaks = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            // One comparison passes most bytes: the markup characters and the controls all lie below `a`.
            guard byte < UInt8(ascii: "a") else { continue }
            if byte < 0x20 {
                breaks = true
                continue
            }
            guard byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            else { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            out.append(UInt8(ascii: "\\"))
            run = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        return breaks
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

extension MarkdownSubset {
    /// A translatable block of a text: a paragraph or one list item, by its trimmed source range.
    public struct SourceBlock: Sendable, Equatable {
        public var kind: BlockKind
        /// Counts the lists of the text (0 for a paragraph): consecutive items with the same number form one list.
        public var list: Int
        public var range: Range<Int>
    }

    /// The text's paragraphs and list items with their source ranges (UTF-8 offsets), in order.
    public static func sourceBlocks(_ text: String) -> [SourceBlock] {
        var text = text
        return text.withUTF8 { bytes in
            MarkdownParser.blockRanges(bytes).map { SourceBlock(kind: $0.kind, list: $0.list, range: $0.range) }
        }
    }
}
