/// Cuts prose into tokens for word diffs: runs of word characters (letters, marks, digits, `_`), runs of
/// white space, and every other character (punctuation, symbols) on its own. Unicode-aware, per scalar.
public enum WordTokenizer {
    enum Class { case word, space, other }

    /// ASCII classes by table: Unicode property lookups were nearly half the time of a large prose diff.
    private static let asciiClasses: [Class] = (0..<128).map { value in
        let scalar = Unicode.Scalar(UInt8(value))
        if scalar.properties.isWhitespace { return .space }
        if scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return .word }
        return .other
    }

    @inline(__always)
    static func classify(_ scalar: Unicode.Scalar) -> Class {
        if scalar.value < 128 { return asciiClasses[Int(scalar.value)] }
        if scalar.properties.isWhitespace { return .space }
        if scalar == "_" || scalar.properties.isAlphabetic { return .word }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .other
        }
    }

    /// The tokens of `text`; concatenated they give `text` back exactly.
    public static func tokenize(_ text: Substring) -> [Substring] {
        slices(of: text) { bytes in ranges(bytes, 0..<bytes.count) }
    }

    /// The tokens as byte ranges of `bytes[range]` (valid UTF-8), as the prose pipeline uses them.
    ///
    /// Walks UTF-8 bytes, decoding a scalar only for non-ASCII bytes: the scalar view's index checks cost more
    /// than the classification.
    public static func ranges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [TokenRange] {
        asciiClasses.withUnsafeBufferPointer { ascii in ranges(bytes, range, ascii: ascii) }
    }

    /// The loop behind `ranges`, with the ASCII table passed in so it is not re-fetched (a lazy global) per byte.
    private static func ranges(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, ascii: UnsafeBufferPointer<Class>) -> [TokenRange] {
        var tokens: [TokenRange] = []
        tokens.reserveCapacity(range.count / 3)
        var start = range.lowerBound
        var index = range.lowerBound
        var current: Class?
        while index < range.upperBound {
            let (kind, next) = classify(bytes, at: index, limit: range.upperBound, ascii: ascii)
            if let current, kind == current, kind != .other {
                index = next
                continue
            }
            if index != start { tokens.append(TokenRange(start: start, end: index)) }
            start = index
            current = kind
            index = next
        }
        if start < range.upperBound { tokens.append(TokenRange(start: start, end: range.upperBound)) }
        return tokens
    }

    /// The class of the scalar starting at `index`, and where the next one starts: ASCII by table, anything else
    /// decoded from its UTF-8 sequence and classified by its Unicode properties.
    @inline(__always)
    private static func classify(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int, ascii: UnsafeBufferPointer<Class>
    ) -> (Class, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (ascii[Int(byte)], index + 1) }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var next = index + 1
        while next < index + length && next < limit {
            value = value << 6 | UInt32(bytes[next] & 0x3F)
            next += 1
        }
        return (Unicode.Scalar(value).map(classify) ?? .other, next)
    }

    /// Whether the token at `range` is a word (tokens are uniform runs, so its first scalar decides).
    static func hasWordCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TokenRange) -> Bool {
        guard range.start < range.end else { return false }
        return asciiClasses.withUnsafeBufferPointer { ascii in
            classify(bytes, at: range.start, limit: range.end, ascii: ascii).0 == .word
        }
    }

    /// Whether a token has at least one letter or digit.
    static func hasWordCharacter(_ token: Substring) -> Bool {
        token.unicodeScalars.contains { classify($0) == .word }
    }
}

/// Runs a byte-range tokenizer over a substring's UTF-8 and turns the ranges back into substrings.
func slices(of text: Substring, _ tokenize: (UnsafeBufferPointer<UInt8>) -> [TokenRange]) -> [Substring] {
    let ranges = text.utf8.withContiguousStorageIfAvailable(tokenize) ?? Array(text.utf8).withUnsafeBufferPointer(tokenize)
    let utf8 = text.utf8
    return ranges.map { range in
        text[utf8.index(utf8.startIndex, offsetBy: range.start)..<utf8.index(utf8.startIndex, offsetBy: range.end)]
    }
}
