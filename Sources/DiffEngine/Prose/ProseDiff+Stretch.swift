extension ProseDiff {
    /// The diff of the stretch where two texts differ: the paragraphs they share at their start and at their end
    /// (compared byte for byte, cut where a paragraph begins) are left out before diffing, so a one-word change
    /// in a long text costs the paragraphs around it, not the whole text. Its operations and offsets cover the
    /// stretch only: for showing what changed (a compact redline), not for positions in the whole text.
    public static func ofChangedStretch(before: String, after: String) -> ProseDiff {
        let (b, a) = (Array(before.utf8), Array(after.utf8))
        let (start, beforeEnd, afterEnd) = changedStretch(b, a)
        guard start > 0 || beforeEnd < b.count || afterEnd < a.count else { return ProseDiff(before: before, after: after) }
        return ProseDiff(
            before: String(decoding: b[start..<beforeEnd], as: UTF8.self), after: String(decoding: a[start..<afterEnd], as: UTF8.self)
        )
    }

    /// Where the stretch starts (the same offset in both texts) and where it ends in each: both bounds right after
    /// a whole run of line feeds that separates paragraphs (two or more, as `ParagraphTokenizer` cuts them), or at
    /// the texts' own ends.
    static func changedStretch(_ b: [UInt8], _ a: [UInt8]) -> (start: Int, beforeEnd: Int, afterEnd: Int) {
        let newline = UInt8(ascii: "\n")
        let shorter = min(b.count, a.count)
        var prefix = 0
        while prefix < shorter && b[prefix] == a[prefix] { prefix += 1 }
        if prefix == b.count && prefix == a.count { return (b.count, b.count, a.count) }
        /// Whether a paragraph starts at `at` in `text`: a separator run ends just before it.
        func paragraphStarts(_ text: [UInt8], _ at: Int) -> Bool {
            at >= 2 && text[at - 1] == newline && text[at - 2] == newline && (at == text.count || text[at] != newline)
        }
        // Back to the start of the paragraph the first difference is in (in both texts).
        var start = prefix
        while start > 0 && !(paragraphStarts(b, start) && paragraphStarts(a, start)) { start -= 1 }
        var suffix = 0
        while suffix < shorter - start && b[b.count - 1 - suffix] == a[a.count - 1 - suffix] { suffix += 1 }
        // On to the start of the first paragraph wholly inside the shared end (its separator shared too).
        let shift = a.count - b.count
        var end = b.count - suffix
        while end < b.count && !(end - 2 >= b.count - suffix && paragraphStarts(b, end) && paragraphStarts(a, end + shift)) { end += 1 }
        return (start, end, end + shift)
    }
}
