/// Cuts prose into paragraphs and the blank-line separators between them (each its own token), so that
/// paragraphs diff as units and concatenating the tokens gives the text back.
public enum ParagraphTokenizer {
    /// Paragraphs and separators as byte ranges (the separator rule of `tokenize`).
    public static func ranges(_ bytes: UnsafeBufferPointer<UInt8>) -> [TokenRange] {
        var tokens: [TokenRange] = []
        var start = 0, index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte == 0x0A || byte == 0x0D else {
                index += 1
                continue
            }
            var end = index
            var newlines = 0
            while end < count, bytes[end] == 0x0A || bytes[end] == 0x0D {
                if bytes[end] == 0x0A { newlines += 1 }
                end += 1
            }
            if newlines >= 2 || end == count {
                if index != start { tokens.append(TokenRange(start: start, end: index)) }
                tokens.append(TokenRange(start: index, end: end))
                start = end
            }
            index = end
        }
        if start < count { tokens.append(TokenRange(start: start, end: count)) }
        return tokens
    }

    public static func tokenize(_ text: Substring) -> [Substring] {
        slices(of: text) { ranges($0) }
    }
}
