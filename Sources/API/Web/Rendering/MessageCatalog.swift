import DocumentModel
import Foundation

/// Every language the interface speaks: one JSON file per language in `Resources/Web/messages`, named by its BCP 47
/// tag (`en.json`, `sq.json`, `sr-Latn.json`), a flat object of keys and texts. Serbian in Cyrillic (`sr-Cyrl`)
/// has no file: it is made from `sr-Latn` at start by `SerbianScript`, so the two scripts never diverge. A key a
/// file lacks falls back to English (a test makes sure none does); plural variants are `key_one`, `key_few`.
struct MessageCatalog: Sendable {
    static let fallback = "en"
    /// The messages by lower-cased tag.
    let languages: [String: Messages]

    /// The order languages are offered in: the official languages first, then English, then any other.
    static let menuOrder = ["sq", "sr-latn", "sr-cyrl", "en"]

    /// Tags that name a language without a script or region, and the catalog that answers them: Serbian without a
    /// script is Cyrillic, CLDR's default for `sr`.
    static let aliases = ["sr": "sr-cyrl", "sr-rs": "sr-cyrl", "sr-xk": "sr-cyrl", "sr-me": "sr-cyrl", "sr-ba": "sr-cyrl"]

    static func load() throws -> MessageCatalog {
        try load(from: WebResources.directory("messages"))
    }

    static func load(from directory: URL) throws -> MessageCatalog {
        var tables: [String: (tag: String, table: [String: String])] = [:]
        for file in try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        where file.pathExtension == "json" {
            let tag = file.deletingPathExtension().lastPathComponent
            tables[tag.lowercased()] = (tag, try JSONDecoder().decode([String: String].self, from: Data(contentsOf: file)))
        }
        if let latin = tables["sr-latn"] {
            tables["sr-cyrl"] = ("sr-Cyrl", latin.table.mapValues(SerbianScript.cyrillic(fromLatin:)))
        }
        guard let english = tables[fallback]?.table else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "en.json"])
        }
        return MessageCatalog(
            languages: tables.mapValues { entry in
                Messages(language: entry.tag, table: entry.table.merging(english) { own, _ in own })
            }
        )
    }

    /// The language for a reader: the account's choice, else the one chosen in the menu (the cookie), else the first
    /// of `Accept-Language` the catalog has (`sr-Latn-RS` finds `sr-Latn`, `sr` finds `sr-Cyrl`), else English.
    func messages(account: Account?, chosen: String? = nil, acceptLanguage: String?) -> Messages {
        for tag in [account?.language, chosen].compactMap({ $0 }) {
            if let messages = self[tag] { return messages }
        }
        for tag in Self.preferences(acceptLanguage ?? "") {
            // The tag, then shorter and shorter prefixes of it: sr-latn-rs, sr-latn, sr.
            var parts = tag.split(separator: "-")
            while !parts.isEmpty {
                if let messages = self[parts.joined(separator: "-")] { return messages }
                parts.removeLast()
            }
        }
        return languages[Self.fallback]!
    }

    /// The catalog of a tag, in any case, or of its alias.
    subscript(tag: String) -> Messages? {
        let key = tag.lowercased()
        return languages[key] ?? Self.aliases[key].flatMap { languages[$0] }
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

    /// The languages offered (the menu, Settings), by their tags as written (`sr-Latn`), in `menuOrder`.
    var tags: [String] {
        languages.keys.sorted { (Self.menuOrder.firstIndex(of: $0) ?? 99, $0) < (Self.menuOrder.firstIndex(of: $1) ?? 99, $1) }
            .map { languages[$0]!.language }
    }
}
