/// Three-way merge with `git merge-file` semantics (xdiff's `xmerge.c`): changes conflict unless one ends
/// strictly before the other starts; identical changes are taken once; conflicts are refined to the lines
/// that really differ (zealous), and neighbouring conflicts separated only by lines without letters or digits
/// (or by at most three lines) are joined.
public enum ThreeWayMerge {
    /// A change of one side against the base: `base` tokens `baseStart..<baseStart+baseCount` became side
    /// tokens `sideStart..<sideStart+sideCount`.
    struct Change {
        var baseStart: Int, baseCount: Int, sideStart: Int, sideCount: Int
    }

    /// xdmerge: mode 0 conflict, 1 ours, 2 theirs, 3 both, 4 identical.
    struct Region {
        var mode: Int
        var i0: Int, chg0: Int, i1: Int, chg1: Int, i2: Int, chg2: Int
    }

    /// Merges token id sequences. `hasWordCharacter(i)` says whether ours token `i` holds a letter or digit.
    public static func merge(
        base: [Int32], ours: [Int32], theirs: [Int32], distinct: Int, options: MergeOptions,
        oursHasWordCharacter: (Int) -> Bool
    ) -> MergeResult {
        let diffOptions = DiffOptions(algorithm: options.algorithm, indentHeuristic: false)
        let oursChanges = changes(Differ.diff(before: base, after: ours, distinct: distinct, options: diffOptions))
        let theirsChanges = changes(Differ.diff(before: base, after: theirs, distinct: distinct, options: diffOptions))
        if oursChanges.isEmpty { return MergeResult(regions: [], shortcut: .takeTheirs) }
        if theirsChanges.isEmpty { return MergeResult(regions: [], shortcut: .takeOurs) }

        var regions = combine(
            oursChanges, theirsChanges, baseCount: base.count, oursCount: ours.count, theirsCount: theirs.count, ours: ours, theirs: theirs)
        switch options.style {
        case .zdiff3: trimAgreement(&regions, ours: ours, theirs: theirs)
        case .diff3: break  // as diff3 -m: no refinement beyond identical changes
        case .merge:
            refine(&regions, ours: ours, theirs: theirs, distinct: distinct, options: diffOptions)
            joinNeighbours(&regions, oursHasWordCharacter: oursHasWordCharacter)
        }
        if let favor = options.favor {
            let mode =
                switch favor {
                case .ours: 1
                case .theirs: 2
                case .union: 3
                }
            for index in regions.indices where regions[index].mode == 0 { regions[index].mode = mode }
        }
        return MergeResult(
            regions: regions.map { region in
                let resolution: MergeRegion.Resolution =
                    switch region.mode {
                    case 0: .conflict
                    case 1: .ours
                    case 2: .theirs
                    case 3: .both
                    default: .identical
                    }
                return MergeRegion(
                    base: region.i0..<(region.i0 + region.chg0), ours: region.i1..<(region.i1 + region.chg1),
                    theirs: region.i2..<(region.i2 + region.chg2), resolution: resolution
                )
            },
            shortcut: .none
        )
    }

    static func changes(_ script: EditScript) -> [Change] {
        var result: [Change] = []
        for edit in script.edits where edit.kind != .equal {
            if var last = result.last, last.baseStart + last.baseCount == edit.before.lowerBound,
                last.sideStart + last.sideCount == edit.after.lowerBound
            {
                last.baseCount += edit.before.count
                last.sideCount += edit.after.count
                result[result.count - 1] = last
            } else {
                result.append(
                    Change(
                        baseStart: edit.before.lowerBound, baseCount: edit.before.count, sideStart: edit.after.lowerBound, sideCount: edit.after.count
                    ))
            }
        }
        return result
    }

