extension DocBookImporter {
    /// Writes a section's content elements as Markdown-subset text, straight from libxml2's nodes: paragraphs,
    /// lists, emphasis and links map to the subset; anything else is reported by path and kept as its plain
    /// text. What it writes is what `MarkdownSubset.render` writes for those blocks, and `canonicalText` makes
    /// it canonical, so that markup characters and white space mean what they will mean when parsed.
    ///
    /// Making it canonical re-parses the text (a seventh of an import's work), so the writer notes whether it
    /// wrote anything parsing could read otherwise: white space other than single spaces inside a line, a
    /// block, item or span starting or ending with a space, an empty block or span, spans inside spans or
    /// next to a star, an empty url, or an element outside the mapping. Text without any of these is already
    /// canonical (a test checks it on random documents), and is taken as it is.
    struct BodyWriter {
        var unmapped: [String] = []
        /// The Markdown as written, before it is made canonical.
        private(set) var out: [UInt8] = []
        private var blocks = 0
        /// Nothing written yet could read otherwise once parsed.
        private(set) var isCanonical = true
        private var spanDepth = 0

        var canonicalText: String {
            if isCanonical { return String(decoding: out, as: UTF8.self) }
            return String(decoding: out.withUnsafeBufferPointer(MarkdownSubset.canonical), as: UTF8.self)
        }

        /// What was written from `start` is a block, item or span's content as parsing keeps it: not empty, and
        /// neither starting nor ending with white space (which parsing trims).
        private mutating func checkEdges(from start: Int) {
            if out.count == start || out[start] == 0x20 || out[out.count - 1] == 0x20 { isCanonical = false }
        }

        /// One content element: a paragraph, a list, or anything else as a paragraph of its plain text.
        mutating func block(_ element: XMLElementRef, _ location: Location) {
            switch element.name {
            case "para", "simpara":
                // A paragraph without any content is left out, as `parse` would leave it.
                let separator = startBlock()
                let start = out.count
                if inlines(element, location) == 0 {
                    out.removeSubrange(separator...)
                    blocks -= 1
                } else {
                    checkEdges(from: start)
                    MarkdownSubset.escapeLineStart(&out, from: start)
                }
            case "itemizedlist", "orderedlist":
                _ = startBlock()
                let bullet = element.name == "itemizedlist"
                var items = 0
                for (item, itemLocation) in children(element, within: location) {
                    guard item.name == "listitem" else {
                        unmapped.append(itemLocation.path)
                        isCanonical = false
                        continue
                    }
                    if items > 0 { out.append(0x0A) }
                    items += 1
                    if bullet { out.append(contentsOf: [UInt8(ascii: "-"), 0x20]) } else { out.append(contentsOf: "\(items). ".utf8) }
                    let start = out.count
                    defer { checkEdges(from: start) }
                    // The item's paragraphs join with a space; anything else in it is kept as plain text.
                    var written = 0
                    for (paragraph, paragraphLocation) in children(item, within: itemLocation) {
                        guard paragraph.name == "para" || paragraph.name == "simpara" else {
                            unmapped.append(paragraphLocation.path)
                            isCanonical = false
                            plainText(of: paragraph)
                            written += 1
                            continue
                        }
                        if written > 0 {
                            out.append(0x20)
                            written += 1
                        }
                        written += inlines(paragraph, paragraphLocation)
                    }
                }
                if items == 0 { isCanonical = false }
            default:
                unmapped.append(location.path)
                isCanonical = false
                let text = element.text
                if !text.allSatisfy(\.isWhitespace) {
                    _ = startBlock()
                    let start = out.count
                    MarkdownSubset.escape(text, into: &out)
                    MarkdownSubset.escapeLineStart(&out, from: start)
                }
            }
        }

        /// Writes the blank line before every block but the first; returns where it starts.
        private mutating func startBlock() -> Int {
            let separator = out.count
            if blocks > 0 { out.append(contentsOf: [0x0A, 0x0A]) }
            blocks += 1
            return separator
        }

        /// Writes an element's inline content; returns how many inlines (text runs and elements) it had.
        private mutating func inlines(_ element: XMLElementRef, _ location: Location) -> Int {
            var count = 0
            var ordinals = DocBookImporter.Ordinals()
            for child in element.children {
                count += 1
                let inner: XMLElementRef
                switch child {
                case .text(let text):
                    if text.withBytes({ MarkdownSubset.escape($0, into: &out) }) { isCanonical = false }
                    continue
                case .element(let element): inner = element
                }
                let innerLocation = Location(within: location, element: inner, ordinal: ordinals.next(inner))
                guard inner.isIn(namespace: namespace) else {
                    unmapped.append(innerLocation.path)
                    isCanonical = false
                    plainText(of: inner)
                    continue
                }
                switch inner.name {
                case "emphasis":
                    let role = inner.attribute("role")
                    let stars = role == "strong" || role == "bold" ? 2 : 1
                    if spanDepth > 0 || out.last == UInt8(ascii: "*") { isCanonical = false }
                    out.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: stars))
                    let start = out.count
                    spanDepth += 1
                    _ = inlines(inner, innerLocation)
                    spanDepth -= 1
                    checkEdges(from: start)
                    out.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: stars))
                case "link"
                where inner.attribute("href", namespace: DocBookExporter.xlink).map({ LinkRules.isAllowed(DocBookImporter.url($0)) }) == false:
                    // A javascript:, data:, file: or relative link is not taken: refused by path, or (lenient) its text.
                    unmapped.append(innerLocation.path + " (links must start with https:, http: or mailto:)")
                    isCanonical = false
                    plainText(of: inner)
                case "link" where inner.attribute("href", namespace: DocBookExporter.xlink) != nil:
                    let url = DocBookImporter.url(inner.attribute("href", namespace: DocBookExporter.xlink)!)
                    if spanDepth > 0 || url.isEmpty { isCanonical = false }
                    out.append(UInt8(ascii: "["))
                    let start = out.count
                    spanDepth += 1
                    _ = inlines(inner, innerLocation)
                    spanDepth -= 1
                    if out.count == start { isCanonical = false }
                    out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "(")])
                    out.append(contentsOf: url.utf8)
                    out.append(UInt8(ascii: ")"))
                default:
                    unmapped.append(innerLocation.path)
                    isCanonical = false
                    plainText(of: inner)
                }
            }
            return count
        }

        private mutating func plainText(of element: XMLElementRef) {
            element.forEachText { MarkdownSubset.escape($0, into: &out) }
        }
    }
}
