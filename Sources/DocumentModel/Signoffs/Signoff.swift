import Foundation

/// A stakeholder group's answer to a draft or a section revision.
public enum SignoffDecision: String, Sendable, CaseIterable {
    case approve
    case object
    case abstain
}

/// One recorded decision; a group's latest one is its current decision, earlier ones stay as history.
public struct Signoff: Sendable, Equatable {
    public var id: Int64
    public var group: String
    public var decision: SignoffDecision
    public var note: String?
    public var accountID: Int64
    public var accountName: String
    public var createdAt: Date
    /// For section sign-offs: the revision signed off.
    public var revision: Int?
}

/// One group's current decision (nil: none yet); `stale` for a section sign-off on an older revision.
public struct GroupSignoff: Sendable, Equatable {
    public var group: StakeholderGroup
    public var current: Signoff?
    public var stale: Bool
}

/// The sign-offs on one draft or one section.
public struct SignoffSummary: Sendable, Equatable {
    public var groups: [GroupSignoff]
    /// Every decision in the order given.
    public var history: [Signoff]
    /// For a section: its current revision.
    public var currentRevision: Int?

    /// Whether every group's current decision approves (and, for a section, approves the current revision).
    public var allApprove: Bool {
        !groups.isEmpty && groups.allSatisfy { $0.current?.decision == .approve && !$0.stale }
    }

    /// The groups whose current decision is not a (fresh) approval.
    public var notApproving: [String] {
        groups.filter { $0.current?.decision != .approve || $0.stale }.map(\.group.key)
    }
}
