/// Who performs a change, as the activity log and revisions record it.
public struct Actor: Sendable, Equatable {
    public var accountID: Int64?
    /// The stakeholder group the actor speaks for in this strategy, if any.
    public var group: String?

    public init(accountID: Int64?, group: String?) {
        self.accountID = accountID
        self.group = group
    }

    /// Changes made by the operator on the command line, outside any account.
    public static let commandLine = Actor(accountID: nil, group: nil)
}
