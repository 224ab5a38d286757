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
