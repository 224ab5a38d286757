import Foundation

/// One line of the append-only, hash-chained activity log.
public struct ActivityEntry: Sendable, Equatable {
    public var id: Int64
    public var strategyID: Int64?
    public var accountID: Int64?
    public var group: String?
    public var action: String
    public var subject: String
    public var detail: String
    public var createdAt: Date
    /// SHA-256 (hex) of the previous entry of the same chain; 64 zeros for the first.
    public var previousHash: String
    public var hash: String
    /// The actor's name, where a reader lists entries for people (`recentActivity`).
    public var accountName: String? = nil
}

/// The outcome of re-hashing a chain from its first entry.
public struct ChainVerification: Sendable, Equatable {
    public var intact: Bool
    public var entries: Int
    /// The first entry whose hash or link does not match, when the chain is broken.
    public var firstBrokenEntry: Int64?
}
