/// Histogram diff, after git's `xhistogram.c` and imara-diff: anchor on the longest run of tokens that are
/// rare in `before`, then recurse on both sides of it. Regions where every common token is frequent fall
/// back to Myers. Produces human-friendly scripts (unique lines line up) and is fast on typical edits.
enum Histogram {
    /// Tokens occurring more often than this in a region are not used as anchors.
    static let maxChainLength = 64

    static func run(
        before: [Int32], after: [Int32], distinct: Int, changedBefore: inout [Bool], changedAfter: inout [Bool]
    ) {
        let occurrences = Occurrences(distinct: distinct)
        var stack: [(Range<Int>, Range<Int>)] = [(0..<before.count, 0..<after.count)]
        while var (beforeRange, afterRange) = stack.popLast() {
            while !beforeRange.isEmpty && !afterRange.isEmpty && before[beforeRange.lowerBound] == after[afterRange.lowerBound] {
                beforeRange = (beforeRange.lowerBound + 1)..<beforeRange.upperBound
                afterRange = (afterRange.lowerBound + 1)..<afterRange.upperBound
            }
            while !beforeRange.isEmpty && !afterRange.isEmpty && before[beforeRange.upperBound - 1] == after[afterRange.upperBound - 1] {
                beforeRange = beforeRange.lowerBound..<(beforeRange.upperBound - 1)
                afterRange = afterRange.lowerBound..<(afterRange.upperBound - 1)
            }
            if beforeRange.isEmpty || afterRange.isEmpty {
                for i in beforeRange { changedBefore[i] = true }
                for j in afterRange { changedAfter[j] = true }
                continue
            }
            switch occurrences.longestRareRun(before, beforeRange, after, afterRange) {
            case .anchor(let beforeRun, let afterRun):
                stack.append((beforeRun.upperBound..<beforeRange.upperBound, afterRun.upperBound..<afterRange.upperBound))
                stack.append((beforeRange.lowerBound..<beforeRun.lowerBound, afterRange.lowerBound..<afterRun.lowerBound))
            case .nothingInCommon:
                for i in beforeRange { changedBefore[i] = true }
                for j in afterRange { changedAfter[j] = true }
            case .onlyFrequent:
                // As git's xdl_fall_back_diff: the classic diff, pre-pass included, on this region only.
                fallBack(before, beforeRange, after, afterRange, distinct: distinct, changedBefore: &changedBefore, changedAfter: &changedAfter)
            }
        }
    }

    static func fallBack(
        _ before: [Int32], _ beforeRange: Range<Int>, _ after: [Int32], _ afterRange: Range<Int>, distinct: Int,
        changedBefore: inout [Bool], changedAfter: inout [Bool]
    ) {
        let regionBefore = Array(before[beforeRange]), regionAfter = Array(after[afterRange])
        var regionChangedBefore = [Bool](repeating: false, count: regionBefore.count)
        var regionChangedAfter = [Bool](repeating: false, count: regionAfter.count)
        let reduced = Preprocessor.reduce(
            before: regionBefore, after: regionAfter, distinct: distinct, minimal: false,
            changedBefore: &regionChangedBefore, changedAfter: &regionChangedAfter
        )
        Myers.run(
            before: reduced.before, after: reduced.after, beforeIndex: reduced.beforeIndex, afterIndex: reduced.afterIndex,
            minimal: false, changedBefore: &regionChangedBefore, changedAfter: &regionChangedAfter
        )
        for (offset, changed) in regionChangedBefore.enumerated() where changed { changedBefore[beforeRange.lowerBound + offset] = true }
        for (offset, changed) in regionChangedAfter.enumerated() where changed { changedAfter[afterRange.lowerBound + offset] = true }
    }

    enum Anchor {
        case anchor(Range<Int>, Range<Int>)
        case nothingInCommon
        case onlyFrequent
    }

