import Foundation

/// A one-time link that lets a person choose their password (or, without an account, create the first admin).
public struct IssuedInvitation: Sendable {
    /// The secret of the link (`/app/invite/{token}` or `/app/setup/{token}`); returned here and never again.
    public var token: String
    public var expiresAt: Date
    /// The account it is for; nil for the first-run setup link.
    public var accountID: Int64?
}

/// What a link is when someone opens it.
public enum InvitationStatus: Sendable, Equatable {
    /// Good for `account` (nil: the first-run setup).
    case valid(account: Account?)
    case used
    case expired
    /// Replaced by a newer link, or the person has chosen a password since it was sent.
    case voided
    /// Never issued, mistyped or tampered with; also a setup link once an admin exists.
    case unknown
}
