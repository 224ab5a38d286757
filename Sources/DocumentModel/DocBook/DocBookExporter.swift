
/// What an export writes: a strategy's text as a tree, independent of how it is stored.
public struct DocBookSource: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        /// The stable `xml:id`.
        public var anchor: String
        /// The outline number, written as the section's `label`.
        public var number: String
        public var heading: String
        /// Markdown subset.
        public var body: String
        public var sections: [Section]
        /// `added`, `deleted` or `changed` in a redline export (DocBook's `revisionflag`).
        public var flag: String? = nil
        /// Whether heading and body carry `RedlineMarkup`'s marks, to be written as flagged phrases.
        public var redline: Bool = false
    }

    /// One draft in the `revhistory`: its number, date and title, and each group's current sign-off.
    public struct Revision: Sendable, Equatable {
        public var number: Int
        /// ISO 8601, so the same draft always gives the same bytes.
        public var date: String
        public var title: String
        /// One line per group that decided, e.g. `Government: approve`.
        public var signoffs: [String]
    }

    public var title: String
    /// Markdown subset; becomes the abstract.
    public var summary: String
    public var groups: [StakeholderGroup]
    public var sections: [Section]
    public var revisions: [Revision] = []
}

/// Writes a strategy as a DocBook 5.0 `article`: `info` (title, abstract, the stakeholder groups as
/// organisational authors) and nested `section`s with stable `xml:id`s and their numbers as `label`s.
/// The same source always gives the same bytes.
public enum DocBookExporter {
    static let namespace = "http://docbook.org/ns/docbook"
    static let xlink = "http://www.w3.org/1999/xlink"

