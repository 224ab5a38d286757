/// The diff pipeline on interned tokens: pre-pass → algorithm → compaction → edit script.
public enum Differ {
    /// Diffs two id sequences (`distinct` = number of distinct ids). `beforeIndents`/`afterIndents` (a token's
    /// indentation, -1 when blank) enable the indent heuristic when given (see `Compaction`).
    public static func diff(
        before: [Int32], after: [Int32], distinct: Int, options: DiffOptions = DiffOptions(),
        beforeIndents: ((Int) -> Int)? = nil, afterIndents: ((Int) -> Int)? = nil
    ) -> EditScript {
        var changedBefore = [Bool](repeating: false, count: before.count)
        var changedAfter = [Bool](repeating: false, count: after.count)
        if options.minimal || options.algorithm == .myers {
            let reduced = Preprocessor.reduce(
                before: before, after: after, distinct: distinct, minimal: options.minimal,
                changedBefore: &changedBefore, changedAfter: &changedAfter
            )
            Myers.run(
                before: reduced.before, after: reduced.after, beforeIndex: reduced.beforeIndex, afterIndex: reduced.afterIndex,
                minimal: options.minimal, changedBefore: &changedBefore, changedAfter: &changedAfter
            )
        } else {
            Histogram.run(before: before, after: after, distinct: distinct, changedBefore: &changedBefore, changedAfter: &changedAfter)
        }
        var beforeMarks = Compaction.Marks(changedBefore)
        var afterMarks = Compaction.Marks(changedAfter)
        let useIndents = options.indentHeuristic
        let beforeMeasure = useIndents ? beforeIndents.map { Compaction.Indents(count: before.count, indent: $0) } : nil
        let afterMeasure = useIndents ? afterIndents.map { Compaction.Indents(count: after.count, indent: $0) } : nil
        Compaction.compact(before, &beforeMarks, indents: beforeMeasure, other: after, &afterMarks)
        Compaction.compact(after, &afterMarks, indents: afterMeasure, other: before, &beforeMarks)
        return EditScript(changedBefore: beforeMarks.changed, changedAfter: afterMarks.changed)
    }

    /// Diffs any two sequences of hashable tokens (interned first).
    public static func diff<Token: Hashable>(_ before: [Token], _ after: [Token], options: DiffOptions = DiffOptions()) -> EditScript {
        var ids: [Token: Int32] = [:]
        func intern(_ token: Token) -> Int32 {
            if let id = ids[token] { return id }
            let id = Int32(ids.count)
            ids[token] = id
            return id
        }
        let beforeIDs = before.map(intern)
        let afterIDs = after.map(intern)
        return diff(before: beforeIDs, after: afterIDs, distinct: ids.count, options: options)
    }
}
