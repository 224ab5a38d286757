/// A hunk: a run of changes with up to `context` equal lines around it, in half-open line ranges.
public struct Hunk: Sendable, Equatable {
    public var before: Range<Int>
    public var after: Range<Int>
    /// The script's edits restricted to this hunk.
    public var edits: [Edit]
}
