/// Makes word redlines read like human edits, after diff-match-patch's semantic clean-up: an equality that is
/// no longer than the edits on both sides of it (a lone "a", a comma, a space between two replaced words) is
/// folded into them, so "~~The cat~~ **A dog**" is shown instead of "~~The~~ **A** ~~cat~~ **dog**".
enum SemanticCleanup {
    static func clean(_ operations: [ProseOperation]) -> [ProseOperation] {
        var ops = operations
        var changed = true
        while changed {
            changed = false
            var index = 1
            while index < ops.count - 1 {
                guard ops[index].kind == .equal else { index += 1; continue }
                let (leftDeleted, leftInserted, leftStart) = editsEnding(ops, before: index)
                let (rightDeleted, rightInserted, rightEnd) = editsStarting(ops, after: index)
                let equalLength = ops[index].text.count
                let leftSize = max(leftDeleted.count, leftInserted.count)
                let rightSize = max(rightDeleted.count, rightInserted.count)
                if leftSize > 0 && rightSize > 0 && equalLength <= leftSize && equalLength <= rightSize && !endsSentence(ops[index].text) {
                    let equal = ops[index].text
                    let merged = [
                        ProseOperation(kind: .delete, text: leftDeleted + equal + rightDeleted),
                        ProseOperation(kind: .insert, text: leftInserted + equal + rightInserted),
                    ]
                    ops.replaceSubrange(leftStart..<rightEnd, with: merged)
                    changed = true
                    index = leftStart + 1
                    continue
                }
                index += 1
            }
        }
        return ops
    }

    /// An equality that closes a sentence is a boundary a reader relies on: never fold it.
    static func endsSentence(_ text: String) -> Bool {
        let trimmed = text.trimmingSuffix { $0.isWhitespace }
        return trimmed.last.map { ".!?".contains($0) } ?? false
    }

    private static func editsEnding(_ ops: [ProseOperation], before index: Int) -> (String, String, Int) {
        var deleted = "", inserted = "", start = index
        while start > 0, ops[start - 1].kind == .delete || ops[start - 1].kind == .insert {
            start -= 1
            if ops[start].kind == .delete { deleted = ops[start].text + deleted } else { inserted = ops[start].text + inserted }
        }
        return (deleted, inserted, start)
    }

    private static func editsStarting(_ ops: [ProseOperation], after index: Int) -> (String, String, Int) {
        var deleted = "", inserted = "", end = index + 1
        while end < ops.count, ops[end].kind == .delete || ops[end].kind == .insert {
            if ops[end].kind == .delete { deleted += ops[end].text } else { inserted += ops[end].text }
            end += 1
        }
        return (deleted, inserted, end)
    }
}

extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
