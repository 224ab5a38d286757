import Foundation

/// A person (or script) that can call the service; global across strategies.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var admin: Bool
    public var createdAt: Date
    /// Where invitations go and what a person signs in with; unique, kept lower-case.
    public var email: String? = nil
    /// The language the browser interface speaks to this person (a catalog name such as `en`), if chosen.
    public var language: String? = nil
    /// The IANA time zone dates are shown in (`Europe/Belgrade`), if chosen.
    public var timeZone: String? = nil
}

/// An account together with a freshly issued token, the only time the token's text exists in clear.
public struct IssuedToken: Sendable {
    public var id: Int64
    public var accountID: Int64
    public var token: String
}

/// A token's public facts: never its text nor its hash.
public struct TokenInfo: Sendable, Equatable {
    public var id: Int64
    public var accountID: Int64
    public var prefix: String
    public var createdAt: Date
    public var revokedAt: Date?
    /// What its person said it is for; nil for tokens created without one.
    public var name: String? = nil
    /// Within `SignInPolicy.tokenTouchInterval`: the last request it authenticated.
    public var lastUsedAt: Date? = nil
}
