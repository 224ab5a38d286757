import Foundation

/// Where an amendment is in its life: `open` until a facilitator accepts or rejects it, or its author withdraws it.
public enum AmendmentStatus: String, Sendable, CaseIterable {
    case open
    case accepted
    case rejected
    case withdrawn
}

/// A proposed new heading and body for one section, against the revision its author read.
public struct Amendment: Sendable, Equatable {
    public var strategyID: Int64
    /// Numbered per strategy ("Amendment 12"), because people cite them in meetings.
    public var number: Int
    public var sectionID: Int64
    public var baseRevision: Int
    public var baseHeading: String
    public var baseBody: String
    public var heading: String
    public var body: String
    public var rationale: String
    public var authorID: Int64
    public var authorName: String
    public var group: String?
    public var status: AmendmentStatus
    /// The section revision the amendment was last merged against (the current one while it is open).
    public var checkedRevision: Int
    /// Whether it merges without conflict into `checkedRevision`; an open amendment that does not is `conflicting`.
    public var mergeable: Bool
    public var supporters: [Supporter]
    /// Open amendments on the same section that change the same passage (only for open amendments).
    public var collidesWith: [Int]
    public var decidedBy: Int64?
    public var decidedAt: Date?
    public var reason: String?
    public var acceptedRevision: Int?
    public var createdAt: Date

    public var conflicting: Bool { status == .open && !mergeable }
}

public struct Supporter: Sendable, Equatable {
    public var accountID: Int64
    public var name: String
    public var group: String?
    public var createdAt: Date
}

/// Filters of the amendment list; `conflicting` selects open amendments that no longer merge cleanly.
public struct AmendmentFilter: Sendable {
    public var sectionID: Int64?
    public var status: String?
    public var group: String?

    public init(sectionID: Int64? = nil, status: String? = nil, group: String? = nil) {
        self.sectionID = sectionID
        self.status = status
        self.group = group
    }

    public static let statuses = AmendmentStatus.allCases.map(\.rawValue) + ["conflicting"]
}

/// One passage where the amendment and the current text changed the same words differently.
public struct MergeConflict: Sendable, Equatable, Codable {
    /// `heading` or `body`.
    public var field: String
    public var base: String
    public var current: String
    public var proposed: String
    /// UTF-8 offsets of the passage in the current text of `field`.
    public var currentStart: Int
    public var currentEnd: Int
}

/// Another open amendment changing a passage this one changes too.
public struct AmendmentCollision: Sendable, Equatable {
    public var number: Int
    public var authorName: String
    public var group: String?
    /// `heading` when both change the heading, else `body`.
    public var field: String
    /// The overlapping passage of the current text, with its UTF-8 offsets.
    public var passage: String
    public var start: Int
    public var end: Int

    init(number: Int, authorName: String, group: String?, passage: String, start: Int, end: Int, field: String) {
        self.number = number
        self.authorName = authorName
        self.group = group
        self.field = field
        self.passage = passage
        self.start = start
        self.end = end
    }
}
