import Foundation

/// What anyone may read of a published strategy: its adopted draft with every section's text, how each section
/// came to be (its revisions up to the adopted one), and each group's sign-off on that draft.
public struct PublishedStrategy: Sendable {
    public var publication: Publication
    public var strategy: Strategy
    /// The adopted draft, with bodies.
    public var draft: Draft
    /// Revisions of each section up to the one the draft holds, by section id, oldest first.
    public var history: [Int64: [Revision]]
    public var signoffs: SignoffSummary
    /// Read in a target language: that language, and each section's units as the adopted draft froze them.
    public var language: String? = nil
    public var units: [Int64: [TranslatedUnit]] = [:]
}
