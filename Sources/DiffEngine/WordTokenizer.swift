/// Cuts prose into tokens for word diffs: runs of word characters (letters, marks, digits, `_`), runs of
/// white space, and every other character (punctuation, symbols) on its own. Unicode-aware, per scalar.
public enum WordTokenizer {
    enum Class { case word, space, other }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
        if scalar.properties.isWhitespace { return .space }
        if scalar == "_" || scalar.properties.isAlphabetic { return .word }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .other
        }
    }

    /// The tokens of `text`; concatenated they give `text` back exactly.
    public static func tokenize(_ text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = scalars.startIndex
        var current: Class?
        while index != scalars.endIndex {
            let kind = classify(scalars[index])
            if let current, kind == current, kind != .other {
                index = scalars.index(after: index)
                continue
            }
            if index != start { tokens.append(Substring(scalars[start..<index])) }
            start = index
            current = kind
            index = scalars.index(after: index)
        }
        if start != scalars.endIndex { tokens.append(Substring(scalars[start..<scalars.endIndex])) }
        return tokens
    }

    /// Whether a token has at least one letter or digit.
    static func hasWordCharacter(_ token: Substring) -> Bool {
        token.unicodeScalars.contains { classify($0) == .word }
    }
}

/// Cuts prose into paragraphs and the blank-line separators between them (each its own token), so that
/// paragraphs diff as units and concatenating the tokens gives the text back.
public enum ParagraphTokenizer {
    public static func tokenize(_ text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index != text.endIndex {
            if text[index] == "\n" {
                var end = text.index(after: index)
                var newlines = 1
                while end != text.endIndex, text[end] == "\n" || text[end] == "\r\n" { newlines += 1; end = text.index(after: end) }
                if newlines >= 2 || end == text.endIndex {
                    if index != start { tokens.append(text[start..<index]) }
                    tokens.append(text[index..<end])
                    start = end
                    index = end
                    continue
                }
                index = end
                continue
            }
            if text[index] == "\r\n" {
                var end = text.index(after: index)
                var newlines = 1
                while end != text.endIndex, text[end] == "\n" || text[end] == "\r\n" { newlines += 1; end = text.index(after: end) }
                if newlines >= 2 || end == text.endIndex {
                    if index != start { tokens.append(text[start..<index]) }
                    tokens.append(text[index..<end])
                    start = end
                    index = end
                    continue
                }
                index = end
                continue
            }
            index = text.index(after: index)
        }
        if start != text.endIndex { tokens.append(text[start..<text.endIndex]) }
        return tokens
    }
}
