/// The result of a three-way merge over tokens: the regions in order of `ours`; everything outside them is
/// taken from `ours` (where it equals the base).
public struct MergeResult: Sendable, Equatable {
    public var regions: [MergeRegion]
    /// When one side made no change at all, the result is simply the other side.
    public enum Shortcut: Sendable, Equatable { case none, takeOurs, takeTheirs }
    public var shortcut: Shortcut
    public var conflictCount: Int { regions.filter { $0.resolution == .conflict }.count }
}