    public static func export(_ source: DocBookSource) -> [UInt8] {
        var bodies: [String] = []
        func collect(_ sections: [DocBookSource.Section]) {
            for section in sections {
                bodies.append(section.body)
                collect(section.sections)
            }
        }
        collect(source.sections)
        let parsed = parseAll(bodies)
        var next = 0
        let writer = XMLWriter()
        writer.start("article")
        writer.attribute("xmlns", namespace)
        writer.attribute("xmlns:xlink", xlink)
        writer.attribute("version", "5.0")
        newline(writer, depth: 1)
        writer.start("info")
        newline(writer, depth: 2)
        element(writer, "title", source.title)
        let summary = MarkdownSubset.parse(source.summary)
        if !summary.isEmpty {
            newline(writer, depth: 2)
            writer.start("abstract")
            blocks(writer, summary, depth: 3)
            newline(writer, depth: 2)
            writer.end()
        }
        if !source.groups.isEmpty {
            newline(writer, depth: 2)
            writer.start("authorgroup")
            for group in source.groups {
                newline(writer, depth: 3)
                writer.start("author")
                element(writer, "orgname", group.name)
                writer.end()
            }
            newline(writer, depth: 2)
            writer.end()
        }
        if !source.revisions.isEmpty { revhistory(writer, source.revisions) }
        newline(writer, depth: 1)
        writer.end()
        if source.sections.isEmpty {
            // An article needs some content to be valid DocBook.
            newline(writer, depth: 1)
            writer.start("para")
            writer.end()
        }
        for section in source.sections { self.section(writer, section, depth: 1, parsed: parsed, next: &next) }
        newline(writer, depth: 0)
        writer.end()
        var bytes = writer.finish()
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    /// `parsed` holds every body's blocks in reading order; `next` is this section's index in it.
    static func section(_ writer: XMLWriter, _ section: DocBookSource.Section, depth: Int, parsed: [[MarkdownSubset.Block]], next: inout Int) {
        newline(writer, depth: depth)
        writer.start("section")
        writer.attribute("xml:id", section.anchor)
        writer.attribute("label", section.number)
        if let flag = section.flag { writer.attribute("revisionflag", flag) }
        var cursor: RedlineCursor? = section.redline ? RedlineCursor() : nil
        newline(writer, depth: depth + 1)
        writer.start("title")
        text(writer, section.heading, &cursor)
        writer.end()
        let content = parsed[next]
        next += 1
        if content.isEmpty && section.sections.isEmpty {
            // A section needs a block or a subsection; an empty paragraph stands for an empty body.
            newline(writer, depth: depth + 1)
            writer.start("para")
            writer.end()
        }
        blocks(writer, content, depth: depth + 1, &cursor)
        for child in section.sections { self.section(writer, child, depth: depth + 1, parsed: parsed, next: &next) }
        newline(writer, depth: depth)
        writer.end()
    }

    /// Bodies parsed (and made XML-safe) before writing; a large strategy's bodies are parsed on all cores.
    static func parseAll(_ bodies: [String]) -> [[MarkdownSubset.Block]] {
        bodies.parallelMap(worthIt: bodies.reduce(0) { $0 + $1.utf8.count } > 64 * 1024) { MarkdownSubset.parse($0) }
    }

    static func blocks(_ writer: XMLWriter, _ blocks: [MarkdownSubset.Block], depth: Int) {
        var cursor: RedlineCursor?
        self.blocks(writer, blocks, depth: depth, &cursor)
    }

    static func blocks(_ writer: XMLWriter, _ blocks: [MarkdownSubset.Block], depth: Int, _ cursor: inout RedlineCursor?) {
        for block in blocks {
            newline(writer, depth: depth)
            cursor?.open = nil
            switch block {
            case .paragraph(let content):
                writer.start("para")
                inlines(writer, content, &cursor)
                writer.end()
            case .bulletList(let items), .numberedList(let items):
                if case .bulletList = block { writer.start("itemizedlist") } else { writer.start("orderedlist") }
                for item in items {
                    newline(writer, depth: depth + 1)
                    writer.start("listitem")
                    writer.start("para")
                    cursor?.open = nil
                    inlines(writer, item, &cursor)
                    writer.end()
                    writer.end()
                }
                newline(writer, depth: depth)
                writer.end()
            }
        }
    }

    static func inlines(_ writer: XMLWriter, _ inlines: [MarkdownSubset.Inline], _ cursor: inout RedlineCursor?) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                self.text(writer, text, &cursor)
            case .emphasis(let content):
                writer.start("emphasis")
                self.inlines(writer, content, &cursor)
                writer.end()
            case .strong(let content):
                writer.start("emphasis")
                writer.attribute("role", "strong")
                self.inlines(writer, content, &cursor)
                writer.end()
            case .link(let url, let content):
                writer.start("link")
                writer.attribute("xlink:href", XMLText.safe(RedlineMarkup.strip(url)))
                self.inlines(writer, content, &cursor)
                writer.end()
            }
        }
    }

    /// Where a redline stands while a section's text is written: the mark open at this point, if any.
    struct RedlineCursor {
        var open: RedlineMarkup.Mark?
    }

    /// Text, or in a redline the text with its marks turned into flagged phrases. A mark open across an inline
    /// element flags the text inside it, so phrases only ever wrap text and always nest.
    static func text(_ writer: XMLWriter, _ text: String, _ cursor: inout RedlineCursor?) {
        guard cursor != nil else {
            writer.text(XMLText.safe(text))
            return
        }
        var segment = String.UnicodeScalarView()
        func flush(_ open: RedlineMarkup.Mark?) {
            guard !segment.isEmpty else { return }
            let piece = XMLText.safe(String(segment))
            segment = String.UnicodeScalarView()
            guard let open else { return writer.text(piece) }
            writer.start("phrase")
            writer.attribute("revisionflag", open.flag)
            writer.text(piece)
            writer.end()
        }
        for scalar in text.unicodeScalars {
            if let (mark, opens) = RedlineMarkup.mark(scalar) {
                flush(cursor?.open)
                cursor?.open = opens ? mark : nil
            } else {
                segment.append(scalar)
            }
        }
        flush(cursor?.open)
    }

    /// One `revision` per draft; the sign-offs, when there are any, as a list in its description.
    static func revhistory(_ writer: XMLWriter, _ revisions: [DocBookSource.Revision]) {
        newline(writer, depth: 2)
        writer.start("revhistory")
        for revision in revisions {
            newline(writer, depth: 3)
            writer.start("revision")
            newline(writer, depth: 4)
            element(writer, "revnumber", String(revision.number))
            newline(writer, depth: 4)
            element(writer, "date", revision.date)
            newline(writer, depth: 4)
            writer.start("revdescription")
            newline(writer, depth: 5)
            element(writer, "para", revision.title)
            if !revision.signoffs.isEmpty {
                newline(writer, depth: 5)
                writer.start("itemizedlist")
                for line in revision.signoffs {
                    newline(writer, depth: 6)
                    writer.start("listitem")
                    element(writer, "para", line)
                    writer.end()
                }
                newline(writer, depth: 5)
                writer.end()
            }
            newline(writer, depth: 4)
            writer.end()
            newline(writer, depth: 3)
            writer.end()
        }
        newline(writer, depth: 2)
        writer.end()
    }

    static func element(_ writer: XMLWriter, _ name: String, _ text: String) {
        writer.start(name)
        writer.text(XMLText.safe(text))
        writer.end()
    }

    /// Indentation between elements whose content is elements only (never inside a paragraph).
    static func newline(_ writer: XMLWriter, depth: Int) {
        writer.text(depth < indentation.count ? indentation[depth] : "\n" + String(repeating: "  ", count: depth))
    }

    static let indentation = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }
}

/// Text on its way into XML: characters XML 1.0 cannot carry are dropped (the API refuses them at the door;
/// this keeps anything older or imported from ever producing a document that is not well-formed).
enum XMLText {
    static func safe(_ text: String) -> String {
        if isSafe(text.utf8) { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter(TextRules.isXMLChar))
        return String(out)
    }

    /// The fast check, on UTF-8: the characters XML 1.0 refuses are the C0 controls but tab, line feed and
    /// carriage return, and U+FFFE and U+FFFF (EF BF BE, EF BF BF); a Swift string holds no lone surrogates.
    static func isSafe(_ utf8: String.UTF8View) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return false
                }
                index += 1
            }
            return true
        }
        return utf8.withContiguousStorageIfAvailable(scan) ?? Array(utf8).withUnsafeBufferPointer(scan)
    }
}
