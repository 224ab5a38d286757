/// The redline as an HTML fragment: one `<p>` per paragraph, `<del>` and `<ins>` around changes, moves as
/// `<del class="moved">` / `<ins class="moved">` with a shared `data-move`. All text is escaped.
public enum ProseHTMLFormatter {
    public static func format(_ diff: ProseDiff) -> String {
        var out = "<div class=\"redline\">\n"
        for paragraph in ProseParagraphs(diff).paragraphs {
            out += "<p>"
            appendPieces(of: paragraph, to: &out)
            out += "</p>\n"
        }
        return out + "</div>\n"
    }

    /// One inline fragment (a heading, a title): the marked-up runs with no paragraph or wrapper around them,
    /// for the caller to place inside its own element.
    public static func formatInline(_ diff: ProseDiff) -> String {
        var out = ""
        for paragraph in ProseParagraphs(diff).paragraphs { appendPieces(of: paragraph, to: &out) }
        return out
    }

    private static func appendPieces(of paragraph: [ProseParagraphs.Piece], to out: inout String) {
        for (index, piece) in paragraph.enumerated() {
            var text = piece.text
            // The separator that ends an unchanged paragraph is the </p> itself.
            if index == paragraph.count - 1 && piece.kind == .equal {
                while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
            }
            let escaped = escape(text)
            switch piece.kind {
            case .equal: out += escaped
            case .delete: out += "<del>" + escaped + "</del>"
            case .insert: out += "<ins>" + escaped + "</ins>"
            case .move:
                let tag = piece.beforeOffset != nil ? "del" : "ins"
                out += "<\(tag) class=\"moved\" data-move=\"\(piece.move ?? 0)\">" + escaped + "</\(tag)>"
            }
        }
    }

    /// Escapes markup characters and turns line breaks into `<br>`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br>"
            case "\r": break
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
