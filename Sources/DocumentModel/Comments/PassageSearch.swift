/// Finds a quoted passage in a body, for people who quote the words rather than select them (a form without
/// script): the words must follow each other as in the body, but any run of white space matches any other, as
/// copying text from a page turns line breaks into spaces.
public enum PassageSearch {
    /// The UTF-8 ranges of every occurrence of `quote` in `body`, in order, never overlapping.
    public static func occurrences(of quote: String, in body: String) -> [Range<Int>] {
        let words = quote.split(whereSeparator: { $0.isWhitespace }).map { Array($0.utf8) }
        guard !words.isEmpty else { return [] }
        let bytes = Array(body.utf8)
        var found: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            if let end = match(words, in: bytes, at: start) {
                found.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return found
    }

    /// Where the words end when they start at `start`, or nil.
    private static func match(_ words: [[UInt8]], in bytes: [UInt8], at start: Int) -> Int? {
        var index = start
        for (position, word) in words.enumerated() {
            if position > 0 {
                let spaceStart = index
                while index < bytes.count, MarkdownSubset.isSpace(bytes[index]) { index += 1 }
                guard index > spaceStart else { return nil }
            }
            guard index + word.count <= bytes.count, bytes[index..<index + word.count].elementsEqual(word) else { return nil }
            index += word.count
        }
        return index
    }
}
