public enum HunkBuilder {
    /// Groups the script's changes into hunks; two changes share a hunk when at most `2 × context` equal lines
    /// separate them, as GNU diff and git do.
    public static func hunks(_ script: EditScript, context: Int) -> [Hunk] {
        let edits = script.edits
        var hunks: [Hunk] = []
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .equal else {
                index += 1
                continue
            }
            var hunkEdits: [Edit] = []
            if index > 0 {
                let equal = edits[index - 1]
                let keep = min(context, equal.before.count)
                hunkEdits.append(
                    Edit(
                        kind: .equal, before: (equal.before.upperBound - keep)..<equal.before.upperBound,
                        after: (equal.after.upperBound - keep)..<equal.after.upperBound))
            }
            var last = index
            while last < edits.count {
                let edit = edits[last]
                if edit.kind != .equal {
                    hunkEdits.append(edit)
                    last += 1
                    continue
                }
                let isTrailing = last == edits.count - 1
                if !isTrailing && edit.before.count <= 2 * context {
                    hunkEdits.append(edit)
                    last += 1
                    continue
                }
                let keep = min(context, edit.before.count)
                hunkEdits.append(
                    Edit(
                        kind: .equal, before: edit.before.lowerBound..<(edit.before.lowerBound + keep),
                        after: edit.after.lowerBound..<(edit.after.lowerBound + keep)))
                break
            }
            hunkEdits.removeAll { $0.kind == .equal && $0.before.isEmpty }
            let before = hunkEdits.first!.before.lowerBound..<hunkEdits.last!.before.upperBound
            let after = hunkEdits.first!.after.lowerBound..<hunkEdits.last!.after.upperBound
            hunks.append(Hunk(before: before, after: after, edits: hunkEdits))
            index = last + 1
        }
        return hunks
    }
}
