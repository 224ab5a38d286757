/// What `MarkdownParser` reports while it reads text in the Markdown subset, in document order.
///
/// The one parser has several sinks: `MarkdownSubset.parse` builds block values from the events, and
/// `MarkdownSubset.canonical` writes the canonical text straight from them (an import canonicalises a
/// megabyte of text, and building values only to render them again cost more than the reading).
public protocol MarkdownSink {
    mutating func startBlock(_ kind: MarkdownSubset.BlockKind)
    mutating func endBlock()
    /// Lists only: each item of the list between its `startBlock` and `endBlock`.
    mutating func startItem()
    /// Literal text, markup and escapes removed; one run of text may come in several pieces. A piece is a
    /// contiguous slice of the input, byte for byte, and `offset` is where it starts there (in UTF-8 bytes).
    mutating func text(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int)
    /// A white-space run holding a line break, inside a paragraph.
    mutating func lineBreak()
    mutating func startSpan(_ span: MarkdownParser.Span)
    mutating func endSpan(_ span: MarkdownParser.Span)
}

/// The parser of the Markdown subset (the format is described on `MarkdownSubset`). It works on UTF-8 bytes:
/// every markup character is ASCII, and an ASCII byte never occurs inside a multi-byte character.
public struct MarkdownParser {
    public enum Span {
        case emphasis, strong
        /// The url's bytes, valid during the call.
        case link(url: UnsafeBufferPointer<UInt8>)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// A literal run of the input not yet given to the sink: contiguous pieces are given as one.
    private var pending = 0..<0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func parse<Sink: MarkdownSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        var parser = MarkdownParser(bytes)
        parser.blocks(into: &sink)
    }

    // MARK: Blocks

    /// Blocks are runs of non-blank lines. A paragraph is read as one range: trimming its lines and joining
    /// them with line breaks gives what the white-space rule gives anyway (a run holding a line break is one).
    private mutating func blocks<Sink: MarkdownSink>(into sink: inout Sink) {
        let lines = self  // a copy reads the lines while `self` keeps the pending run
        lines.forEachBlock { first, last, allBullets, allNumbered in block(first, last, allBullets, allNumbered, into: &sink) }
    }

    /// The source ranges of a text's translatable blocks, in order: each paragraph, and each list item on its own
    /// (the content after its marker), trimmed of white space; `list` counts the lists, so consecutive items of
    /// one list can be told from the next list's.
    static func blockRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [(kind: MarkdownSubset.BlockKind, list: Int, range: Range<Int>)] {
        let parser = MarkdownParser(bytes)
        var ranges: [(kind: MarkdownSubset.BlockKind, list: Int, range: Range<Int>)] = []
        var lists = 0
        parser.forEachBlock { first, last, allBullets, allNumbered in
            guard allBullets || allNumbered else {
                ranges.append((.paragraph, 0, parser.trim(first.lowerBound..<last.upperBound)))
                return
            }
            lists += 1
            var start = first.lowerBound
            while start <= last.upperBound {
                var end = start
                while end < last.upperBound && bytes[end] != 0x0A { end += 1 }
                let line = start..<end
                let content = allBullets ? parser.bulletContent(line)! : MarkdownSubset.numberedContent(bytes, line)!
                ranges.append((allBullets ? .bulletList : .numberedList, lists, parser.trim(content)))
                start = end + 1
            }
        }
        return ranges
    }

