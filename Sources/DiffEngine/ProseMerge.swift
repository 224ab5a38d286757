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
        let baseWords = WordTokenizer.tokenize(base[...])
        let oursWords = WordTokenizer.tokenize(ours[...])
        let theirsWords = WordTokenizer.tokenize(theirs[...])
        var ids: [ProseDiff.WordToken: Int32] = [:]
        func intern(_ words: [Substring]) -> [Int32] {
            words.map { word in
                let key = ProseDiff.WordToken.word(word)
                if let id = ids[key] { return id }
                let id = Int32(ids.count)
                ids[key] = id
                return id
            }
        }
        let baseIDs = intern(baseWords), oursIDs = intern(oursWords), theirsIDs = intern(theirsWords)
        // zdiff3 semantics: conflicts keep their exact base passage, with words both sides agree on moved out.
        let result = ThreeWayMerge.merge(
            base: baseIDs, ours: oursIDs, theirs: theirsIDs, distinct: ids.count,
            options: MergeOptions(style: .zdiff3, favor: favor, algorithm: algorithm),
            oursHasWordCharacter: { WordTokenizer.hasWordCharacter(oursWords[$0]) }
        )
        var builder = SegmentBuilder()
        var oursOffsets = [0]
        oursOffsets.reserveCapacity(oursWords.count + 1)
        for word in oursWords { oursOffsets.append(oursOffsets[oursOffsets.count - 1] + word.utf8.count) }
        var conflictRanges: [Range<Int>] = []
        switch result.shortcut {
        case .takeOurs: builder.add(ours)
        case .takeTheirs: builder.add(theirs)
        case .none:
            var next = 0
            for region in result.regions where region.resolution != .identical {
                builder.add(oursWords[next..<region.ours.lowerBound].joined())
                switch region.resolution {
                case .ours: builder.add(oursWords[region.ours].joined())
                case .theirs: builder.add(theirsWords[region.theirs].joined())
                case .both: builder.add(oursWords[region.ours].joined() + theirsWords[region.theirs].joined())
                case .conflict:
                    conflictRanges.append(oursOffsets[region.ours.lowerBound]..<oursOffsets[region.ours.upperBound])
                    builder.segments.append(.conflict(
                        base: baseWords[region.base].joined(), ours: oursWords[region.ours].joined(),
                        theirs: theirsWords[region.theirs].joined()
                    ))
                case .identical: break
                }
                next = region.ours.upperBound
            }
            builder.add(oursWords[next...].joined())
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
