/// Myers' O(ND) difference algorithm in linear space (divide at the middle snake), after git's `xdiffi.c`.
///
/// Works on token ids. Marks changed tokens in `changedBefore`/`changedAfter` through index maps, so it can run
/// on a reduced sequence (tokens without a match already removed) or on a region of a larger one.
/// Outside `minimal` mode it bounds its work as xdiff does: after `heuristicMinCost` edits it accepts a split
/// at a diagonal reached by a long snake, and after `maxCost` edits it splits at the furthest-reaching point.
/// Both give a correct script, just possibly not a minimal one.
struct Myers {
    /// A snake this long counts as "good" for the heuristic split.
    static let snakeCount = 20
    static let heuristicMinCost = 256
    static let heuristicFactor = 4
    static let maxCostMin = 256

    let before: UnsafeBufferPointer<Int32>
    let after: UnsafeBufferPointer<Int32>
    let beforeIndex: UnsafeBufferPointer<Int>
    let afterIndex: UnsafeBufferPointer<Int>
    let minimal: Bool
    let maxCost: Int

    /// Diffs `before` against `after`, marking changes at `beforeIndex[i]` / `afterIndex[j]` of the outputs.
    static func run(
        before: [Int32], after: [Int32], beforeIndex: [Int], afterIndex: [Int], minimal: Bool,
        changedBefore: inout [Bool], changedAfter: inout [Bool]
    ) {
        guard !before.isEmpty || !after.isEmpty else { return }
        let diagonals = before.count + after.count + 3
        let maxCost = max(Preprocessor.bogosqrt(diagonals), maxCostMin)
        before.withUnsafeBufferPointer { a in
            after.withUnsafeBufferPointer { b in
                beforeIndex.withUnsafeBufferPointer { ai in
                    afterIndex.withUnsafeBufferPointer { bi in
                        let myers = Myers(
                            before: a, after: b, beforeIndex: ai, afterIndex: bi, minimal: minimal, maxCost: maxCost
                        )
                        myers.compare(changedBefore: &changedBefore, changedAfter: &changedAfter)
                    }
                }
            }
        }
    }

    private struct Box {
        var beforeStart: Int
        var beforeEnd: Int
        var afterStart: Int
        var afterEnd: Int
        var needMinimal: Bool
    }

    private struct Split {
        var before: Int
        var after: Int
        var minimalLow: Bool
        var minimalHigh: Bool
    }

    /// Divide and conquer with an explicit stack, so no input can exhaust the call stack.
    private func compare(changedBefore: inout [Bool], changedAfter: inout [Bool]) {
        let size = before.count + after.count + 3
        var forward = [Int](repeating: 0, count: 2 * size + 2)
        var backward = [Int](repeating: 0, count: 2 * size + 2)
        let offset = after.count + 1
        var stack = [Box(beforeStart: 0, beforeEnd: before.count, afterStart: 0, afterEnd: after.count, needMinimal: minimal)]
        forward.withUnsafeMutableBufferPointer { forward in
            backward.withUnsafeMutableBufferPointer { backward in
                while var box = stack.popLast() {
                    while box.beforeStart < box.beforeEnd && box.afterStart < box.afterEnd
                        && before[box.beforeStart] == after[box.afterStart]
                    {
                        box.beforeStart += 1
                        box.afterStart += 1
                    }
                    while box.beforeStart < box.beforeEnd && box.afterStart < box.afterEnd
                        && before[box.beforeEnd - 1] == after[box.afterEnd - 1]
                    {
                        box.beforeEnd -= 1
                        box.afterEnd -= 1
                    }
                    if box.beforeStart == box.beforeEnd {
                        for j in box.afterStart..<box.afterEnd { changedAfter[afterIndex[j]] = true }
                    } else if box.afterStart == box.afterEnd {
                        for i in box.beforeStart..<box.beforeEnd { changedBefore[beforeIndex[i]] = true }
                    } else {
                        let split = self.split(box, forward: forward.baseAddress! + offset, backward: backward.baseAddress! + offset)
                        stack.append(
                            Box(
                                beforeStart: split.before, beforeEnd: box.beforeEnd, afterStart: split.after, afterEnd: box.afterEnd,
                                needMinimal: split.minimalHigh
                            ))
                        stack.append(
                            Box(
                                beforeStart: box.beforeStart, beforeEnd: split.before, afterStart: box.afterStart, afterEnd: split.after,
                                needMinimal: split.minimalLow
                            ))
                    }
                }
            }
        }
    }