    /// Calls `body` with each block's first and last line and whether all its lines are bullets or numbered items.
    private func forEachBlock(_ body: (Range<Int>, Range<Int>, Bool, Bool) -> Void) {
        var first: Range<Int>?, last = 0..<0
        var allBullets = true, allNumbered = true
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let line = start..<end
            if isBlank(line) {
                if let first { body(first, last, allBullets, allNumbered) }
                first = nil
                allBullets = true
                allNumbered = true
            } else {
                if first == nil { first = line }
                last = line
                allBullets = allBullets && bulletContent(line) != nil
                allNumbered = allNumbered && MarkdownSubset.numberedContent(bytes, line) != nil
            }
            start = end + 1
        }
        if let first { body(first, last, allBullets, allNumbered) }
    }

    private mutating func block<Sink: MarkdownSink>(
        _ first: Range<Int>, _ last: Range<Int>, _ allBullets: Bool, _ allNumbered: Bool, into sink: inout Sink
    ) {
        guard allBullets || allNumbered else {
            sink.startBlock(.paragraph)
            inlines(trim(first.lowerBound..<last.upperBound), into: &sink)
            sink.endBlock()
            return
        }
        sink.startBlock(allBullets ? .bulletList : .numberedList)
        var start = first.lowerBound
        while start <= last.upperBound {
            var end = start
            while end < last.upperBound && bytes[end] != 0x0A { end += 1 }
            let line = start..<end
            sink.startItem()
            inlines(trim(allBullets ? bulletContent(line)! : MarkdownSubset.numberedContent(bytes, line)!), into: &sink)
            start = end + 1
        }
        sink.endBlock()
    }

    private func isBlank(_ line: Range<Int>) -> Bool {
        for index in line where !MarkdownSubset.isSpace(bytes[index]) { return false }
        return true
    }

    private func bulletContent(_ line: Range<Int>) -> Range<Int>? {
        var index = line.lowerBound
        while index < line.upperBound && bytes[index] == 0x20 { index += 1 }
        guard index + 1 < line.upperBound, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == 0x20
        else { return nil }
        return index + 2..<line.upperBound
    }

    private func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper && MarkdownSubset.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && MarkdownSubset.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: Inlines

    /// Inline markup of one paragraph or item.
    private mutating func inlines<Sink: MarkdownSink>(_ range: Range<Int>, into sink: inout Sink) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < range.upperBound && MarkdownSubset.isEscapable(bytes[index + 1]):
                literal(index + 1..<index + 2, into: &sink)
                index += 2
                continue
            case UInt8(ascii: "*"):
                if index + 1 < range.upperBound, bytes[index + 1] == UInt8(ascii: "*"),
                    let close = closingDoubleStar(from: index + 2, in: range), isSpan(index + 2..<close)
                {
                    span(.strong, index + 2..<close, into: &sink)
                    index = close + 2
                    continue
                }
                if let close = closingSingleStar(from: index + 1, in: range), isSpan(index + 1..<close) {
                    span(.emphasis, index + 1..<close, into: &sink)
                    index = close + 1
                    continue
                }
            case UInt8(ascii: "["):
                if let link = link(at: index, in: range) {
                    span(.link(url: UnsafeBufferPointer(rebasing: bytes[link.url])), link.text, into: &sink)
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
                if newline {
                    flush(into: &sink)
                    sink.lineBreak()
                } else {
                    literal(index..<end, into: &sink)
                }
                index = end
                continue
            default:
                // The run up to the next byte that may start markup or white space, in one piece. (A single
                // space between words continues the run: most paragraphs are then one piece.)
                var end = index + 1
                while end < range.upperBound {
                    let next = bytes[end]
                    if next == UInt8(ascii: "\\") || next == UInt8(ascii: "*") || next == UInt8(ascii: "[") { break }
                    if next < 0x21 {
                        guard next == 0x20, end + 1 < range.upperBound, !MarkdownSubset.isSpace(bytes[end + 1]) else { break }
                    }
                    end += 1
                }
                literal(index..<end, into: &sink)
                index = end
                continue
            }
            literal(index..<index + 1, into: &sink)
            index += 1
        }
        flush(into: &sink)
    }

    private mutating func span<Sink: MarkdownSink>(_ span: Span, _ content: Range<Int>, into sink: inout Sink) {
        flush(into: &sink)
        sink.startSpan(span)
        inlines(content, into: &sink)
        sink.endSpan(span)
    }

    private mutating func literal<Sink: MarkdownSink>(_ range: Range<Int>, into sink: inout Sink) {
        if pending.upperBound == range.lowerBound && !pending.isEmpty {
            pending = pending.lowerBound..<range.upperBound
        } else {
            flush(into: &sink)
            pending = range
        }
    }

    private mutating func flush<Sink: MarkdownSink>(into sink: inout Sink) {
        guard !pending.isEmpty else { return }
        sink.text(UnsafeBufferPointer(rebasing: bytes[pending]), at: pending.lowerBound)
        pending = 0..<0
    }

    /// Non-empty and not starting or ending with white space, as emphasis must be.
    private func isSpan(_ range: Range<Int>) -> Bool {
        !range.isEmpty && !MarkdownSubset.isSpace(bytes[range.lowerBound]) && !MarkdownSubset.isSpace(bytes[range.upperBound - 1])
    }

    private func closingDoubleStar(from start: Int, in range: Range<Int>) -> Int? {
        var index = start
        while index + 1 < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "*") { return index }
            index += 1
        }
        return nil
    }

    /// The next `*` that is not part of `**` (those enclose strong text, which emphasis may contain).
    private func closingSingleStar(from start: Int, in range: Range<Int>) -> Int? {
        var index = start
        while index < range.upperBound {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
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

    /// `[text](url)` at `start`: the text's range, the url's, and the index after the `)`.
    private func link(at start: Int, in range: Range<Int>) -> (text: Range<Int>, url: Range<Int>, end: Int)? {
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
        return (start + 1..<close, close + 2..<index, index + 1)
    }
}
