import DocumentModel
import Foundation

/// Every language the interface speaks: one JSON file per language in `Resources/Web/messages` (`en.json`,
/// `sq.json`, `sr.json`), a flat object of keys and texts. A translator adds a language by adding a file; a key
/// the file lacks falls back to English, so a partial translation still shows every word.
struct MessageCatalog: Sendable {
    static let fallback = "en"
    let languages: [String: Messages]

    static func load() throws -> MessageCatalog {
        try load(from: WebResources.directory("messages"))
    }

    static func load(from directory: URL) throws -> MessageCatalog {
        var tables: [String: [String: String]] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where file.pathExtension == "json" {
            let language = file.deletingPathExtension().lastPathComponent.lowercased()
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file))
        }
        guard let english = tables[fallback] else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "en.json"]) }
        return MessageCatalog(
            languages: tables.mapValues { table in table.merging(english) { own, _ in own } }
                .reduce(into: [:]) { $0[$1.key] = Messages(language: $1.key, table: $1.value) }
        )
    }

    /// The language for a reader: the account's choice, else the first of `Accept-Language` the catalog has
    /// (`sr-Latn-RS` matches `sr`), else English.
    func messages(account: Account?, acceptLanguage: String?) -> Messages {
        if let chosen = account?.language, let messages = languages[chosen.lowercased()] { return messages }
        for tag in Self.preferences(acceptLanguage ?? "") {
            if let messages = languages[tag] ?? languages[String(tag.prefix { $0 != "-" })] { return messages }
        }
        return languages[Self.fallback]!
    }

    /// `Accept-Language`'s tags, lower-cased, by descending quality (RFC 9110 §12.5.4); `q=0` means "not this".
    static func preferences(_ header: String) -> [String] {
        var weighted: [(tag: String, quality: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").prefix(20).enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty, tag != "*" else { continue }
            var quality = 1.0
            for field in fields.dropFirst() where field.lowercased().hasPrefix("q=") {
                quality = Double(field.dropFirst(2)) ?? 0
            }
            if quality > 0 { weighted.append((tag, quality, order)) }
        }
        return weighted.sorted { ($0.quality, -$0.order) > ($1.quality, -$1.order) }.map(\.tag)
    }

    /// The languages offered on the settings page, by tag.
    var tags: [String] { languages.keys.sorted() }
}
