/// A session that has just started: the account and the cookie's secret, which exists in clear only here.
public struct SignedIn: Sendable {
    public var account: Account
    public var sessionToken: String
}
