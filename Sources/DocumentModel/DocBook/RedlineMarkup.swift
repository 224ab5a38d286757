import DiffEngine

/// A redline of two Markdown-subset texts as one text that the Markdown parser reads as usual, with the words
/// that were added or deleted between private-use marks the DocBook writer turns into
/// `<phrase revisionflag="added|deleted">`.
///
/// Marking the source rather than the parsed blocks keeps emphasis, links and lists: the marks are plain
/// characters to the parser, and the writer carries an open mark across inline elements. Marks never span a
/// line break, and a list marker at the start of a line stays outside them, so a changed list is still a list.
enum RedlineMarkup {
    static let addedStart: Unicode.Scalar = "\u{E000}"
    static let addedEnd: Unicode.Scalar = "\u{E001}"
    static let deletedStart: Unicode.Scalar = "\u{E002}"
    static let deletedEnd: Unicode.Scalar = "\u{E003}"

    enum Mark: Sendable {
        case added, deleted

        var flag: String { self == .added ? "added" : "deleted" }
    }

    /// What a mark scalar does, or nil for ordinary text.
    static func mark(_ scalar: Unicode.Scalar) -> (mark: Mark, opens: Bool)? {
        switch scalar {
        case addedStart: (.added, true)
        case addedEnd: (.added, false)
        case deletedStart: (.deleted, true)
        case deletedEnd: (.deleted, false)
        default: nil
        }
    }

    /// `before` and `after` merged word by word, changes marked; moved text counts as deleted where it was and
    /// added where it went.
    static func combine(before: String, after: String) -> String {
        var out = ""
        var atLineStart = true
        for operation in ProseDiff(before: strip(before), after: strip(after)).operations {
            let mark: Mark?
            switch operation.kind {
            case .equal: mark = nil
            case .insert: mark = .added
            case .delete: mark = .deleted
            case .move: mark = operation.afterOffset == nil ? .deleted : operation.beforeOffset == nil ? .added : nil
            }
            guard let mark else {
                out += operation.text
                if let last = operation.text.last { atLineStart = last == "\n" }
                continue
            }
            let (open, close) = mark == .added ? (addedStart, addedEnd) : (deletedStart, deletedEnd)
            let lines = operation.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                var content = line
                if atLineStart, let marker = listMarker(content) {
                    out += content[..<marker]
                    content = content[marker...]
                }
                if !content.isEmpty {
                    out.unicodeScalars.append(open)
                    out += content
                    out.unicodeScalars.append(close)
                    atLineStart = false
                }
                if index < lines.count - 1 {
                    out += "\n"
                    atLineStart = true
                }
            }
        }
        return out
    }

    /// Text with any mark scalars removed, so that a body that happens to hold them cannot forge a redline.
    static func strip(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { mark($0) != nil }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { mark($0) == nil })
        return String(scalars)
    }

    /// The end of a bullet (`- `, `* `) or number (`12. `) marker at the start of `line`.
    private static func listMarker(_ line: Substring) -> Substring.Index? {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        guard index != scalars.endIndex else { return nil }
        if scalars[index] == "-" || scalars[index] == "*" {
            index = scalars.index(after: index)
        } else {
            var digits = 0
            while index != scalars.endIndex, ("0"..."9").contains(scalars[index]) {
                index = scalars.index(after: index)
                digits += 1
            }
            guard digits > 0, index != scalars.endIndex, scalars[index] == "." else { return nil }
            index = scalars.index(after: index)
        }
        guard index != scalars.endIndex, scalars[index] == " " else { return nil }
        return scalars.index(after: index)
    }
}
