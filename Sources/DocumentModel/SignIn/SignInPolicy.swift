import Foundation

/// How long the secrets of browser sign-in stay good.
public enum SignInPolicy {
    /// An invitation link (and the first-run setup link) works once, within this time.
    public static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    /// A session ends after this long without a request…
    public static let sessionIdleLimit: TimeInterval = 8 * 3600
    /// …and this long after sign-in, whatever happens.
    public static let sessionAbsoluteLimit: TimeInterval = 30 * 24 * 3600
    /// A session's last-seen time is written at most this often: a page view should not cost a write each time.
    static let sessionTouchInterval: TimeInterval = 5 * 60
    /// A token's last use is written at most this often, for the same reason.
    public static let tokenTouchInterval: TimeInterval = 5 * 60
}
