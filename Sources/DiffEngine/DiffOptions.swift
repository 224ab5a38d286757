/// Which algorithm finds the changes.
public enum DiffAlgorithm: String, Sendable, CaseIterable {
    /// Myers with git's cost limits; exactly minimal with `minimal`.
    case myers
    /// Histogram (the default): anchors on rare tokens, falls back to Myers.
    case histogram
}

public struct DiffOptions: Sendable {
    public var algorithm: DiffAlgorithm
    /// Exactly minimal: Myers without heuristics (the algorithm choice is then ignored), like `diff --minimal`.
    public var minimal: Bool
    /// Slide change groups with git's indent heuristic (line diffs).
    public var indentHeuristic: Bool

    public init(algorithm: DiffAlgorithm = .histogram, minimal: Bool = false, indentHeuristic: Bool = true) {
        self.algorithm = algorithm
        self.minimal = minimal
        self.indentHeuristic = indentHeuristic
    }
}
