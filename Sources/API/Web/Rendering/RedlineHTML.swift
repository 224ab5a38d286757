import DiffEngine

/// A word-level redline as HTML: `<ins>` and `<del>` (underlined and struck through by the stylesheet), each with
/// words a screen reader speaks ("inserted", "deleted", "moved"), which are visually hidden: colour is never the
/// only signal. All text is escaped.
struct RedlineHTML {
    let inserted: String
    let deleted: String
    let movedHere: String
    let movedAway: String
    let end: String

    init(_ messages: Messages) {
        inserted = messages["redlineInserted"]
        deleted = messages["redlineDeleted"]
        movedHere = messages["redlineMovedHere"]
        movedAway = messages["redlineMovedAway"]
        end = messages["redlineEnd"]
    }

    /// One `<p>` per paragraph.
    func paragraphs(_ diff: ProseDiff) -> String {
        var out = ""
        for paragraph in ProseParagraphs(diff).paragraphs {
            out += "<p>"
            append(paragraph, to: &out)
            out += "</p>\n"
        }
        return out
    }

    /// One line (a heading): the marked-up runs without a paragraph around them.
    func inline(_ diff: ProseDiff) -> String {
        var out = ""
        for paragraph in ProseParagraphs(diff).paragraphs { append(paragraph, to: &out) }
        return out
    }

    private func append(_ paragraph: [ProseParagraphs.Piece], to out: inout String) {
        for (index, piece) in paragraph.enumerated() {
            var text = Substring(piece.text)
            // The line break that ends a paragraph is the paragraph's end itself.
            if index == paragraph.count - 1 { while text.last == "\n" || text.last == "\r" { text = text.dropLast() } }
            guard !text.isEmpty else { continue }
            switch piece.kind {
            case .equal: HTMLText.escape(text, into: &out, lineBreaks: true)
            case .insert: wrap("ins", label: inserted, text, into: &out)
            case .delete: wrap("del", label: deleted, text, into: &out)
            case .move:
                let away = piece.beforeOffset != nil
                wrap(away ? "del" : "ins", label: away ? movedAway : movedHere, text, into: &out, moved: piece.move ?? 0)
            }
        }
    }

    private func wrap(_ tag: String, label: String, _ text: Substring, into out: inout String, moved: Int? = nil) {
        out += "<\(tag)"
        if let moved { out += " class=\"moved\" data-move=\"\(moved)\"" }
        out += "><span class=\"visually-hidden\">"
        HTMLText.escape(label, into: &out)
        out += " </span>"
        HTMLText.escape(text, into: &out, lineBreaks: true)
        out += "<span class=\"visually-hidden\"> "
        HTMLText.escape(end, into: &out)
        out += "</span></\(tag)>"
    }
}
