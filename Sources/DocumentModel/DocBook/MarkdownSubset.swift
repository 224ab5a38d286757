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

    static let escapable: Set<Character> = ["\\", "*", "[", "]", "(", ")", "-", "."]

    // MARK: Parsing

    public static func parse(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var lines: [Substring] = []
        func flush() {
            defer { lines.removeAll() }
            guard !lines.isEmpty else { return }
            if lines.allSatisfy({ bulletContent($0) != nil }) {
                blocks.append(.bulletList(lines.map { inlines(trim(String(bulletContent($0)!))) }))
            } else if lines.allSatisfy({ numberedContent($0) != nil }) {
                blocks.append(.numberedList(lines.map { inlines(trim(String(numberedContent($0)!))) }))
            } else {
                let joined = lines.map { trim(String($0)) }.joined(separator: "\n")
                let content = inlines(joined)
                if !content.isEmpty { blocks.append(.paragraph(content)) }
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.allSatisfy(\.isWhitespace) { flush() } else { lines.append(line) }
        }
        flush()
        return blocks
    }

    static func bulletContent(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") else { return nil }
        return trimmed.dropFirst(2)
    }

    static func numberedContent(_ line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, trimmed.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return trimmed.dropFirst(digits.count + 2)
    }

    static func trim(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    /// Inline markup of one paragraph or item.
    static func inlines(_ text: String) -> [Inline] {
        InlineParser(Array(text)).parse(0..<text.count)
    }

    private struct InlineParser {
        let characters: [Character]

        init(_ characters: [Character]) { self.characters = characters }

        func parse(_ range: Range<Int>) -> [Inline] {
            var result: [Inline] = []
            var literal = ""
            func flushLiteral() {
                if !literal.isEmpty { append(.text(literal), to: &result) }
                literal = ""
            }
            var index = range.lowerBound
            while index < range.upperBound {
                let character = characters[index]
                if character == "\\", index + 1 < range.upperBound, MarkdownSubset.escapable.contains(characters[index + 1]) {
                    literal.append(characters[index + 1])
                    index += 2
                    continue
                }
                if character == "*", index + 1 < range.upperBound, characters[index + 1] == "*",
                    let close = closing("**", from: index + 2, in: range), isSpan(index + 2..<close)
                {
                    flushLiteral()
                    result.append(.strong(parse(index + 2..<close)))
                    index = close + 2
                    continue
                }
                if character == "*", let close = closingSingleStar(from: index + 1, in: range), isSpan(index + 1..<close) {
                    flushLiteral()
                    result.append(.emphasis(parse(index + 1..<close)))
                    index = close + 1
                    continue
                }
                if character == "[", let link = link(at: index, in: range) {
                    flushLiteral()
                    result.append(.link(url: link.url, parse(link.text)))
                    index = link.end
                    continue
                }
                if character.isNewline || character == " " || character == "\t" {
                    // A white-space run holding a line break is one line break.
                    var end = index
                    var newline = false
                    while end < range.upperBound, characters[end].isWhitespace {
                        if characters[end].isNewline { newline = true }
                        end += 1
                    }
                    literal += newline ? "\n" : String(characters[index..<end])
                    index = end
                    continue
                }
                literal.append(character)
                index += 1
            }
            flushLiteral()
            return result
        }

        private func append(_ inline: Inline, to result: inout [Inline]) {
            if case .text(let text) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(inline)
            }
        }

        /// Non-empty and not starting or ending with white space, as emphasis must be.
        private func isSpan(_ range: Range<Int>) -> Bool {
            !range.isEmpty && !characters[range.lowerBound].isWhitespace && !characters[range.upperBound - 1].isWhitespace
        }

        private func isEscaped(_ index: Int, from start: Int) -> Bool {
            var backslashes = 0
            var cursor = index - 1
            while cursor >= start, characters[cursor] == "\\" { backslashes += 1; cursor -= 1 }
            return backslashes % 2 == 1
        }

        private func closing(_ marker: String, from start: Int, in range: Range<Int>) -> Int? {
            let marker = Array(marker)
            var index = start
            while index + marker.count <= range.upperBound {
                if characters[index] == "\\" { index += 2; continue }
                if Array(characters[index..<index + marker.count]) == marker { return index }
                index += 1
            }
            return nil
        }

        /// The next `*` that is not part of `**` (those enclose strong text, which emphasis may contain).
        private func closingSingleStar(from start: Int, in range: Range<Int>) -> Int? {
            var index = start
            while index < range.upperBound {
                if characters[index] == "\\" { index += 2; continue }
                if characters[index] == "*" {
                    if index + 1 < range.upperBound, characters[index + 1] == "*" {
                        guard let close = closing("**", from: index + 2, in: range) else { return nil }
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
            guard let close = closing("]", from: start + 1, in: range), close + 1 < range.upperBound, characters[close + 1] == "(" else {
                return nil
            }
            var index = close + 2
            var url = ""
            while index < range.upperBound, characters[index] != ")" {
                let character = characters[index]
                if character.isWhitespace || character == "(" || character == "\\" { return nil }
                url.append(character)
                index += 1
            }
            guard index < range.upperBound, !url.isEmpty, close > start + 1 else { return nil }
            return (start + 1..<close, url, index + 1)
        }
    }

    // MARK: Rendering

    /// The canonical Markdown text of `blocks`: `parse(render(blocks)) == blocks` for any blocks `parse` gives.
    public static func render(_ blocks: [Block]) -> String {
        blocks.map { block in
            switch block {
            case .paragraph(let inlines):
                return escapeLineStart(render(inlines))
            case .bulletList(let items):
                return items.map { "- " + render($0) }.joined(separator: "\n")
            case .numberedList(let items):
                return items.enumerated().map { "\($0.offset + 1). " + render($0.element) }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    public static func render(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): escape(text)
            case .emphasis(let content): "*" + render(content) + "*"
            case .strong(let content): "**" + render(content) + "**"
            case .link(let url, let content): "[" + render(content) + "](" + url + ")"
            }
        }.joined()
    }

    /// Escapes the characters that could start markup; `-` and `.` only where they could start a list item.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\\" || character == "*" || character == "[" || character == "]" { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A paragraph whose first line looks like a list item must not be read back as a list.
    static func escapeLineStart(_ text: String) -> String {
        let line = Substring(text)
        if line.hasPrefix("- ") { return "\\" + text }
        if let content = numberedContent(line), content.startIndex > line.startIndex {
            let digits = line.prefix { $0.isNumber }
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}
