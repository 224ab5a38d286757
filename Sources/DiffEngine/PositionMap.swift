/// What became of a range of `before` in `after`.
public enum MappedRange: Sendable, Equatable {
    /// The same text, at this range of `after` (equal to the original range if nothing before it changed).
    case unchanged(Range<Int>)
    /// The same text, carried with a block that moved elsewhere.
    case moved(Range<Int>)
    /// Part of the text was edited; the range spans what survived.
    case changed(Range<Int>)
    /// Nothing of it survived.
    case deleted
}

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
