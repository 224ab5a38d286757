/// Which algorithm finds the changes.
public enum DiffAlgorithm: String, Sendable, CaseIterable {
    /// Myers with git's cost limits; exactly minimal with `minimal`.
    case myers
    /// Histogram (the default): anchors on rare tokens, falls back to Myers.
    case histogram
}
