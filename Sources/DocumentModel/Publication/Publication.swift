import Foundation

/// An adopted strategy made readable by anyone at `/public/{slug}`.
public struct Publication: Sendable, Equatable {
    public var strategyID: Int64
    public var slug: String
    public var publishedAt: Date
}

/// The slug of a publication: the title's letters and digits in lower-case ASCII, hyphens between words, and the
/// strategy's id, which keeps slugs unique whatever the titles.
enum PublicationSlug {
    static func make(title: String, strategyID: Int64) -> String {
        let folded = title.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? title
        var words: [String] = []
        var word = ""
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        var slug = ""
        for word in words where slug.utf8.count + word.utf8.count < 60 {
            slug += word + "-"
        }
        return slug + String(strategyID)
    }
}
