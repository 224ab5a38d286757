import Foundation

/// A person (or script) that can call the service; global across strategies.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var admin: Bool
    public var createdAt: Date
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
}