    /// Per-token occurrence lists of the current `before` region, reused across regions.
    ///
    /// Raw buffers rather than arrays: this is the inner loop of the default algorithm, and array writes
    /// cost uniqueness and exclusivity checks.
    final class Occurrences {
        private let heads: UnsafeMutablePointer<Int32>
        private let counts: UnsafeMutablePointer<Int32>
        private var next: UnsafeMutablePointer<Int32>
        private var nextCapacity = 0
        private let touched: UnsafeMutablePointer<Int32>
        private var touchedCount = 0

        init(distinct: Int) {
            let size = max(distinct, 1)
            heads = .allocate(capacity: size)
            heads.initialize(repeating: -1, count: size)
            counts = .allocate(capacity: size)
            counts.initialize(repeating: 0, count: size)
            touched = .allocate(capacity: size)
            next = .allocate(capacity: 1)
        }

        deinit {
            heads.deallocate()
            counts.deallocate()
            touched.deallocate()
            next.deallocate()
        }

        func longestRareRun(_ beforeArray: [Int32], _ beforeRange: Range<Int>, _ afterArray: [Int32], _ afterRange: Range<Int>) -> Anchor {
            if nextCapacity < beforeArray.count {
                next.deallocate()
                next = .allocate(capacity: beforeArray.count)
                nextCapacity = beforeArray.count
            }
            return beforeArray.withUnsafeBufferPointer { before in
                afterArray.withUnsafeBufferPointer { after in
                    search(before, beforeRange, after, afterRange)
                }
            }
        }

        private func search(
            _ before: UnsafeBufferPointer<Int32>, _ beforeRange: Range<Int>, _ after: UnsafeBufferPointer<Int32>, _ afterRange: Range<Int>
        ) -> Anchor {
            // Index the region of `before`, last position first so each chain lists positions in order.
            var i = beforeRange.upperBound - 1
            while i >= beforeRange.lowerBound {
                let token = Int(before[i])
                if counts[token] == 0 {
                    touched[touchedCount] = Int32(token)
                    touchedCount += 1
                }
                next[i] = heads[token]
                heads[token] = Int32(i)
                counts[token] += 1
                i -= 1
            }
            defer {
                for index in 0..<touchedCount {
                    let token = Int(touched[index])
                    heads[token] = -1
                    counts[token] = 0
                }
                touchedCount = 0
            }
            var bestCount = Int32(Histogram.maxChainLength + 1)
            var bestLength = 0
            var best: (Range<Int>, Range<Int>)?
            var sawCommon = false
            var j = afterRange.lowerBound
            while j < afterRange.upperBound {
                let token = Int(after[j])
                let count = counts[token]
                if count == 0 {
                    j += 1
                    continue
                }
                sawCommon = true
                if count > bestCount {
                    j += 1
                    continue
                }
                var nextJ = j + 1
                var position = Int(heads[token])
                while position >= 0 {
                    // Extend the match around (position, j) as far as both regions allow, tracking the rarest token.
                    var start1 = position, start2 = j, end1 = position + 1, end2 = j + 1
                    var rarest = count
                    while start1 > beforeRange.lowerBound && start2 > afterRange.lowerBound && before[start1 - 1] == after[start2 - 1] {
                        start1 -= 1
                        start2 -= 1
                        rarest = min(rarest, counts[Int(before[start1])])
                    }
                    while end1 < beforeRange.upperBound && end2 < afterRange.upperBound && before[end1] == after[end2] {
                        rarest = min(rarest, counts[Int(before[end1])])
                        end1 += 1
                        end2 += 1
                    }
                    let length = end1 - start1
                    if rarest < bestCount || (rarest == bestCount && length > bestLength) {
                        bestCount = rarest
                        bestLength = length
                        best = (start1..<end1, start2..<end2)
                    }
                    nextJ = max(nextJ, end2)
                    position = Int(next[position])
                }
                j = nextJ
            }
            if let best { return .anchor(best.0, best.1) }
            return sawCommon ? .onlyFrequent : .nothingInCommon
        }
    }
}
