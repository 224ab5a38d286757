/// The result of a successful check: who acts, and in what capacity.
public struct Access: Sendable {
    public var strategy: Strategy
    public var account: Account
    public var membership: Membership?

    public var actor: Actor { Actor(accountID: account.id, group: membership?.group) }
}

extension Access {
    /// Whether this caller may take `action` now, by the same rule every write checks: pages offer only what
    /// may be done (the write checks again, so a crafted request is refused as the API refuses it).
    public func may(_ action: StrategyAction) -> Bool {
        (try? require(action)) != nil
    }

    /// Throws the policy's refusal (403 for the role, 409 for the phase) unless this caller may take `action` now.
    public func require(_ action: StrategyAction) throws {
        _ = try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: action)
    }
}
