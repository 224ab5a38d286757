import DiffEngine
import DocumentModel

/// A word-level redline as JSON: per paragraph, the runs of text that are equal, deleted, inserted or moved,
/// with their UTF-8 offsets (`before`, `after`) and, for moves, the number pairing departure and arrival, so
/// a client can render it without diffing again.
struct WordRedline: JSONWritable {
    let paragraphs: [[ProseParagraphs.Piece]]

    init(_ diff: ProseDiff) {
        paragraphs = ProseParagraphs(diff).paragraphs
    }

    func write(to json: inout JSONWriter) {
        json.array(paragraphs) { json, pieces in
            json.object { json in
                json.field("changed", pieces.contains { $0.kind != .equal })
                json.key("operations")
                json.array(pieces) { json, piece in
                    json.object { json in
                        if let after = piece.afterOffset { json.field("after", after) }
                        if let before = piece.beforeOffset { json.field("before", before) }
                        json.field("kind", piece.kind.rawValue)
                        if let move = piece.move { json.field("move", move) }
                        json.field("text", piece.text)
                    }
                }
            }
        }
    }
}

/// A heading before and after; headings are single lines, so both texts are given whole.
struct HeadingChange: JSONWritable {
    var before: String
    var after: String

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("after", after)
            json.field("before", before)
            json.field("changed", before != after)
        }
    }
}

/// What an amendment shows against its base: heading and body redline.
struct TextRedline: JSONWritable {
    var heading: HeadingChange
    var body: WordRedline

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("heading")
            heading.write(to: &json)
            json.key("paragraphs")
            body.write(to: &json)
        }
    }
}
