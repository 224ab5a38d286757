/// A line diff of two texts given as UTF-8 bytes (byte-exact lines).
public struct LineDiff: Sendable {
    public let before: [UInt8]
    public let after: [UInt8]
    public let beforeLines: [TokenRange]
    public let afterLines: [TokenRange]
    public let script: EditScript

    public init(before: [UInt8], after: [UInt8], options: DiffOptions = DiffOptions()) {
        self.before = before
        self.after = after
        var beforeLines: [TokenRange] = []
        var afterLines: [TokenRange] = []
        var script = EditScript(edits: [])
        before.withUnsafeBufferPointer { a in
            after.withUnsafeBufferPointer { b in
                beforeLines = LineTokenizer.tokenize(a)
                afterLines = LineTokenizer.tokenize(b)
                let interned = Interner.intern(before: a, beforeLines, after: b, afterLines)
                let indents = options.indentHeuristic && !options.minimal
                script = Differ.diff(
                    before: interned.before, after: interned.after, distinct: interned.distinct, options: options,
                    beforeIndents: indents ? { Compaction.indent(of: a, beforeLines[$0]) } : nil,
                    afterIndents: indents ? { Compaction.indent(of: b, afterLines[$0]) } : nil
                )
            }
        }
        self.beforeLines = beforeLines
        self.afterLines = afterLines
        self.script = script
    }

    public init(before: String, after: String, options: DiffOptions = DiffOptions()) {
        self.init(before: Array(before.utf8), after: Array(after.utf8), options: options)
    }

    public var isIdentical: Bool { script.edits.allSatisfy { $0.kind == .equal } }

    /// The bytes of line `index` of `before` or `after`.
    public func beforeLine(_ index: Int) -> ArraySlice<UInt8> { before[beforeLines[index].start..<beforeLines[index].end] }
    public func afterLine(_ index: Int) -> ArraySlice<UInt8> { after[afterLines[index].start..<afterLines[index].end] }
}
