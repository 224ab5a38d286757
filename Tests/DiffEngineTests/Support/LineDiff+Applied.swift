import DiffEngine

extension LineDiff {
    /// `after`, rebuilt from `before` and the script alone: the round trip every test checks.
    func applied() -> [UInt8] {
        var result: [UInt8] = []
        for edit in script.edits {
            switch edit.kind {
            case .equal: for i in edit.before { result.append(contentsOf: beforeLine(i)) }
            case .insert, .move: for j in edit.after { result.append(contentsOf: afterLine(j)) }
            case .delete: break
            }
        }
        return result
    }
}
