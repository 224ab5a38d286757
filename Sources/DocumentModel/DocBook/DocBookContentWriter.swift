extension DocBookExporter {
    /// Writes Markdown-subset text as DocBook blocks straight from the parser's events: paragraphs → `para`,
    /// lists → `itemizedlist`/`orderedlist` of `listitem`/`para`, emphasis → `emphasis` (strong:
    /// `role="strong"`), links → `link xlink:href`. Building block values only to walk them again cost as much
    /// as writing the XML.
    ///
    /// Text is written one run at a time, a run being what lies between two inline elements (the parser may
    /// give it in several pieces), so that a redline's phrases come out the same however the run was cut.
    struct ContentWriter: MarkdownSink {
        private let writer: XMLWriter
        /// The depth of the blocks, for their indentation.
        private let depth: Int
        private var cursor: RedlineCursor?
        /// How many blocks were written.
        private(set) var blocks = 0
        private var kind = MarkdownSubset.BlockKind.paragraph
        /// A paragraph's `para`, or a list's current item, has been started and not ended.
        private var isOpen = false
        private var run: [UInt8] = []
        private var scratch: [UInt8] = []
        /// Each paragraph's and list item's language where it differs from the document's, in order (a
        /// translation's untranslated units); `unit` counts them as they come.
        private let languages: [String?]
        private var unit = -1

        init(writer: XMLWriter, depth: Int, cursor: RedlineCursor? = nil, languages: [String?] = []) {
            self.writer = writer
            self.depth = depth
            self.cursor = cursor
            self.languages = languages
        }

        private func language() {
            guard unit >= 0, unit < languages.count, let tag = languages[unit] else { return }
            writer.attribute("xml:lang", tag)
        }

        mutating func write(_ text: String) {
            var text = text
            text.withUTF8 { MarkdownParser.parse($0, into: &self) }
        }

        mutating func startBlock(_ kind: MarkdownSubset.BlockKind) {
            self.kind = kind
            if kind == .paragraph { unit += 1 }
            isOpen = false
            cursor?.open = nil
            // A paragraph is started with its first content: one without any is left out, as `parse` leaves it.
            guard kind != .paragraph else { return }
            newline(writer, depth: depth)
            writer.start(kind == .bulletList ? "itemizedlist" : "orderedlist")
        }

        mutating func endBlock() {
            if kind == .paragraph {
                flush()
                guard isOpen else { return }
                writer.end()
            } else {
                endItem()
                newline(writer, depth: depth)
                writer.end()
            }
            blocks += 1
        }

        mutating func startItem() {
            endItem()
            newline(writer, depth: depth + 1)
            writer.start("listitem")
            writer.start("para")
            unit += 1
            language()
            cursor?.open = nil
            isOpen = true
        }

        private mutating func endItem() {
            guard isOpen else { return }
            flush()
            writer.end()
            writer.end()
            isOpen = false
        }

        mutating func text(_ piece: UnsafeBufferPointer<UInt8>, at offset: Int) { run.append(contentsOf: piece) }
        mutating func lineBreak() { run.append(0x0A) }

        mutating func startSpan(_ span: MarkdownParser.Span) {
            flush()
            openParagraph()
            switch span {
            case .emphasis:
                writer.start("emphasis")
            case .strong:
                writer.start("emphasis")
                writer.attribute("role", "strong")
            case .link(let url):
                writer.start("link")
                writer.attribute("xlink:href", XMLText.safe(RedlineMarkup.strip(String(decoding: url, as: UTF8.self))))
            }
        }

        mutating func endSpan(_ span: MarkdownParser.Span) {
            flush()
            writer.end()
        }

        private mutating func openParagraph() {
            guard kind == .paragraph && !isOpen else { return }
            newline(writer, depth: depth)
            writer.start("para")
            language()
            isOpen = true
        }

        private mutating func flush() {
            guard !run.isEmpty else { return }
            openParagraph()
            DocBookExporter.text(writer, run, &cursor, scratch: &scratch)
            run.removeAll(keepingCapacity: true)
        }
    }

    /// Where a redline stands while a section's text is written: the mark open at this point, if any.
    struct RedlineCursor {
        var open: RedlineMarkup.Mark?
    }

    /// Text made XML-safe, or in a redline the text with its marks turned into flagged phrases. A mark open
    /// across an inline element flags the text inside it, so phrases only ever wrap text and always nest.
    static func text(_ writer: XMLWriter, _ text: String, _ cursor: inout RedlineCursor?) {
        var scratch: [UInt8] = []
        self.text(writer, Array(text.utf8), &cursor, scratch: &scratch)
    }

    static func text(_ writer: XMLWriter, _ bytes: [UInt8], _ cursor: inout RedlineCursor?, scratch: inout [UInt8]) {
        guard cursor != nil else { return plain(writer, bytes[...], scratch: &scratch) }
        // The marks are U+E000 to U+E003: EE 80 80 to EE 80 83 in UTF-8.
        var segment = 0, index = 0
        while index < bytes.count {
            guard bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFC == 0x80 else {
                index += 1
                continue
            }
            flagged(writer, bytes[segment..<index], cursor?.open, scratch: &scratch)
            let (mark, opens) = RedlineMarkup.mark(Unicode.Scalar(0xE000 + UInt32(bytes[index + 2] & 0x03))!)!
            cursor?.open = opens ? mark : nil
            index += 3
            segment = index
        }
        flagged(writer, bytes[segment...], cursor?.open, scratch: &scratch)
    }

    private static func flagged(_ writer: XMLWriter, _ bytes: ArraySlice<UInt8>, _ open: RedlineMarkup.Mark?, scratch: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        guard let open else { return plain(writer, bytes, scratch: &scratch) }
        writer.start("phrase")
        writer.attribute("revisionflag", open.flag)
        plain(writer, bytes, scratch: &scratch)
        writer.end()
    }

    /// Writes the bytes, without the characters XML cannot carry, through a NUL-terminated copy.
    private static func plain(_ writer: XMLWriter, _ bytes: ArraySlice<UInt8>, scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        let safe = bytes.withUnsafeBufferPointer(XMLText.isSafe)
        if safe { scratch.append(contentsOf: bytes) } else { scratch.append(contentsOf: XMLText.safe(String(decoding: bytes, as: UTF8.self)).utf8) }
        scratch.append(0)
        scratch.withUnsafeBufferPointer { writer.text(nulTerminated: UnsafeBufferPointer(rebasing: $0.dropLast())) }
    }
}
