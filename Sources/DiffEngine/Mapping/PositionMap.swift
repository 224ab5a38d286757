/// Maps UTF-8 offsets and ranges of `before` to `after` through a word-level prose diff.
public struct PositionMap: Sendable {
    private let operations: [ProseOperation]

    public init(before: String, after: String) {
        operations = ProseDiff(before: before, after: after, cleanup: false).operations
    }

    /// Where a single offset of `before` lands in `after`, or nil if the text around it was deleted.
    public func map(offset: Int) -> Int? {
        for operation in operations {
            guard let start = operation.beforeOffset else { continue }
            let end = start + operation.text.utf8.count
            guard offset >= start && offset < end || (offset == end && operation.kind == .equal) else { continue }
            switch operation.kind {
            case .equal: return operation.afterOffset! + (offset - start)
            case .move: return operations[operation.partner!].afterOffset! + (offset - start)
            default: return nil
            }
        }
        return offset == 0 ? 0 : nil
    }

    /// Maps a half-open range; an empty range maps like an offset.
    public func map(_ range: Range<Int>) -> MappedRange {
        if range.isEmpty {
            return map(offset: range.lowerBound).map { .unchanged($0..<$0) } ?? .deleted
        }
        var pieces: [(kind: EditKind, after: Range<Int>?)] = []
        for operation in operations {
            guard let start = operation.beforeOffset else { continue }
            let end = start + operation.text.utf8.count
            let lower = max(start, range.lowerBound), upper = min(end, range.upperBound)
            guard lower < upper else { continue }
            switch operation.kind {
            case .equal:
                let base = operation.afterOffset! - start
                pieces.append((.equal, (lower + base)..<(upper + base)))
            case .move:
                let base = operations[operation.partner!].afterOffset! - start
                pieces.append((.move, (lower + base)..<(upper + base)))
            default:
                pieces.append((.delete, nil))
            }
        }
        let surviving = pieces.compactMap(\.after)
        guard let first = surviving.first, let last = surviving.last else { return .deleted }
        let span = first.lowerBound..<max(first.lowerBound, last.upperBound)
        let intact = pieces.allSatisfy { $0.after != nil } && zip(surviving, surviving.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }
        guard intact else { return .changed(span) }
        if pieces.allSatisfy({ $0.kind == .equal }) { return .unchanged(span) }
        if pieces.allSatisfy({ $0.kind == .move }) { return .moved(span) }
        return .changed(span)
    }
}

extension PositionMap {
    /// Carries a range of `before` onto `after` without ever losing it: what survives keeps its exact place,
    /// and an end that falls in deleted text lands where the deletion happened. A fully deleted range becomes
    /// an empty range at that point, so it can still be compared with other ranges of `after`.
    public func carry(_ range: Range<Int>) -> Range<Int> {
        let lower = afterPosition(of: range.lowerBound, asEnd: false)
        let upper = range.isEmpty ? lower : afterPosition(of: range.upperBound, asEnd: true)
        return lower..<max(lower, upper)
    }

    /// The offset of `after` for offset `offset` of `before`; `asEnd` reads it as the end of a range, so it
    /// belongs to the operation before it.
    private func afterPosition(of offset: Int, asEnd: Bool) -> Int {
        var cursor = 0
        for operation in operations {
            let length = operation.text.utf8.count
            if let start = operation.beforeOffset {
                let end = start + length
                let inside = asEnd ? (offset > start && offset <= end) : (offset >= start && offset < end)
                if inside {
                    switch operation.kind {
                    case .equal: return operation.afterOffset! + (offset - start)
                    case .move: return operations[operation.partner!].afterOffset! + (offset - start)
                    default: return cursor
                    }
                }
            }
            if let after = operation.afterOffset { cursor = after + length }
        }
        return cursor
    }
}
