import DiffEngine
import Foundation

/// Where a translation unit stands against the source text it translates.
public enum TranslationState: String, Sendable, Codable, CaseIterable {
    /// Translated from the source text as it is now.
    case current
    /// Translated from an earlier text of its source block: the source changed since.
    case outdated
    /// Never translated.
    case missing
}

/// One unit of a section in one target language: the heading or one block of the source.
public struct TranslatedUnit: Sendable, Equatable {
    /// `heading`, or `u1`, `u2`, … for the source's blocks.
    public var id: String
    /// The kind of source block (`heading`, `paragraph`, `bullet`, `numbered`) and, for list items, which list.
    public var kind: String
    public var list: Int
    public var state: TranslationState
    /// The source text now.
    public var source: String
    /// The translation (nil while missing).
    public var text: String?
    /// The source revision the translation was made from, and the source text it translated then.
    public var sourceRevision: Int?
    public var translatedSource: String?
    /// An earlier translation of exactly this source text, from anywhere in the strategy (translation memory).
    public var memory: String?
    /// Where the unit's text lies in the source body (UTF-8 offsets; nil for the heading).
    public var range: Range<Int>? = nil
}

/// A section's translation into one language as it stands now.
public struct SectionTranslation: Sendable, Equatable {
    public var strategyID: Int64
    public var sectionID: Int64
    public var language: String
    public var sourceLanguage: String
    /// The source revision the units are aligned to (the section's current revision, or a draft's).
    public var sourceRevision: Int
    /// The translation's own revision (0 before the first save): its entity tag.
    public var revision: Int
    public var units: [TranslatedUnit]
    public var updatedAt: Date?
    public var updatedBy: Int64?

    public init(
        strategyID: Int64, sectionID: Int64, language: String, sourceLanguage: String, sourceRevision: Int, revision: Int,
        units: [TranslatedUnit], updatedAt: Date? = nil, updatedBy: Int64? = nil
    ) {
        self.strategyID = strategyID
        self.sectionID = sectionID
        self.language = language
        self.sourceLanguage = sourceLanguage
        self.sourceRevision = sourceRevision
        self.revision = revision
        self.units = units
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    public var heading: TranslatedUnit? { units.first { $0.id == "heading" } }
    public var blocks: [TranslatedUnit] { units.filter { $0.id != "heading" } }

    public func count(_ state: TranslationState) -> Int { units.count { $0.state == state } }
}

/// Unit counts by state for one section or a whole language.
public struct TranslationCounts: Sendable, Equatable {
    public var current = 0
    public var outdated = 0
    public var missing = 0

    public init(current: Int = 0, outdated: Int = 0, missing: Int = 0) {
        self.current = current
        self.outdated = outdated
        self.missing = missing
    }

    public var total: Int { current + outdated + missing }
    public var isComplete: Bool { outdated == 0 && missing == 0 }

    static func + (lhs: Self, rhs: Self) -> Self {
        Self(current: lhs.current + rhs.current, outdated: lhs.outdated + rhs.outdated, missing: lhs.missing + rhs.missing)
    }
}

/// How far each target language of a strategy has come: per section and in total.
public struct TranslationStatus: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var id: Int64
        public var number: String
        public var heading: String
        public var counts: TranslationCounts
    }

    public struct Language: Sendable, Equatable {
        public var language: String
        public var counts: TranslationCounts
        public var sections: [Section]
    }

    public var sourceLanguage: String
    public var languages: [Language]
}

/// One unit of a translation being saved: its new text and the source revision it was translated from.
public struct UnitTranslationInput: Sendable, Equatable {
    public var id: String
    public var text: String
    public var sourceRevision: Int

    public init(id: String, text: String, sourceRevision: Int) {
        self.id = id
        self.text = text
        self.sourceRevision = sourceRevision
    }
}

extension TranslatedUnit {
    /// For an outdated unit: the word-level changes of its source since the text that was translated.
    public var sourceChanges: ProseDiff? {
        guard state == .outdated, let translatedSource else { return nil }
        return ProseDiff(before: translatedSource, after: source)
    }
}

/// One revision of a section's translation into one language: who saved it, when, how, and how many units.
public struct TranslationRevision: Sendable, Equatable {
    public var number: Int
    public var authorID: Int64
    public var authorName: String
    public var createdAt: Date
    public var origin: TranslationOrigin
    /// The source revision the translator was shown.
    public var sourceRevision: Int
    /// The units this revision changed.
    public var units: Int
}
