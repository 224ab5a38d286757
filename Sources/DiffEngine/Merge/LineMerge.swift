/// A three-way merge of texts line by line: tokenise, intern, merge, and keep what the formatter needs.
public struct LineMerge: Sendable {
    public let base: [UInt8]
    public let ours: [UInt8]
    public let theirs: [UInt8]
    public let baseLines: [TokenRange]
    public let oursLines: [TokenRange]
    public let theirsLines: [TokenRange]
    public let result: MergeResult
    public let options: MergeOptions

    public init(base: [UInt8], ours: [UInt8], theirs: [UInt8], options: MergeOptions = MergeOptions()) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        self.options = options
        var baseLines: [TokenRange] = [], oursLines: [TokenRange] = [], theirsLines: [TokenRange] = []
        var result = MergeResult(regions: [], shortcut: .none)
        base.withUnsafeBufferPointer { b in
            ours.withUnsafeBufferPointer { o in
                theirs.withUnsafeBufferPointer { t in
                    baseLines = LineTokenizer.tokenize(b)
                    oursLines = LineTokenizer.tokenize(o)
                    theirsLines = LineTokenizer.tokenize(t)
                    let table = Interner.Table(capacity: baseLines.count + oursLines.count + theirsLines.count)
                    defer { table.deallocate() }
                    let baseIDs = table.ids(of: baseLines, in: b)
                    let oursIDs = table.ids(of: oursLines, in: o)
                    let theirsIDs = table.ids(of: theirsLines, in: t)
                    let lines = oursLines
                    result = ThreeWayMerge.merge(
                        base: baseIDs, ours: oursIDs, theirs: theirsIDs, distinct: table.count, options: options,
                        oursHasWordCharacter: { index in
                            let line = lines[index]
                            return (line.start..<line.end).contains { i in
                                let byte = o[i]
                                return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                            }
                        }
                    )
                }
            }
        }
        self.baseLines = baseLines
        self.oursLines = oursLines
        self.theirsLines = theirsLines
        self.result = result
    }

    public init(base: String, ours: String, theirs: String, options: MergeOptions = MergeOptions()) {
        self.init(base: Array(base.utf8), ours: Array(ours.utf8), theirs: Array(theirs.utf8), options: options)
    }

    public var conflictCount: Int { result.conflictCount }

    /// The merged text with conflict markers in the chosen style.
    public func text() -> [UInt8] { MergeFormatter.format(self) }
}
