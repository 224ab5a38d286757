/// One region of a merge where something changed: token ranges of base, ours and theirs, and what it became.
public struct MergeRegion: Sendable, Equatable {
    public enum Resolution: Sendable, Equatable {
        /// Only ours changed here (or both made the same change): take ours.
        case ours
        /// Only theirs changed here: take theirs.
        case theirs
        /// Both changed it differently.
        case conflict
        /// A conflict resolved by taking ours, then theirs (`union`).
        case both
        /// Both sides made the same change (found when refining a conflict): take ours.
        case identical
    }

    public var base: Range<Int>
    public var ours: Range<Int>
    public var theirs: Range<Int>
    public var resolution: Resolution
}
