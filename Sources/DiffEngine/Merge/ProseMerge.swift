/// A three-way merge of prose, word by word: the same engine as `git merge-file`, over word tokens, so two
/// amendments that change different words of one paragraph merge cleanly.
public struct ProseMerge: Sendable {
    /// A run of the merged text, or a conflict with the three versions of the passage.
    public enum Segment: Sendable, Equatable {
        case text(String)
        case conflict(base: String, ours: String, theirs: String)
    }

    public let segments: [Segment]
    /// For each conflict segment, in order: the UTF-8 range of `ours` that it stands in place of.
    public let conflictRanges: [Range<Int>]

    /// - Parameter favor: resolve conflicts automatically (ours, theirs or both) instead of reporting them.
    public init(base: String, ours: String, theirs: String, favor: MergeFavor? = nil, algorithm: DiffAlgorithm = .histogram) {
        let baseBytes = Array(base.utf8), oursBytes = Array(ours.utf8), theirsBytes = Array(theirs.utf8)
        var builder = SegmentBuilder()
        var conflictRanges: [Range<Int>] = []
        baseBytes.withUnsafeBufferPointer { b in
            oursBytes.withUnsafeBufferPointer { o in
                theirsBytes.withUnsafeBufferPointer { t in
                    // Words as byte ranges interned into one id space: no String or hashing per word.
                    let baseWords = WordTokenizer.ranges(b, 0..<b.count)
                    let oursWords = WordTokenizer.ranges(o, 0..<o.count)
                    let theirsWords = WordTokenizer.ranges(t, 0..<t.count)
                    let table = Interner.Table(capacity: baseWords.count + oursWords.count + theirsWords.count)
                    defer { table.deallocate() }
                    let baseIDs = table.ids(of: baseWords, in: b)
                    let oursIDs = table.ids(of: oursWords, in: o)
                    let theirsIDs = table.ids(of: theirsWords, in: t)
                    // zdiff3 semantics: conflicts keep their exact base passage, with words both sides agree on moved out.
                    let result = ThreeWayMerge.merge(
                        base: baseIDs, ours: oursIDs, theirs: theirsIDs, distinct: table.count,
                        options: MergeOptions(style: .zdiff3, favor: favor, algorithm: algorithm),
                        oursHasWordCharacter: { WordTokenizer.hasWordCharacter(o, oursWords[$0]) }
                    )
                    // Tokens cover their text without gaps, so a run of tokens is one byte range.
                    func offset(_ words: [TokenRange], _ index: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
                        index < words.count ? words[index].start : buffer.count
                    }
                    func text(_ words: [TokenRange], _ range: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> String {
                        let start = offset(words, range.lowerBound, buffer), end = offset(words, range.upperBound, buffer)
                        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
                    }
                    switch result.shortcut {
                    case .takeOurs: builder.add(ours)
                    case .takeTheirs: builder.add(theirs)
                    case .none:
                        var next = 0
                        for region in result.regions where region.resolution != .identical {
                            builder.add(text(oursWords, next..<region.ours.lowerBound, o))
                            switch region.resolution {
                            case .ours: builder.add(text(oursWords, region.ours, o))
                            case .theirs: builder.add(text(theirsWords, region.theirs, t))
                            case .both: builder.add(text(oursWords, region.ours, o) + text(theirsWords, region.theirs, t))
                            case .conflict:
                                conflictRanges.append(offset(oursWords, region.ours.lowerBound, o)..<offset(oursWords, region.ours.upperBound, o))
                                builder.segments.append(
                                    .conflict(
                                        base: text(baseWords, region.base, b), ours: text(oursWords, region.ours, o),
                                        theirs: text(theirsWords, region.theirs, t)
                                    ))
                            case .identical: break
                            }
                            next = region.ours.upperBound
                        }
                        builder.add(text(oursWords, next..<oursWords.count, o))
                    }
                }
            }
        }
        segments = builder.segments
        self.conflictRanges = conflictRanges
    }

    public var conflictCount: Int {
        segments.reduce(0) { count, segment in
            if case .conflict = segment { return count + 1 }
            return count
        }
    }

    /// The merged text, if the merge had no conflict.
    public var mergedText: String? {
        guard conflictCount == 0 else { return nil }
        return segments.map { segment in
            if case .text(let text) = segment { return text }
            return ""
        }.joined()
    }

    private struct SegmentBuilder {
        var segments: [Segment] = []

        mutating func add(_ text: String) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = segments.last {
                segments[segments.count - 1] = .text(previous + text)
            } else {
                segments.append(.text(text))
            }
        }
    }
}
