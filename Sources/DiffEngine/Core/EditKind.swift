/// What happened to a run of tokens.
public enum EditKind: String, Sendable, Codable {
    case equal
    case delete
    case insert
    /// Deleted at `before` and inserted unchanged at `after` (prose diffs only).
    case move
}
