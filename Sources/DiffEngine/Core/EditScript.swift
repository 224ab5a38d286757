/// A sequence of edits that turns `before` into `after`: equal, delete and insert steps in order.
public struct EditScript: Sendable, Equatable {
    public var edits: [Edit]

    public init(edits: [Edit]) { self.edits = edits }

    /// Builds the script from per-token change flags.
    public init(changedBefore: [Bool], changedAfter: [Bool]) {
        var edits: [Edit] = []
        var i = 0, j = 0
        let n = changedBefore.count, m = changedAfter.count
        while i < n || j < m {
            let start1 = i, start2 = j
            while i < n && j < m && !changedBefore[i] && !changedAfter[j] {
                i += 1
                j += 1
            }
            if i > start1 { edits.append(Edit(kind: .equal, before: start1..<i, after: start2..<j)) }
            let deleteStart = i
            while i < n && changedBefore[i] { i += 1 }
            if i > deleteStart { edits.append(Edit(kind: .delete, before: deleteStart..<i, after: j..<j)) }
            let insertStart = j
            while j < m && changedAfter[j] { j += 1 }
            if j > insertStart { edits.append(Edit(kind: .insert, before: i..<i, after: insertStart..<j)) }
            if i == start1 && j == start2 { break }  // unreachable for consistent flags; guards against a loop
        }
        self.edits = edits
    }

    /// Number of deleted plus inserted tokens (moves count as one delete and one insert).
    public var editCount: Int {
        edits.reduce(0) { total, edit in
            switch edit.kind {
            case .equal: total
            case .delete: total + edit.before.count
            case .insert: total + edit.after.count
            case .move: total + edit.before.count + edit.after.count
            }
        }
    }

    /// Rebuilds `after` from `before` and the inserted tokens: `apply(script, before) == after` always.
    public func apply<Token>(to before: [Token], inserting after: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(after.count)
        for edit in edits {
            switch edit.kind {
            case .equal: result.append(contentsOf: before[edit.before])
            case .delete: break
            case .insert, .move: result.append(contentsOf: after[edit.after])
            }
        }
        return result
    }
}
