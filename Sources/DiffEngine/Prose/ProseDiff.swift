/// A hierarchical prose diff: paragraphs first, then words inside the changed paragraphs only, then a
/// semantic clean-up and move detection, so a redline reads the way a person edited.
///
/// Works on UTF-8 byte ranges with the same interner as line diffs: words and paragraphs are compared as
/// integer ids, and text is materialised only for the final operations.
public struct ProseDiff: Sendable {
    /// A block of at least this many letters and digits deleted in one place and inserted unchanged elsewhere
    /// is reported as a move.
    public static let minimumMoveLetters = 20

    public let operations: [ProseOperation]

    /// - Parameter cleanup: fold tiny equalities into edits for display; position mapping turns it off so that
    ///   text nobody touched is never reported as changed.
    public init(before: String, after: String, options: DiffOptions = DiffOptions(), cleanup: Bool = true) {
        let beforeBytes = Array(before.utf8), afterBytes = Array(after.utf8)
        var raw: [ProseOperation] = []
        beforeBytes.withUnsafeBufferPointer { b in
            afterBytes.withUnsafeBufferPointer { a in
                raw = Engine(before: b, after: a, options: options).run()
            }
        }
        var operations = cleanup ? SemanticCleanup.clean(raw) : raw
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

    /// A word (or paragraph) compared by its bytes; used where tokens are hashed as values.
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
                if word.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                    for byte in word.utf8 { hasher.combine(byte) }
                }
            case .moved(let index):
                hasher.combine(-1 - index)
            }
        }
    }

    /// The byte-level pipeline behind `init`.
    private struct Engine {
        let before: UnsafeBufferPointer<UInt8>
        let after: UnsafeBufferPointer<UInt8>
        let options: DiffOptions

        func text(_ buffer: UnsafeBufferPointer<UInt8>, _ range: TokenRange) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range.start..<range.end]), as: UTF8.self)
        }

        func run() -> [ProseOperation] {
            let beforeParagraphs = ParagraphTokenizer.ranges(before)
            let afterParagraphs = ParagraphTokenizer.ranges(after)
            // Paragraph ids (exact bytes), for alignment and move detection.
            let paragraphTable = Interner.Table(capacity: beforeParagraphs.count + afterParagraphs.count)
            defer { paragraphTable.deallocate() }
            let beforeParagraphIDs = paragraphTable.ids(of: beforeParagraphs, in: before)
            let afterParagraphIDs = paragraphTable.ids(of: afterParagraphs, in: after)
            // Words of every paragraph, interned once for the whole text.
            let beforeWords = beforeParagraphs.map { WordTokenizer.ranges(before, $0.start..<$0.end) }
            let afterWords = afterParagraphs.map { WordTokenizer.ranges(after, $0.start..<$0.end) }
            let wordTable = Interner.Table(capacity: beforeWords.reduce(0) { $0 + $1.count } + afterWords.reduce(0) { $0 + $1.count })
            defer { wordTable.deallocate() }
            let beforeWordIDs = beforeWords.map { wordTable.ids(of: $0, in: before) }
            let afterWordIDs = afterWords.map { wordTable.ids(of: $0, in: after) }

            let paragraphOptions = DiffOptions(algorithm: options.algorithm, minimal: options.minimal, indentHeuristic: false)
            // Similarity counts only tokens with letters or digits, so separators and punctuation weigh nothing.
            func contentIDs(_ ids: [[Int32]], _ ranges: [[TokenRange]], _ buffer: UnsafeBufferPointer<UInt8>) -> [[Int32]] {
                zip(ids, ranges).map { ids, ranges in
                    zip(ids, ranges).compactMap { id, range in WordTokenizer.hasWordCharacter(buffer, range) ? id : nil }
                }
            }
            let steps = ParagraphAligner.align(
                beforeIDs: beforeParagraphIDs, afterIDs: afterParagraphIDs, distinct: paragraphTable.count,
                beforeWords: contentIDs(beforeWordIDs, beforeWords, before), afterWords: contentIDs(afterWordIDs, afterWords, after),
                options: paragraphOptions
            )
            let moves = Self.paragraphMoves(steps, beforeParagraphIDs, afterParagraphIDs) { index in
                MoveDetector.letterCount(text(before, beforeParagraphs[index]))
            }

            var builder = Builder()
            // A changed region: word ids with their ranges; a moved paragraph is one token matching nothing.
            var pendingBefore: [(id: Int32, range: TokenRange, moved: Bool)] = []
            var pendingAfter: [(id: Int32, range: TokenRange, moved: Bool)] = []
            var nextMovedID = Int32(wordTable.count)
            let local = LocalIDs(capacity: wordTable.count)
            func emit(_ kind: EditKind, _ tokens: ArraySlice<(id: Int32, range: TokenRange, moved: Bool)>, _ buffer: UnsafeBufferPointer<UInt8>) {
                var runStart: Int?
                var runEnd = 0
                func flushRun() {
                    if let start = runStart { builder.add(kind, text(buffer, TokenRange(start: start, end: runEnd))) }
                    runStart = nil
                }
                for token in tokens {
                    if token.moved {
                        flushRun()
                        builder.addMove(departing: kind == .delete, text(buffer, token.range))
                    } else {
                        if runStart == nil || runEnd != token.range.start {
                            flushRun()
                            runStart = token.range.start
                        }
                        runEnd = token.range.end
                    }
                }
                flushRun()
            }
            func flushChanges() {
                guard !pendingBefore.isEmpty || !pendingAfter.isEmpty else { return }
                let (beforeIDs, afterIDs, distinct) = local.remap(pendingBefore.map(\.id), pendingAfter.map(\.id))
                let script = Differ.diff(before: beforeIDs, after: afterIDs, distinct: distinct, options: paragraphOptions)
                for edit in script.edits {
                    switch edit.kind {
                    case .equal: emit(.equal, pendingBefore[edit.before], before)
                    case .delete: emit(.delete, pendingBefore[edit.before], before)
                    case .insert, .move: emit(.insert, pendingAfter[edit.after], after)
                    }
                }
                pendingBefore.removeAll(keepingCapacity: true)
                pendingAfter.removeAll(keepingCapacity: true)
            }
            func words(_ ids: [Int32], _ ranges: [TokenRange]) -> [(id: Int32, range: TokenRange, moved: Bool)] {
                zip(ids, ranges).map { ($0, $1, false) }
            }
            for step in steps {
                switch step {
                case .equal(let i, _):
                    flushChanges()
                    builder.add(.equal, text(before, beforeParagraphs[i]))
                case .similar(let i, let j):
                    // An edited paragraph is diffed against its new version on its own.
                    flushChanges()
                    pendingBefore = words(beforeWordIDs[i], beforeWords[i])
                    pendingAfter = words(afterWordIDs[j], afterWords[j])
                    flushChanges()
                case .delete(let index):
                    if moves.departures.contains(index) {
                        pendingBefore.append((nextMovedID, beforeParagraphs[index], true))
                        nextMovedID += 1
                    } else {
                        pendingBefore.append(contentsOf: words(beforeWordIDs[index], beforeWords[index]))
                    }
                case .insert(let index):
                    if moves.arrivals.contains(index) {
                        pendingAfter.append((nextMovedID, afterParagraphs[index], true))
                        nextMovedID += 1
                    } else {
                        pendingAfter.append(contentsOf: words(afterWordIDs[index], afterWords[index]))
                    }
                }
            }
            flushChanges()
            return builder.operations
        }

        /// Deleted and inserted paragraphs with the same bytes (and enough letters to matter) pair up as moves.
        static func paragraphMoves(
            _ steps: [ParagraphAligner.Step], _ before: [Int32], _ after: [Int32], letters: (Int) -> Int
        ) -> (departures: Set<Int>, arrivals: Set<Int>) {
            var inserted: [Int32: [Int]] = [:]
            for case .insert(let index) in steps { inserted[after[index], default: []].append(index) }
            var departures: Set<Int> = [], arrivals: Set<Int> = []
            for case .delete(let index) in steps {
                guard var candidates = inserted[before[index]], !candidates.isEmpty, letters(index) >= ProseDiff.minimumMoveLetters
                else { continue }
                arrivals.insert(candidates.removeFirst())
                inserted[before[index]] = candidates
                departures.insert(index)
            }
            return (departures, arrivals)
        }
    }

    /// Renumbers a region's ids densely (0…k), so per-region work is sized by the region, not the document.
    private final class LocalIDs {
        private var map: [Int32]
        private var touched: [Int32] = []

        init(capacity: Int) { map = Array(repeating: -1, count: capacity) }

        func remap(_ before: [Int32], _ after: [Int32]) -> ([Int32], [Int32], Int) {
            var next: Int32 = 0
            func local(_ id: Int32) -> Int32 {
                if Int(id) >= map.count { map.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - map.count)) }
                if map[Int(id)] < 0 {
                    map[Int(id)] = next
                    touched.append(id)
                    next += 1
                }
                return map[Int(id)]
            }
            let b = before.map(local), a = after.map(local)
            for id in touched { map[Int(id)] = -1 }
            touched.removeAll(keepingCapacity: true)
            return (b, a, Int(next))
        }
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