    /// xdl_do_merge's walk over both change lists in base order.
    static func combine(
        _ oursChanges: [Change], _ theirsChanges: [Change], baseCount: Int, oursCount: Int, theirsCount: Int,
        ours: [Int32], theirs: [Int32]
    ) -> [Region] {
        var regions: [Region] = []
        func append(_ mode: Int, _ i0: Int, _ chg0: Int, _ i1: Int, _ chg1: Int, _ i2: Int, _ chg2: Int) {
            if var last = regions.last, i1 <= last.i1 + last.chg1 || i2 <= last.i2 + last.chg2 {
                if mode != last.mode { last.mode = 0 }
                last.chg0 = i0 + chg0 - last.i0
                last.chg1 = i1 + chg1 - last.i1
                last.chg2 = i2 + chg2 - last.i2
                regions[regions.count - 1] = last
            } else {
                regions.append(Region(mode: mode, i0: i0, chg0: chg0, i1: i1, chg1: chg1, i2: i2, chg2: chg2))
            }
        }
        var a = 0, b = 0
        while a < oursChanges.count && b < theirsChanges.count {
            let x = oursChanges[a], y = theirsChanges[b]
            if x.baseStart + x.baseCount < y.baseStart {
                append(1, x.baseStart, x.baseCount, x.sideStart, x.sideCount, y.sideStart - y.baseStart + x.baseStart, x.baseCount)
                a += 1
                continue
            }
            if y.baseStart + y.baseCount < x.baseStart {
                append(2, y.baseStart, y.baseCount, x.sideStart - x.baseStart + y.baseStart, y.baseCount, y.sideStart, y.sideCount)
                b += 1
                continue
            }
            let identical =
                x.baseStart == y.baseStart && x.baseCount == y.baseCount && x.sideCount == y.sideCount
                && ours[x.sideStart..<(x.sideStart + x.sideCount)] == theirs[y.sideStart..<(y.sideStart + y.sideCount)]
            if !identical {
                let off = x.baseStart - y.baseStart
                let ffo = off + x.baseCount - y.baseCount
                var i0 = x.baseStart, i1 = x.sideStart, i2 = y.sideStart
                if off > 0 {
                    i0 -= off
                    i1 -= off
                } else {
                    i2 += off
                }
                var chg0 = x.baseStart + x.baseCount - i0
                var chg1 = x.sideStart + x.sideCount - i1
                var chg2 = y.sideStart + y.sideCount - i2
                if ffo < 0 {
                    chg0 -= ffo
                    chg1 -= ffo
                } else {
                    chg2 += ffo
                }
                append(0, i0, chg0, i1, chg1, i2, chg2)
            }
            let endOurs = x.baseStart + x.baseCount, endTheirs = y.baseStart + y.baseCount
            if endOurs >= endTheirs { b += 1 }
            if endTheirs >= endOurs { a += 1 }
        }
        while a < oursChanges.count {
            let x = oursChanges[a]
            append(1, x.baseStart, x.baseCount, x.sideStart, x.sideCount, x.baseStart + theirsCount - baseCount, x.baseCount)
            a += 1
        }
        while b < theirsChanges.count {
            let y = theirsChanges[b]
            append(2, y.baseStart, y.baseCount, y.baseStart + oursCount - baseCount, y.baseCount, y.sideStart, y.sideCount)
            b += 1
        }
        return regions
    }

    /// xdl_refine_conflicts: diff ours against theirs inside each conflict and keep only what differs.
    static func refine(_ regions: inout [Region], ours: [Int32], theirs: [Int32], distinct: Int, options: DiffOptions) {
        var refined: [Region] = []
        for region in regions {
            guard region.mode == 0, region.chg1 > 0, region.chg2 > 0 else {
                refined.append(region)
                continue
            }
            let oursPart = Array(ours[region.i1..<(region.i1 + region.chg1)])
            let theirsPart = Array(theirs[region.i2..<(region.i2 + region.chg2)])
            let inner = changes(Differ.diff(before: oursPart, after: theirsPart, distinct: distinct, options: options))
            if inner.isEmpty {
                var identical = region
                identical.mode = 4
                refined.append(identical)
                continue
            }
            for change in inner {
                var piece = region
                piece.i1 = change.baseStart + region.i1
                piece.chg1 = change.baseCount
                piece.i2 = change.sideStart + region.i2
                piece.chg2 = change.sideCount
                refined.append(piece)
            }
        }
        regions = refined
    }

    /// xdl_simplify_non_conflicts (alnum level): join two conflicts separated by at most three lines, or by
    /// lines without letters or digits.
    static func joinNeighbours(_ regions: inout [Region], oursHasWordCharacter: (Int) -> Bool) {
        var index = 0
        while index + 1 < regions.count {
            let current = regions[index], next = regions[index + 1]
            let begin = current.i1 + current.chg1, end = next.i1
            let far = end - begin > 3 && (begin..<end).contains(where: oursHasWordCharacter)
            if current.mode != 0 || next.mode != 0 || far {
                index += 1
                continue
            }
            regions[index].chg1 = next.i1 + next.chg1 - current.i1
            regions[index].chg2 = next.i2 + next.chg2 - current.i2
            regions.remove(at: index + 1)
        }
    }

    /// xdl_refine_zdiff3_conflicts: lines both sides agree on at a conflict's edges leave the conflict.
    static func trimAgreement(_ regions: inout [Region], ours: [Int32], theirs: [Int32]) {
        for index in regions.indices where regions[index].mode == 0 {
            var region = regions[index]
            while region.chg1 > 0 && region.chg2 > 0 && ours[region.i1] == theirs[region.i2] {
                region.chg1 -= 1
                region.chg2 -= 1
                region.i1 += 1
                region.i2 += 1
            }
            while region.chg1 > 0 && region.chg2 > 0 && ours[region.i1 + region.chg1 - 1] == theirs[region.i2 + region.chg2 - 1] {
                region.chg1 -= 1
                region.chg2 -= 1
            }
            regions[index] = region
        }
    }
}