    /// Finds where to split the box: the middle snake, or with heuristics a good-enough point (xdl_split).
    private func split(_ box: Box, forward kvdf: UnsafeMutablePointer<Int>, backward kvdb: UnsafeMutablePointer<Int>) -> Split {
        let off1 = box.beforeStart, lim1 = box.beforeEnd, off2 = box.afterStart, lim2 = box.afterEnd
        let dmin = off1 - lim2, dmax = lim1 - off2
        let fmid = off1 - off2, bmid = lim1 - lim2
        let odd = (fmid - bmid) & 1 != 0
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        kvdf[fmid] = off1
        kvdb[bmid] = lim1
        var cost = 1
        while true {
            var gotSnake = false
            if fmin > dmin {
                fmin -= 1
                kvdf[fmin - 1] = -1
            } else {
                fmin += 1
            }
            if fmax < dmax {
                fmax += 1
                kvdf[fmax + 1] = -1
            } else {
                fmax -= 1
            }
            var d = fmax
            while d >= fmin {
                var i1 = kvdf[d - 1] >= kvdf[d + 1] ? kvdf[d - 1] + 1 : kvdf[d + 1]
                let previous = i1
                var i2 = i1 - d
                while i1 < lim1 && i2 < lim2 && before[i1] == after[i2] {
                    i1 += 1
                    i2 += 1
                }
                if i1 - previous > Self.snakeCount { gotSnake = true }
                kvdf[d] = i1
                if odd && bmin <= d && d <= bmax && kvdb[d] <= i1 {
                    return Split(before: i1, after: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            if bmin > dmin {
                bmin -= 1
                kvdb[bmin - 1] = Int.max
            } else {
                bmin += 1
            }
            if bmax < dmax {
                bmax += 1
                kvdb[bmax + 1] = Int.max
            } else {
                bmax -= 1
            }
            d = bmax
            while d >= bmin {
                var i1 = kvdb[d - 1] < kvdb[d + 1] ? kvdb[d - 1] : kvdb[d + 1] - 1
                let previous = i1
                var i2 = i1 - d
                while i1 > off1 && i2 > off2 && before[i1 - 1] == after[i2 - 1] {
                    i1 -= 1
                    i2 -= 1
                }
                if previous - i1 > Self.snakeCount { gotSnake = true }
                kvdb[d] = i1
                if !odd && fmin <= d && d <= fmax && i1 <= kvdf[d] {
                    return Split(before: i1, after: i2, minimalLow: true, minimalHigh: true)
                }
                d -= 2
            }
            defer { cost += 1 }
            if box.needMinimal { continue }

            if gotSnake && cost > Self.heuristicMinCost {
                if let split = heuristicSplit(box, cost: cost, kvdf, fmin, fmax, fmid, kvdb, bmin, bmax, bmid) { return split }
            }
            if cost >= maxCost {
                return furthestReaching(box, kvdf, fmin, fmax, kvdb, bmin, bmax)
            }
        }
    }

    /// A diagonal that has travelled far and ends in a snake of `snakeCount` tokens is a good enough split.
    private func heuristicSplit(
        _ box: Box, cost: Int, _ kvdf: UnsafeMutablePointer<Int>, _ fmin: Int, _ fmax: Int, _ fmid: Int,
        _ kvdb: UnsafeMutablePointer<Int>, _ bmin: Int, _ bmax: Int, _ bmid: Int
    ) -> Split? {
        let off1 = box.beforeStart, lim1 = box.beforeEnd, off2 = box.afterStart, lim2 = box.afterEnd
        var best = 0
        var result: Split?
        var d = fmax
        while d >= fmin {
            let dd = d > fmid ? d - fmid : fmid - d
            let i1 = kvdf[d], i2 = i1 - d
            let value = (i1 - off1) + (i2 - off2) - dd
            if value > Self.heuristicFactor * cost && value > best && off1 + Self.snakeCount <= i1 && i1 < lim1
                && off2 + Self.snakeCount <= i2 && i2 < lim2
            {
                var k = 1
                while before[i1 - k] == after[i2 - k] {
                    if k == Self.snakeCount {
                        best = value
                        result = Split(before: i1, after: i2, minimalLow: true, minimalHigh: false)
                        break
                    }
                    k += 1
                }
            }
            d -= 2
        }
        if result != nil { return result }
        best = 0
        d = bmax
        while d >= bmin {
            let dd = d > bmid ? d - bmid : bmid - d
            let i1 = kvdb[d], i2 = i1 - d
            let value = (lim1 - i1) + (lim2 - i2) - dd
            if value > Self.heuristicFactor * cost && value > best && off1 < i1 && i1 <= lim1 - Self.snakeCount
                && off2 < i2 && i2 <= lim2 - Self.snakeCount
            {
                var k = 0
                while before[i1 + k] == after[i2 + k] {
                    if k == Self.snakeCount - 1 {
                        best = value
                        result = Split(before: i1, after: i2, minimalLow: false, minimalHigh: true)
                        break
                    }
                    k += 1
                }
            }
            d -= 2
        }
        return result
    }

    /// The cost limit was reached: split at the point furthest along either search.
    private func furthestReaching(
        _ box: Box, _ kvdf: UnsafeMutablePointer<Int>, _ fmin: Int, _ fmax: Int,
        _ kvdb: UnsafeMutablePointer<Int>, _ bmin: Int, _ bmax: Int
    ) -> Split {
        let off1 = box.beforeStart, lim1 = box.beforeEnd, off2 = box.afterStart, lim2 = box.afterEnd
        var fbest = -1, fbest1 = -1
        var d = fmax
        while d >= fmin {
            var i1 = min(kvdf[d], lim1)
            var i2 = i1 - d
            if lim2 < i2 {
                i1 = lim2 + d
                i2 = lim2
            }
            if fbest < i1 + i2 {
                fbest = i1 + i2
                fbest1 = i1
            }
            d -= 2
        }
        var bbest = Int.max, bbest1 = Int.max
        d = bmax
        while d >= bmin {
            var i1 = max(off1, kvdb[d])
            var i2 = i1 - d
            if i2 < off2 {
                i1 = off2 + d
                i2 = off2
            }
            if i1 + i2 < bbest {
                bbest = i1 + i2
                bbest1 = i1
            }
            d -= 2
        }
        if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
            return Split(before: fbest1, after: fbest - fbest1, minimalLow: true, minimalHigh: false)
        }
        return Split(before: bbest1, after: bbest - bbest1, minimalLow: false, minimalHigh: true)
    }
}
