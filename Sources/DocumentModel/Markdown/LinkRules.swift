/// Which link targets a text may hold: `https:`, `http:` and `mailto:` only. Anything else — `javascript:`,
/// `data:`, `file:`, `vbscript:`, a relative path — would be exported as `xlink:href` and rendered by whatever
/// reads the export, and would mean nothing (or something dangerous) there.
public enum LinkRules {
    public static let schemes = ["https:", "http:", "mailto:"]

    /// Whether a link target starts with an allowed scheme (case-insensitive, as browsers read schemes) and holds
    /// no white space or control characters.
    public static func isAllowed(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return schemes.contains { lowered.hasPrefix($0) && lowered.count > $0.count }
            && !url.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F }
    }

    /// The link targets of a Markdown-subset text that are not allowed, in order.
    public static func disallowedLinks(in markdown: String) -> [String] {
        // Most texts have no link at all: skip the parse unless one could be there.
        guard markdown.utf8.count >= 4, markdown.contains("](") else { return [] }
        var found: [String] = []
        func visit(_ inlines: [MarkdownSubset.Inline]) {
            for inline in inlines {
                switch inline {
                case .text: break
                case .emphasis(let content), .strong(let content): visit(content)
                case .link(let url, let content):
                    if !isAllowed(url) { found.append(url) }
                    visit(content)
                }
            }
        }
        for block in MarkdownSubset.parse(markdown) {
            switch block {
            case .paragraph(let inlines): visit(inlines)
            case .bulletList(let items), .numberedList(let items): items.forEach(visit)
            }
        }
        return found
    }

    /// Adds a field error for the first disallowed link of `markdown`, if there is one.
    static func check(_ markdown: String?, field: String, into errors: inout FieldErrors) {
        guard let markdown, let url = disallowedLinks(in: markdown).first else { return }
        errors.add(field, "links must start with https:, http: or mailto:; '\(url.prefix(80))' does not")
    }
}
