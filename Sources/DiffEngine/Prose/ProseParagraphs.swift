/// A prose redline cut into paragraphs, so a client can render it paragraph by paragraph.
///
/// Equal, deleted and inserted runs are cut after each paragraph separator (a line-break run holding two or
/// more line feeds, as `ParagraphTokenizer` defines it); moves stay whole. The paragraphs' operations,
/// concatenated, are exactly the diff's, with offsets adjusted to each piece.
public struct ProseParagraphs: Sendable {
    public struct Piece: Sendable, Equatable {
        public var kind: EditKind
        public var text: String
        public var beforeOffset: Int?
        public var afterOffset: Int?
        /// For moves: a number shared by the departure and the arrival of the same text (1, 2, …).
        public var move: Int?
    }

    public let paragraphs: [[Piece]]

    public init(_ diff: ProseDiff) {
        var moveIDs: [Int: Int] = [:]
        for (index, operation) in diff.operations.enumerated() where operation.kind == .move && operation.beforeOffset != nil {
            let id = moveIDs.count / 2 + 1
            moveIDs[index] = id
            if let partner = operation.partner { moveIDs[partner] = id }
        }
        var paragraphs: [[Piece]] = []
        var current: [Piece] = []
        for (index, operation) in diff.operations.enumerated() {
            if operation.kind == .move {
                current.append(
                    Piece(
                        kind: .move, text: operation.text, beforeOffset: operation.beforeOffset,
                        afterOffset: operation.afterOffset, move: moveIDs[index]
                    ))
                if Self.endsWithSeparator(Array(operation.text.utf8)) {
                    paragraphs.append(current)
                    current = []
                }
                continue
            }
            let bytes = Array(operation.text.utf8)
            var start = 0
            while start < bytes.count {
                let cut = Self.nextCut(in: bytes, from: start)
                let text = String(decoding: bytes[start..<cut], as: UTF8.self)
                current.append(
                    Piece(
                        kind: operation.kind, text: text, beforeOffset: operation.beforeOffset.map { $0 + start },
                        afterOffset: operation.afterOffset.map { $0 + start }, move: nil
                    ))
                if cut < bytes.count || Self.endsWithSeparator(bytes) {
                    paragraphs.append(current)
                    current = []
                }
                start = cut
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        self.paragraphs = paragraphs
    }

    /// The offset just after the next paragraph separator at or after `start`, or the end.
    static func nextCut(in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            guard bytes[index] == 0x0A || bytes[index] == 0x0D else {
                index += 1
                continue
            }
            var end = index, newlines = 0
            while end < bytes.count, bytes[end] == 0x0A || bytes[end] == 0x0D {
                if bytes[end] == 0x0A { newlines += 1 }
                end += 1
            }
            if newlines >= 2 { return end }
            index = end
        }
        return bytes.count
    }

    static func endsWithSeparator(_ bytes: [UInt8]) -> Bool {
        var index = bytes.count, newlines = 0
        while index > 0, bytes[index - 1] == 0x0A || bytes[index - 1] == 0x0D {
            if bytes[index - 1] == 0x0A { newlines += 1 }
            index -= 1
        }
        return newlines >= 2
    }
}
