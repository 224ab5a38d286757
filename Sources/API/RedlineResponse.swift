import DiffEngine
import DocumentModel

/// A word-level redline as JSON: per paragraph, the runs of text that are equal, deleted, inserted or moved,
/// with their UTF-8 offsets, so a client can render it without diffing again.
struct WordRedline: Encodable, Sendable {
    struct Operation: Encodable, Sendable {
        var kind: String
        var text: String
        /// Offsets into the earlier and the later text.
        var before: Int?
        var after: Int?
        /// Pairs a move's departure with its arrival.
        var move: Int?
    }

    struct Paragraph: Encodable, Sendable {
        var changed: Bool
        var operations: [Operation]
    }

    var paragraphs: [Paragraph]

    init(_ diff: ProseDiff) {
        paragraphs = ProseParagraphs(diff).paragraphs.map { pieces in
            Paragraph(
                changed: pieces.contains { $0.kind != .equal },
                operations: pieces.map {
                    Operation(kind: $0.kind.rawValue, text: $0.text, before: $0.beforeOffset, after: $0.afterOffset, move: $0.move)
                }
            )
        }
    }
}

/// A heading before and after; headings are single lines, so both texts are given whole.
struct HeadingChange: Encodable, Sendable {
    var before: String
    var after: String
    var changed: Bool

    init(before: String, after: String) {
        self.before = before
        self.after = after
        changed = before != after
    }
}

/// What an amendment, a draft comparison or a section redline shows for one text: heading and body redline.
struct TextRedline: Encodable, Sendable {
    var heading: HeadingChange
    var paragraphs: [WordRedline.Paragraph]

    init(beforeHeading: String, afterHeading: String, diff: ProseDiff) {
        heading = HeadingChange(before: beforeHeading, after: afterHeading)
        paragraphs = WordRedline(diff).paragraphs
    }
}
