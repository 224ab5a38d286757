/// A person's role within one strategy (accounts are global, roles are per strategy).
public enum Role: String, Sendable, Codable, CaseIterable {
    case facilitator
    case member
    case signatory
    case observer
    /// Translates the strategy into the languages of their membership; reads and comments as an observer does.
    case translator

    /// Members and signatories speak for a stakeholder group, so they must belong to one.
    public var requiresGroup: Bool { self == .member || self == .signatory }
}
