/// The passages of a base text that an edit touches: what two proposals against the same text must not both
/// change if they are to merge without a conflict.
public enum ChangeFootprint {
    /// UTF-8 ranges of `base` that `edited` deletes or replaces, in order and disjoint; a pure insertion is an
    /// empty range at its point.
    public static func changedRanges(base: String, edited: String) -> [Range<Int>] {
        let operations = ProseDiff(before: base, after: edited, cleanup: false).operations
        var ranges: [Range<Int>] = []
        var cursor = 0
        func add(_ range: Range<Int>) {
            // Neighbouring changes (a deletion followed by the insertion that replaces it) are one passage.
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        for operation in operations {
            let length = operation.text.utf8.count
            switch operation.kind {
            case .equal:
                cursor += length
            case .delete:
                add(cursor..<cursor + length)
                cursor += length
            case .insert:
                add(cursor..<cursor)
            case .move:
                if operation.beforeOffset != nil {
                    add(cursor..<cursor + length)
                    cursor += length
                } else {
                    add(cursor..<cursor)
                }
            }
        }
        return ranges
    }

    /// The ranges carried from `base` onto `current`, a later version of the same text.
    public static func carry(_ ranges: [Range<Int>], from base: String, to current: String) -> [Range<Int>] {
        guard !ranges.isEmpty else { return [] }
        if base == current { return ranges }
        let map = PositionMap(before: base, after: current)
        // A move can carry a passage past another, so the result is sorted again.
        return ranges.map(map.carry).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
    }

    /// The first passage where two sorted footprints on the same text meet, or nil. Changes that touch count: a
    /// three-way merge cannot order two edits at one point either.
    public static func overlap(_ a: [Range<Int>], _ b: [Range<Int>]) -> Range<Int>? {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x.lowerBound <= y.upperBound && y.lowerBound <= x.upperBound {
                return min(x.lowerBound, y.lowerBound)..<max(x.upperBound, y.upperBound)
            }
            if x.upperBound < y.upperBound { i += 1 } else { j += 1 }
        }
        return nil
    }
}
