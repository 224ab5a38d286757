import DiffEngine

/// Where a commented passage stood on one revision: the cache a comment keeps so that a read only maps it
/// across the revisions since, never from the revision it was written on.
struct TrackedPassage: Sendable, Equatable {
    var revision: Int
    var status: AnchorStatus
    /// Nil once the passage is orphaned.
    var range: Range<Int>?
}

/// Captures the passage a comment quotes and follows it onto later revisions with the diff engine's position map.
enum PassageAnchor {
    /// Bytes of context kept on each side of a quote (cut back to whole characters).
    static let contextLength = 60

    /// The quote and its context for `range` of `body`; refuses offsets outside the body, inside a UTF-8
    /// character, or an empty passage.
    static func capture(_ range: Range<Int>, in body: String) throws -> (quote: String, before: String, after: String) {
        let bytes = Array(body.utf8)
        var errors = FieldErrors()
        if range.lowerBound < 0 || range.upperBound > bytes.count {
            errors.add("anchor", "must lie within the body (0 to \(bytes.count) UTF-8 bytes)")
        } else if range.isEmpty {
            errors.add("anchor", "must quote at least one character (end > start)")
        } else {
            for (name, offset) in [("anchor.start", range.lowerBound), ("anchor.end", range.upperBound)]
            where !isBoundary(offset, in: bytes) {
                errors.add(name, "splits a UTF-8 character")
            }
        }
        try errors.throwIfAny()
        var lower = max(0, range.lowerBound - contextLength)
        while !isBoundary(lower, in: bytes) { lower += 1 }
        var upper = min(bytes.count, range.upperBound + contextLength)
        while !isBoundary(upper, in: bytes) { upper -= 1 }
        return (
            text(bytes, range), text(bytes, lower..<range.lowerBound), text(bytes, range.upperBound..<upper)
        )
    }

    /// The passage on `revision`, given where it stood on an earlier revision and the map between the two bodies.
    static func follow(
        _ tracked: TrackedPassage, to revision: Int, through map: PositionMap, body: [UInt8], quote: String,
        original: Range<Int>
    ) -> TrackedPassage {
        guard let range = tracked.range, tracked.status != .orphaned else {
            return TrackedPassage(revision: revision, status: .orphaned, range: nil)
        }
        switch map.map(range) {
        case .deleted:
            return TrackedPassage(revision: revision, status: .orphaned, range: nil)
        case .unchanged(let mapped), .moved(let mapped), .changed(let mapped):
            return TrackedPassage(revision: revision, status: classify(mapped, in: body, quote: quote, original: original), range: mapped)
        }
    }

    /// Anchored or shifted when the quoted text is still there, changed otherwise.
    static func classify(_ range: Range<Int>, in body: [UInt8], quote: String, original: Range<Int>) -> AnchorStatus {
        guard range.upperBound <= body.count, body[range].elementsEqual(quote.utf8) else { return .changed }
        return range == original ? .anchored : .shifted
    }

    static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80)
    }
}
