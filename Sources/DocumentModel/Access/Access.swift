/// The result of a successful check: who acts, and in what capacity.
public struct Access: Sendable {
    public var strategy: Strategy
    public var account: Account
    public var membership: Membership?

    public var actor: Actor { Actor(accountID: account.id, group: membership?.group) }
}
