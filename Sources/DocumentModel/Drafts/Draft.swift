import DiffEngine
import Foundation

/// A named, numbered, immutable snapshot of the whole strategy: the tree and one revision per section.
public struct Draft: Sendable {
    public var strategyID: Int64
    public var number: Int
    public var title: String
    public var note: String?
    public var authorID: Int64
    public var authorName: String
    public var createdAt: Date
    /// In reading order.
    public var sections: [DraftSection]
    /// Only in listings, where sections are not loaded.
    public var sectionCount: Int
}

/// One section as a draft fixed it.
public struct DraftSection: Sendable, Equatable {
    public var sectionID: Int64
    /// The outline number at the time of the draft.
    public var number: String
    public var parentID: Int64?
    public var position: Int
    public var heading: String
    public var revision: Int
    /// Loaded only where a caller asks for texts.
    public var body: String?
}

/// How one section differs between two drafts.
public struct SectionComparison: Sendable {
    public enum Change: String, Sendable, CaseIterable {
        case added, removed, moved, renamed, changed, unchanged
    }

    public var sectionID: Int64
    /// `added`, `removed` or `unchanged` alone, or any of `moved`, `renamed`, `changed` together.
    public var changes: [Change]
    public var before: DraftSection?
    public var after: DraftSection?
    /// The word diff of the body, for `changed`.
    public var diff: ProseDiff?
}

public struct DraftComparison: Sendable {
    public var from: Int
    public var to: Int
    /// Sections of the later draft in its reading order, then the removed ones in the earlier draft's order.
    public var sections: [SectionComparison]

    /// How many sections show each kind of change.
    public var summary: [SectionComparison.Change: Int] {
        var counts: [SectionComparison.Change: Int] = [:]
        for change in SectionComparison.Change.allCases { counts[change] = 0 }
        for section in sections { for change in section.changes { counts[change, default: 0] += 1 } }
        return counts
    }
}
