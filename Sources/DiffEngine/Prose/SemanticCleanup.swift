/// Makes word redlines read like human edits, after diff-match-patch's semantic clean-up: an equality that is
/// no longer than the edits on both sides of it (a lone "a", a comma, a space between two replaced words) is
/// folded into them, so "~~The cat~~ **A dog**" is shown instead of "~~The~~ **A** ~~cat~~ **dog**".
/// An equality that ends a sentence is never folded: it is a boundary a reader relies on.
///
/// One pass with a stack of output groups, so it stays linear however many operations a long text has.
enum SemanticCleanup {
    /// A run of operations as the pass sees it: either one equality, or the deleted and inserted text of
    /// consecutive edits.
    private enum Group {
        case equal(String)
        case edit(deleted: String, inserted: String)
        /// A paragraph move: text is never folded into or across it.
        case barrier(ProseOperation)

        var editSize: Int {
            if case .edit(let deleted, let inserted) = self { return max(deleted.utf8.count, inserted.utf8.count) }
            return 0
        }
    }

    static func clean(_ operations: [ProseOperation]) -> [ProseOperation] {
        var groups: [Group] = []
        for operation in operations {
            switch operation.kind {
            case .equal:
                groups.append(.equal(operation.text))
            case .delete, .insert:
                let deleted = operation.kind == .delete ? operation.text : ""
                let inserted = operation.kind == .insert ? operation.text : ""
                if case .edit(let d, let i)? = groups.last {
                    groups[groups.count - 1] = .edit(deleted: d + deleted, inserted: i + inserted)
                } else {
                    groups.append(.edit(deleted: deleted, inserted: inserted))
                }
                foldBackwards(&groups)
            case .move:
                groups.append(.barrier(operation))
            }
        }
        var result: [ProseOperation] = []
        for group in groups {
            switch group {
            case .equal(let text): result.append(ProseOperation(kind: .equal, text: text))
            case .edit(let deleted, let inserted):
                if !deleted.isEmpty { result.append(ProseOperation(kind: .delete, text: deleted)) }
                if !inserted.isEmpty { result.append(ProseOperation(kind: .insert, text: inserted)) }
            case .barrier(let operation):
                result.append(operation)
            }
        }
        return result
    }

    /// With an edit group on top: while the stack ends edit, small equality, edit, fold the three into one.
    private static func foldBackwards(_ groups: inout [Group]) {
        while groups.count >= 3,
            case .edit(let rightDeleted, let rightInserted) = groups[groups.count - 1],
            case .equal(let equal) = groups[groups.count - 2],
            case .edit(let leftDeleted, let leftInserted) = groups[groups.count - 3]
        {
            let size = equal.utf8.count
            guard size <= groups[groups.count - 3].editSize, size <= groups[groups.count - 1].editSize, !endsSentence(equal) else {
                return
            }
            groups.removeLast(3)
            groups.append(.edit(deleted: leftDeleted + equal + rightDeleted, inserted: leftInserted + equal + rightInserted))
        }
    }

    static func endsSentence(_ text: String) -> Bool {
        for byte in text.utf8.reversed() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
            default: return false
            }
        }
        return false
    }
}
