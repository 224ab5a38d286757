/// How conflicts are shown.
public enum MergeStyle: String, Sendable, CaseIterable {
    /// `<<<<<<<` ours `=======` theirs `>>>>>>>`, conflicts refined to the lines that really differ.
    case merge
    /// As `merge`, plus the base between `|||||||` and `=======`; conflicts not refined (as `diff3 -m`).
    case diff3
    /// As `diff3`, with lines both sides agree on moved out of the conflict.
    case zdiff3
}
