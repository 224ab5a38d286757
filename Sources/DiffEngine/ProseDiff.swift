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

/// A hierarchical prose diff: paragraphs first, then words inside the changed paragraphs only, then a
/// semantic clean-up and move detection, so a redline reads the way a person edited.
public struct ProseDiff: Sendable {
    /// A block of at least this many letters and digits deleted in one place and inserted unchanged elsewhere
    /// is reported as a move.
    public static let minimumMoveLetters = 20

    public let operations: [ProseOperation]

    /// - Parameter cleanup: fold tiny equalities into edits for display; position mapping turns it off so that
    ///   text nobody touched is never reported as changed.
    public init(before: String, after: String, options: DiffOptions = DiffOptions(), cleanup: Bool = true) {
        let beforeParagraphs = ParagraphTokenizer.tokenize(before[...])
        let afterParagraphs = ParagraphTokenizer.tokenize(after[...])
        let paragraphOptions = DiffOptions(algorithm: options.algorithm, minimal: options.minimal, indentHeuristic: false)
        let steps = ParagraphAligner.align(beforeParagraphs, afterParagraphs, options: paragraphOptions)
        var builder = Builder()
        // A changed region: its paragraphs' words, with each moved paragraph as one token that matches nothing,
        // so the region's word diff keeps both sides in order and the move lands where it belongs.
        var pendingBefore: [WordToken] = []
        var pendingAfter: [WordToken] = []
        var movedTexts: [String] = []
        let wordOptions = DiffOptions(algorithm: options.algorithm, minimal: options.minimal, indentHeuristic: false)
        func emit(_ kind: EditKind, _ tokens: ArraySlice<WordToken>) {
            var text = ""
            for token in tokens {
                switch token {
                case .word(let word): text += word
                case .moved(let index):
                    builder.add(kind, text)
                    text = ""
                    builder.addMove(departing: kind == .delete, movedTexts[index])
                }
            }
            builder.add(kind, text)
        }
        func flushChanges() {
            guard !pendingBefore.isEmpty || !pendingAfter.isEmpty else { return }
            let script = Differ.diff(pendingBefore, pendingAfter, options: wordOptions)
            for edit in script.edits {
                switch edit.kind {
                case .equal: emit(.equal, pendingBefore[edit.before])
                case .delete: emit(.delete, pendingBefore[edit.before])
                case .insert, .move: emit(.insert, pendingAfter[edit.after])
                }
            }
            pendingBefore.removeAll()
            pendingAfter.removeAll()
        }
        // Whole paragraphs that left one place and arrived unchanged elsewhere are moves, not word edits.
        let moves = Self.paragraphMoves(steps, beforeParagraphs, afterParagraphs)
        for step in steps {
            switch step {
            case .equal(let i, _):
                flushChanges()
                builder.add(.equal, String(beforeParagraphs[i]))
            case .similar(let i, let j):
                // An edited paragraph is diffed against its new version on its own.
                flushChanges()
                pendingBefore = WordTokenizer.tokenize(beforeParagraphs[i]).map(WordToken.word)
                pendingAfter = WordTokenizer.tokenize(afterParagraphs[j]).map(WordToken.word)
                flushChanges()
            case .delete(let index):
                if moves.departures.contains(index) {
                    movedTexts.append(String(beforeParagraphs[index]))
                    pendingBefore.append(.moved(movedTexts.count - 1))
                } else {
                    pendingBefore.append(contentsOf: WordTokenizer.tokenize(beforeParagraphs[index]).map(WordToken.word))
                }
            case .insert(let index):
                if moves.arrivals.contains(index) {
                    movedTexts.append(String(afterParagraphs[index]))
                    pendingAfter.append(.moved(movedTexts.count - 1))
                } else {
                    pendingAfter.append(contentsOf: WordTokenizer.tokenize(afterParagraphs[index]).map(WordToken.word))
                }
            }
        }
        flushChanges()
        var operations = cleanup ? SemanticCleanup.clean(builder.operations) : builder.operations
        MoveDetector.mark(&operations, minimumLetters: Self.minimumMoveLetters)
        MoveDetector.pair(&operations)
        Self.assignOffsets(&operations)
        self.operations = operations
    }

