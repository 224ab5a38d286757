/// One strategy as its list on the home page shows it: where it stands, who the reader is in it, and what waits
/// for them there.
public struct StrategyOverview: Sendable {
    public var strategy: Strategy
    /// Nil for an admin who is not a member.
    public var membership: Membership?
    /// For facilitators (and admins): open amendments and comments without a disposition.
    public var openAmendments: Int
    public var openComments: Int
    /// For signatories: drafts their group has not decided on, latest first (only the latest draft counts).
    public var signoffDue: Int?
}
