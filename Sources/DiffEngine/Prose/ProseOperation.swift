/// One step of a prose redline: a run of text that is equal, deleted, inserted or moved.
public struct ProseOperation: Sendable, Equatable {
    public var kind: EditKind
    public var text: String
    /// UTF-8 offsets of the text in `before` (equal, delete, move) and `after` (equal, insert, move).
    public var beforeOffset: Int?
    public var afterOffset: Int?
    /// For moves: the operation's index where the same text sits on the other side.
    public var partner: Int?
}
