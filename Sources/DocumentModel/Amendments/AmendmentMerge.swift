import DiffEngine
import Foundation

/// The text of a section at one revision: what an amendment is based on, merged into, or proposes.
struct SectionText: Sendable, Equatable {
    var heading: String
    var body: String
}

/// An amendment merged three ways into the current text: base = the revision its author read, ours = the
/// current text, theirs = the proposal. Word-level within paragraphs, so edits to different words of one
/// paragraph both survive; the passages changed on both sides come back as conflicts.
struct AmendmentMerge: Sendable {
    /// The merged text, nil when a conflict remains.
    var merged: SectionText?
    var conflicts: [MergeConflict]
    /// Where the proposal touches the current text, for collision checks (empty unless asked for).
    var footprint = Footprint(headingChanged: false, ranges: [])

    /// - Parameter withFootprint: also find where the proposal touches the current text (two more diffs); an
    ///   accept does not need it.
    init(
        base: SectionText, current: SectionText, proposed: SectionText, resolution: AmendmentResolution = AmendmentResolution(),
        withFootprint: Bool = true
    ) {
        var conflicts: [MergeConflict] = []
        let heading: String
        if let resolved = resolution.heading {
            heading = resolved
        } else if proposed.heading == base.heading || proposed.heading == current.heading {
            heading = current.heading
        } else if current.heading == base.heading {
            heading = proposed.heading
        } else {
            heading = current.heading
            conflicts.append(
                MergeConflict(
                    field: "heading", base: base.heading, current: current.heading, proposed: proposed.heading,
                    currentStart: 0, currentEnd: current.heading.utf8.count
                ))
        }
        var body = current.body
        if let resolved = resolution.body {
            body = resolved
        } else if base.body == current.body {
            body = proposed.body
        } else if proposed.body != base.body {
            let merge = ProseMerge(base: base.body, ours: current.body, theirs: proposed.body)
            if let text = merge.mergedText {
                body = text
            } else {
                var ranges = merge.conflictRanges.makeIterator()
                for case .conflict(let baseText, let oursText, let theirsText) in merge.segments {
                    let range = ranges.next() ?? 0..<0
                    conflicts.append(
                        MergeConflict(
                            field: "body", base: baseText, current: oursText, proposed: theirsText,
                            currentStart: range.lowerBound, currentEnd: range.upperBound
                        ))
                }
            }
        }
        self.conflicts = conflicts
        merged = conflicts.isEmpty ? SectionText(heading: heading, body: body) : nil
        guard withFootprint else { return }
        footprint = Footprint(
            headingChanged: proposed.heading != base.heading,
            ranges: ChangeFootprint.carry(
                ChangeFootprint.changedRanges(base: base.body, edited: proposed.body), from: base.body, to: current.body
            )
        )
    }
}

/// The passages of the current text an open amendment changes, stored with it as varints.
struct Footprint: Equatable, Sendable {
    var headingChanged: Bool
    var ranges: [Range<Int>]

    /// The passage where two footprints meet: the heading (as an empty range marked `heading`) or a body range.
    func overlap(with other: Footprint) -> (heading: Bool, range: Range<Int>)? {
        if headingChanged && other.headingChanged { return (true, 0..<0) }
        return ChangeFootprint.overlap(ranges, other.ranges).map { (false, $0) }
    }

    var encoded: Data {
        var data = Data()
        Varint.append(headingChanged ? 1 : 0, to: &data)
        for range in ranges {
            Varint.append(UInt64(range.lowerBound), to: &data)
            Varint.append(UInt64(range.count), to: &data)
        }
        return data
    }

    init(headingChanged: Bool, ranges: [Range<Int>]) {
        self.headingChanged = headingChanged
        self.ranges = ranges
    }

    init(decoding data: Data) {
        let values = Varint.decode(data).map { Int($0) }
        headingChanged = values.first == 1
        var ranges: [Range<Int>] = []
        var index = 1
        while index + 1 < values.count {
            ranges.append(values[index]..<values[index] + values[index + 1])
            index += 2
        }
        self.ranges = ranges
    }
}
