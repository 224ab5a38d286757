/// Which link targets a text may hold: `https:`, `http:` and `mailto:` only. Anything else — `javascript:`,
/// `data:`, `file:`, `vbscript:`, a relative path — would be exported as `xlink:href` and rendered by whatever
/// reads the export, and would mean nothing (or something dangerous) there.
public enum LinkRules {
    public static let schemes = ["https:", "http:", "mailto:"]

    /// Whether a link target starts with an allowed scheme and holds no white space or control characters. The
    /// scheme is read as a browser's URL parser reads it: leading spaces and controls stripped, tabs and line
    /// breaks anywhere removed, case ignored (`JaVa\tScRiPt:` is `javascript:`).
    public static func isAllowed(_ url: String) -> Bool {
        guard !url.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else { return false }
        let lowered = url.lowercased()
        return schemes.contains { lowered.hasPrefix($0) && lowered.count > $0.count }
    }

    /// The link targets of a text that are not allowed, in order: every destination a CommonMark renderer could
    /// make a link of (`LinkDestinations`), which includes every link of the project's own subset.
    public static func disallowedLinks(in markdown: String) -> [String] {
        // Most texts have no link at all: skip the scan unless one could be there.
        guard markdown.utf8.count >= 4, markdown.contains("](") || markdown.contains("]:") || markdown.contains("<") else {
            return []
        }
        return LinkDestinations.all(in: markdown).filter { !isAllowed($0) }
    }

    /// Adds a field error for the first disallowed link of `markdown`, if there is one.
    static func check(_ markdown: String?, field: String, into errors: inout FieldErrors) {
        guard let markdown, let url = disallowedLinks(in: markdown).first else { return }
        errors.add(field, "links must start with https:, http: or mailto:; '\(url.prefix(80))' does not")
    }
}
