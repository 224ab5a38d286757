import Foundation

/// What a comment is about, as the comment matrix sorts them.
public enum CommentKind: String, Sendable, CaseIterable {
    case general
    case editorial
    case substantive
}

/// A facilitator's decision on a comment.
public enum Disposition: String, Sendable, CaseIterable {
    case accepted
    case partiallyAccepted = "partially-accepted"
    case rejected
    case noted
}

/// Where a commented passage stands on a later revision of its section.
public enum AnchorStatus: String, Sendable, CaseIterable {
    /// The same text at the same offsets.
    case anchored
    /// The same text at other offsets.
    case shifted
    /// The passage was edited; the range spans what survived of it.
    case changed
    /// Nothing of the passage survived.
    case orphaned

    /// Whether a suggestion can still replace the passage as its author saw it.
    public var keepsText: Bool { self == .anchored || self == .shifted }
}

/// The passage a comment was written on and where it stands now.
public struct CommentAnchor: Sendable, Equatable {
    /// The revision whose body the original offsets refer to.
    public var revision: Int
    public var start: Int
    public var end: Int
    /// The passage as the author saw it, with some text either side so people can recognise it.
    public var quote: String
    public var contextBefore: String
    public var contextAfter: String
    /// The position on `currentRevision` (nil when orphaned).
    public var status: AnchorStatus
    public var currentRevision: Int
    public var currentStart: Int?
    public var currentEnd: Int?
    /// The text now at the mapped range (nil when orphaned).
    public var currentText: String?
}

/// A comment on a passage of a section, on a whole section, or on an amendment; numbered per strategy.
public struct Comment: Sendable, Equatable {
    public var strategyID: Int64
    public var number: Int
    public var sectionID: Int64
    public var amendment: Int?
    public var anchor: CommentAnchor?
    public var kind: CommentKind
    public var body: String
    public var suggestion: String?
    public var authorID: Int64
    public var authorName: String
    public var group: String?
    public var disposition: Disposition?
    public var response: String?
    public var resolvedBy: Int64?
    public var resolvedAt: Date?
    /// The section revision that applied the comment's suggestion.
    public var appliedRevision: Int?
    public var replies: [CommentReply]
    public var createdAt: Date

    public var isResolved: Bool { disposition != nil }
}

/// One message in a comment's thread.
public struct CommentReply: Sendable, Equatable {
    public var id: Int
    public var authorID: Int64
    public var authorName: String
    public var group: String?
    public var body: String
    public var createdAt: Date
}

/// Which comments a list shows; `status` is `open` or `resolved`, or a disposition.
public struct CommentFilter: Sendable {
    public static let statuses = ["open", "resolved"] + Disposition.allCases.map(\.rawValue)

    public var sectionID: Int64?
    public var status: String?
    public var group: String?
    public var kind: CommentKind?

    public init(sectionID: Int64? = nil, status: String? = nil, group: String? = nil, kind: CommentKind? = nil) {
        self.sectionID = sectionID
        self.status = status
        self.group = group
        self.kind = kind
    }
}
