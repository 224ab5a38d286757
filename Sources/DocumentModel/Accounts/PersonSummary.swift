import Foundation

/// One account as an administrator sees it on the People page: who it is and where it stands.
public struct PersonSummary: Sendable, Equatable {
    /// Where the account's invitation stands; `none` once its person has a password (or none was ever sent).
    public enum Invitation: Sendable, Equatable {
        case none
        case pending(expiresAt: Date)
        case expired
    }

    public var account: Account
    public var hasPassword: Bool
    public var lastSignInAt: Date?
    /// When an admin deactivated the account; nil for an active one.
    public var deactivatedAt: Date?
    public var invitation: Invitation
}
