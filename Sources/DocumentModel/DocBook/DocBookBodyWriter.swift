extension DocBookImporter {
    /// Writes a section's content elements as Markdown-subset text, straight from libxml2's nodes: paragraphs,
    /// lists, emphasis and links map to the subset; anything else is reported by path and kept as its plain
    /// text. What it writes is what `MarkdownSubset.render` writes for those blocks, and `canonicalText` makes
    /// it canonical, so that markup characters and white space mean what they will mean when parsed.
    struct BodyWriter {
        var unmapped: [String] = []
        private var out: [UInt8] = []
        private var blocks = 0

        var canonicalText: String {
            String(decoding: out.withUnsafeBufferPointer(MarkdownSubset.canonical), as: UTF8.self)
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
                    MarkdownSubset.escapeLineStart(&out, from: start)
                }
            case "itemizedlist", "orderedlist":
                _ = startBlock()
                let bullet = element.name == "itemizedlist"
                var items = 0
                for (item, itemLocation) in children(element, within: location) {
                    guard item.name == "listitem" else { unmapped.append(itemLocation.path); continue }
                    if items > 0 { out.append(0x0A) }
                    items += 1
                    if bullet { out.append(contentsOf: [UInt8(ascii: "-"), 0x20]) } else { out.append(contentsOf: "\(items). ".utf8) }
                    // The item's paragraphs join with a space; anything else in it is kept as plain text.
                    var written = 0
                    for (paragraph, paragraphLocation) in children(item, within: itemLocation) {
                        guard paragraph.name == "para" || paragraph.name == "simpara" else {
                            unmapped.append(paragraphLocation.path)
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
            default:
                unmapped.append(location.path)
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
            for child in element.children {
                count += 1
                let inner: XMLElementRef
                switch child {
                case .text(let text):
                    text.withBytes { MarkdownSubset.escape($0, into: &out) }
                    continue
                case .element(let element): inner = element
                }
                let innerLocation = Location(within: location, element: inner)
                guard inner.isIn(namespace: namespace) else {
                    unmapped.append(innerLocation.path)
                    plainText(of: inner)
                    continue
                }
                switch inner.name {
                case "emphasis":
                    let role = inner.attribute("role")
                    let stars = role == "strong" || role == "bold" ? 2 : 1
                    out.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: stars))
                    _ = inlines(inner, innerLocation)
                    out.append(contentsOf: repeatElement(UInt8(ascii: "*"), count: stars))
                case "link" where inner.attribute("href", namespace: DocBookExporter.xlink) != nil:
                    let url = DocBookImporter.url(inner.attribute("href", namespace: DocBookExporter.xlink)!)
                    out.append(UInt8(ascii: "["))
                    _ = inlines(inner, innerLocation)
                    out.append(contentsOf: [UInt8(ascii: "]"), UInt8(ascii: "(")])
                    out.append(contentsOf: url.utf8)
                    out.append(UInt8(ascii: ")"))
                default:
                    unmapped.append(innerLocation.path)
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
