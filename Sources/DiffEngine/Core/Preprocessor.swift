/// The cheap passes before Myers, as git's `xprepare.c` does them: trim the common prefix and suffix, and take
/// out tokens that cannot be part of any common subsequence.
///
/// A token with no occurrence on the other side is changed in every script, so removing it never changes the
/// edit count (it is removed in `minimal` mode too). Outside `minimal` mode, tokens that are very frequent on
/// the other side ("}" or blank lines) and sit in a run of unmatched ones are removed as well, which bounds
/// the work on unrelated inputs. Matching xdiff's rule exactly keeps our merges identical to `git merge-file`.
enum Preprocessor {
    struct Reduced {
        var before: [Int32] = []
        var after: [Int32] = []
        var beforeIndex: [Int] = []
        var afterIndex: [Int] = []
    }

    static let maxEqualityLimit = 1024
    static let scanWindow = 100
    static let keepRunFactor = 4

    /// xdl_bogosqrt: a cheap power-of-two square root.
    static func bogosqrt(_ n: Int) -> Int {
        var result = 1
        var n = n
        while n > 0 {
            result <<= 1
            n >>= 2
        }
        return result
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

        // Occurrences over the whole files, as xdiff's classifier counts them.
        var countInBefore = [Int32](repeating: 0, count: distinct)
        var countInAfter = [Int32](repeating: 0, count: distinct)
        for token in before { countInBefore[Int(token)] += 1 }
        for token in after { countInAfter[Int(token)] += 1 }

        let beforeKeep = classify(before, beforeRange, otherCounts: countInAfter, minimal: minimal)
        let afterKeep = classify(after, afterRange, otherCounts: countInBefore, minimal: minimal)
        var reduced = Reduced()
        reduced.before.reserveCapacity(beforeRange.count)
        reduced.after.reserveCapacity(afterRange.count)
        for (offset, i) in beforeRange.enumerated() {
            if beforeKeep[offset] {
                reduced.before.append(before[i])
                reduced.beforeIndex.append(i)
            } else {
                changedBefore[i] = true
            }
        }
        for (offset, j) in afterRange.enumerated() {
            if afterKeep[offset] {
                reduced.after.append(after[j])
                reduced.afterIndex.append(j)
            } else {
                changedAfter[j] = true
            }
        }
        return reduced
    }

    /// 0: no match (discard), 1: keep, 2: matches often (discard when inside a run of unmatched tokens).
    private static func classify(_ tokens: [Int32], _ range: Range<Int>, otherCounts: [Int32], minimal: Bool) -> [Bool] {
        let limit = min(bogosqrt(tokens.count), maxEqualityLimit)
        var kind = [UInt8](repeating: 1, count: range.count)
        for (offset, i) in range.enumerated() {
            let matches = Int(otherCounts[Int(tokens[i])])
            kind[offset] = matches == 0 ? 0 : (matches >= limit && !minimal ? 2 : 1)
        }
        var keep = [Bool](repeating: true, count: range.count)
        for offset in 0..<kind.count {
            switch kind[offset] {
            case 0: keep[offset] = false
            case 2: keep[offset] = !cleanMultipleMatch(kind, offset, 0, kind.count - 1)
            default: break
            }
        }
        return keep
    }

    /// xdl_clean_mmatch: discard a frequent token only in the middle of a run of unmatched and frequent ones
    /// that is mostly unmatched.
    private static func cleanMultipleMatch(_ kind: [UInt8], _ i: Int, _ start: Int, _ end: Int) -> Bool {
        let start = i - start > scanWindow ? i - scanWindow : start
        let end = end - i > scanWindow ? i + scanWindow : end
        var unmatchedBefore = 0, frequentBefore = 1
        var r = 1
        while i - r >= start {
            if kind[i - r] == 0 { unmatchedBefore += 1 } else if kind[i - r] == 2 { frequentBefore += 1 } else { break }
            r += 1
        }
        if unmatchedBefore == 0 { return false }
        var unmatchedAfter = 0, frequentAfter = 1
        r = 1
        while i + r <= end {
            if kind[i + r] == 0 { unmatchedAfter += 1 } else if kind[i + r] == 2 { frequentAfter += 1 } else { break }
            r += 1
        }
        if unmatchedAfter == 0 { return false }
        unmatchedAfter += unmatchedBefore
        frequentAfter += frequentBefore
        return frequentAfter * keepRunFactor < frequentAfter + unmatchedAfter
    }
}
