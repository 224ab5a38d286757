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
        /// In a translation: the heading's language and each block's (`para`'s), where it is not the document's.
        public var headingLanguage: String? = nil
        public var languages: [String?] = []

        /// The size of this section's body and its subsections', to share the writing out.
        var bodyBytes: Int { sections.reduce(body.utf8.count) { $0 + $1.bodyBytes } }
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
    /// The document's language (`xml:lang` on the root).
    public var language: String = "en"
}

/// Writes a strategy as a DocBook 5.0 `article`: `info` (title, abstract, the stakeholder groups as
/// organisational authors) and nested `section`s with stable `xml:id`s and their numbers as `label`s.
/// The same source always gives the same bytes.
public enum DocBookExporter {
    static let namespace = "http://docbook.org/ns/docbook"
    static let xlink = "http://www.w3.org/1999/xlink"

    public static func export(_ source: DocBookSource) -> [UInt8] {
        export(source, parallelAbove: 64 * 1024)
    }

    /// `parallelAbove`: the body bytes from which the sections are written on all cores, each run of top-level
    /// sections by its own fragment writer, the fragments then put in their place by the document's writer.
    static func export(_ source: DocBookSource, parallelAbove threshold: Int) -> [UInt8] {
        let runs = source.sections.balancedRuns(threshold: threshold) { $0.bodyBytes }
        let fragments = runs.parallelMap(worthIt: runs.count > 1) { run in
            let writer = XMLWriter(fragment: true)
            for section in source.sections[run] { self.section(writer, section, depth: 1) }
            return writer.finish()
        }
        let writer = XMLWriter()
        writer.start("article")
        writer.attribute("xmlns", namespace)
        writer.attribute("xmlns:xlink", xlink)
        writer.attribute("version", "5.0")
        writer.attribute("xml:lang", source.language)
        newline(writer, depth: 1)
        writer.start("info")
        newline(writer, depth: 2)
        element(writer, "title", source.title)
        if !MarkdownSubset.parse(source.summary).isEmpty {
            newline(writer, depth: 2)
            writer.start("abstract")
            var summary = ContentWriter(writer: writer, depth: 3)
            summary.write(source.summary)
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
        for fragment in fragments { writer.raw(fragment) }
        newline(writer, depth: 0)
        writer.end()
        var bytes = writer.finish()
        if bytes.last != 0x0A { bytes.append(0x0A) }
        return bytes
    }

    static func section(_ writer: XMLWriter, _ section: DocBookSource.Section, depth: Int) {
        newline(writer, depth: depth)
        writer.start("section")
        writer.attribute("xml:id", section.anchor)
        writer.attribute("label", section.number)
        if let flag = section.flag { writer.attribute("revisionflag", flag) }
        var cursor: RedlineCursor? = section.redline ? RedlineCursor() : nil
        newline(writer, depth: depth + 1)
        writer.start("title")
        if let language = section.headingLanguage { writer.attribute("xml:lang", language) }
        text(writer, section.heading, &cursor)
        writer.end()
        var content = ContentWriter(writer: writer, depth: depth + 1, cursor: cursor, languages: section.languages)
        content.write(section.body)
        if content.blocks == 0 && section.sections.isEmpty {
            // A section needs a block or a subsection; an empty paragraph stands for an empty body.
            newline(writer, depth: depth + 1)
            writer.start("para")
            writer.end()
        }
        for child in section.sections { self.section(writer, child, depth: depth + 1) }
        newline(writer, depth: depth)
        writer.end()
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
        utf8.withContiguousStorageIfAvailable(isSafe) ?? Array(utf8).withUnsafeBufferPointer(isSafe)
    }

    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
}
