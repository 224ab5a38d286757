/// One step of an edit script over half-open token ranges of both sides.
public struct Edit: Sendable, Hashable {
    public var kind: EditKind
    public var before: Range<Int>
    public var after: Range<Int>

    public init(kind: EditKind, before: Range<Int>, after: Range<Int>) {
        self.kind = kind
        self.before = before
        self.after = after
    }
}
