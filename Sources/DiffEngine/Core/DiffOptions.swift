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
