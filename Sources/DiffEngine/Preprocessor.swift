/// The cheap passes before Myers, after git's `xprepare.c`: trim the common prefix and suffix, and take out
/// tokens that cannot be part of any common subsequence.
///
/// A token with no occurrence on the other side is changed in every script, so removing it never changes the
/// edit count (it is kept in `minimal` mode too). Outside `minimal` mode, very frequent tokens ("}" or blank
/// lines) that sit among removed ones are removed as well, which bounds the work on unrelated inputs.
enum Preprocessor {
    struct Reduced {
        var before: [Int32] = []
        var after: [Int32] = []
        var beforeIndex: [Int] = []
        var afterIndex: [Int] = []
    }

    static func reduce(
        before: [Int32], after: [Int32], distinct: Int, minimal: Bool,
        changedBefore: inout [Bool], changedAfter: inout [Bool]
    ) -> Reduced {
        var prefix = 0
        while prefix < before.count && prefix < after.count && before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < before.count - prefix && suffix < after.count - prefix
            && before[before.count - 1 - suffix] == after[after.count - 1 - suffix]
        { suffix += 1 }
        let beforeRange = prefix..<(before.count - suffix)
        let afterRange = prefix..<(after.count - suffix)

        var countInBefore = [Int32](repeating: 0, count: distinct)
        var countInAfter = [Int32](repeating: 0, count: distinct)
        for i in beforeRange { countInBefore[Int(before[i])] += 1 }
        for j in afterRange { countInAfter[Int(after[j])] += 1 }

        let beforeKeep = classify(before, beforeRange, otherCounts: countInAfter, otherLength: afterRange.count, minimal: minimal)
        let afterKeep = classify(after, afterRange, otherCounts: countInBefore, otherLength: beforeRange.count, minimal: minimal)
        var reduced = Reduced()
        reduced.before.reserveCapacity(beforeRange.count)
        reduced.after.reserveCapacity(afterRange.count)
        for (offset, i) in beforeRange.enumerated() {
            if beforeKeep[offset] { reduced.before.append(before[i]); reduced.beforeIndex.append(i) } else { changedBefore[i] = true }
        }
        for (offset, j) in afterRange.enumerated() {
            if afterKeep[offset] { reduced.after.append(after[j]); reduced.afterIndex.append(j) } else { changedAfter[j] = true }
        }
        return reduced
    }

    /// 0: no match (discard), 1: keep, 2: frequent (discard only when surrounded by discarded tokens).
    private static func classify(
        _ tokens: [Int32], _ range: Range<Int>, otherCounts: [Int32], otherLength: Int, minimal: Bool
    ) -> [Bool] {
        var limit = 1
        while limit * limit < otherLength { limit <<= 1 }
        limit = min(max(limit, 4), 100)
        var kind = [UInt8](repeating: 1, count: range.count)
        for (offset, i) in range.enumerated() {
            let matches = otherCounts[Int(tokens[i])]
            kind[offset] = matches == 0 ? 0 : (!minimal && matches >= limit ? 2 : 1)
        }
        var keep = [Bool](repeating: true, count: range.count)
        for offset in 0..<kind.count {
            switch kind[offset] {
            case 0: keep[offset] = false
            case 2: keep[offset] = !surroundedByDiscards(kind, offset)
            default: break
            }
        }
        return keep
    }

    /// xdl_clean_mmatch: a frequent token is dropped when the nearest non-frequent neighbours on both sides
    /// (within a small window) are discarded ones.
    private static func surroundedByDiscards(_ kind: [UInt8], _ offset: Int) -> Bool {
        var discardedBefore = 0, total = 0
        var index = offset - 1
        while index >= 0 && offset - index <= 100 {
            if kind[index] == 0 { discardedBefore += 1 } else if kind[index] == 1 { break }
            total += 1
            index -= 1
        }
        if discardedBefore == 0 { return false }
        var discardedAfter = 0
        index = offset + 1
        while index < kind.count && index - offset <= 100 {
            if kind[index] == 0 { discardedAfter += 1 } else if kind[index] == 1 { break }
            total += 1
            index += 1
        }
        if discardedAfter == 0 { return false }
        return (discardedBefore + discardedAfter) * 3 >= total * 2 || total == 0
    }
}