    public var isIdentical: Bool { operations.allSatisfy { $0.kind == .equal } }

    /// The text on the `before` side (equal, deleted and moved-away runs) — always exactly `before`.
    public var beforeText: String {
        operations.filter { $0.kind == .equal || $0.kind == .delete || ($0.kind == .move && $0.beforeOffset != nil) }.map(\.text).joined()
    }

    /// The text on the `after` side — always exactly `after`.
    public var afterText: String {
        operations.filter { $0.kind == .equal || $0.kind == .insert || ($0.kind == .move && $0.afterOffset != nil) }.map(\.text).joined()
    }

    /// Moves come in pairs: the run where text left (`beforeOffset` set) and where it arrived (`afterOffset` set).
    static func assignOffsets(_ operations: inout [ProseOperation]) {
        var beforeOffset = 0, afterOffset = 0
        for index in operations.indices {
            let length = operations[index].text.utf8.count
            switch operations[index].kind {
            case .equal:
                operations[index].beforeOffset = beforeOffset
                operations[index].afterOffset = afterOffset
                beforeOffset += length
                afterOffset += length
            case .delete:
                operations[index].beforeOffset = beforeOffset
                beforeOffset += length
            case .insert:
                operations[index].afterOffset = afterOffset
                afterOffset += length
            case .move:
                if operations[index].beforeOffset != nil {
                    operations[index].beforeOffset = beforeOffset
                    beforeOffset += length
                } else {
                    operations[index].afterOffset = afterOffset
                    afterOffset += length
                }
            }
        }
    }

    /// A word, or a moved paragraph standing in a region's token stream (distinct, so it never matches).
    /// Words hash and compare by their UTF-8 bytes: `Substring`'s own hashing normalises Unicode every time,
    /// which is right for text comparison in general but costly here, and a diff must be byte-exact anyway.
    enum WordToken: Hashable {
        case word(Substring)
        case moved(Int)

        static func == (lhs: WordToken, rhs: WordToken) -> Bool {
            switch (lhs, rhs) {
            case (.word(let a), .word(let b)): a.utf8.elementsEqual(b.utf8)
            case (.moved(let a), .moved(let b)): a == b
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .word(let word):
                if let done: Void = word.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
                    _ = done
                } else {
                    for byte in word.utf8 { hasher.combine(byte) }
                }
            case .moved(let index):
                hasher.combine(-1 - index)
            }
        }
    }

    /// Deleted and inserted paragraphs with the same text (and enough letters to matter) pair up as moves.
    static func paragraphMoves(
        _ steps: [ParagraphAligner.Step], _ before: [Substring], _ after: [Substring]
    ) -> (departures: Set<Int>, arrivals: Set<Int>) {
        var inserted: [Substring: [Int]] = [:]
        for case .insert(let index) in steps { inserted[after[index], default: []].append(index) }
        var departures: Set<Int> = [], arrivals: Set<Int> = []
        for case .delete(let index) in steps {
            let text = before[index]
            guard MoveDetector.letterCount(String(text)) >= minimumMoveLetters, var candidates = inserted[text], !candidates.isEmpty
            else { continue }
            arrivals.insert(candidates.removeFirst())
            inserted[text] = candidates
            departures.insert(index)
        }
        return (departures, arrivals)
    }

    /// Collects operations, merging neighbours of the same kind and dropping empty ones.
    struct Builder {
        var operations: [ProseOperation] = []

        mutating func addMove(departing: Bool, _ text: String) {
            var operation = ProseOperation(kind: .move, text: text)
            if departing { operation.beforeOffset = 0 } else { operation.afterOffset = 0 }
            operations.append(operation)
        }

        mutating func add(_ kind: EditKind, _ text: String) {
            guard !text.isEmpty else { return }
            if let last = operations.last, last.kind == kind, kind != .move {
                operations[operations.count - 1].text += text
            } else {
                operations.append(ProseOperation(kind: kind, text: text))
            }
        }
    }
}
