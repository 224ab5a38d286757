/// One account's role (and, for members and signatories, group) in one strategy.
public struct Membership: Sendable, Equatable {
    public var strategyID: Int64
    public var accountID: Int64
    public var accountName: String
    public var role: Role
    public var group: String?
    /// A translator's target languages (empty for every other role).
    public var languages: [String] = []
}
