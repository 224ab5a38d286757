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

    /// The changed paragraphs alone, each change with a few unchanged words around it and the rest left out
    /// (`… go online <del>early</del><ins>very early</ins>. Schools …`): what a list shows of a proposal, so that
    /// rival proposals can be compared side by side without opening them.
    func compact(_ diff: ProseDiff, context words: Int = 6) -> String {
        var out = ""
        for paragraph in ProseParagraphs(diff).paragraphs where paragraph.contains(where: { $0.kind != .equal }) {
            out += "<p>"
            var trimmed = paragraph
            for index in trimmed.indices where trimmed[index].kind == .equal {
                let head = index == trimmed.startIndex ? 0 : words
                let tail = index == trimmed.endIndex - 1 ? 0 : words
                trimmed[index].text = Self.shortened(trimmed[index].text, keepingFirst: head, last: tail)
            }
            append(trimmed, to: &out)
            out += "</p>\n"
        }
        return out
    }

    /// `text` with only its first and last few words, an ellipsis between (or at the end that is cut).
    static func shortened(_ text: String, keepingFirst head: Int, last tail: Int) -> String {
        var runs: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let word = rest.prefix { !$0.isWhitespace }
            let space = rest.dropFirst(word.count).prefix { $0.isWhitespace }
            runs.append(rest.prefix(word.count + space.count))
            rest = rest.dropFirst(word.count + space.count)
        }
        guard runs.count > head + tail + 1 else { return text }
        let first = runs.prefix(head).joined()
        let last = runs.suffix(tail).joined()
        return (head > 0 ? first : "") + "… " + (tail > 0 ? last : "").drop { $0.isWhitespace }
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
