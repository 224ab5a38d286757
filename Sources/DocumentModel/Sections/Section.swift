import Foundation

/// A section as it stands now: its place in the tree and its current revision's text.
public struct Section: Sendable, Equatable {
    public var id: Int64
    public var strategyID: Int64
    /// The derived outline number such as `3.2`; nil once the section has been removed from the tree.
    public var number: String?
    public var parentID: Int64?
    /// 1-based place among its siblings.
    public var position: Int
    public var heading: String
    public var body: String
    public var revision: Int
    public var updatedAt: Date
    public var updatedBy: Int64
    public var removed: Bool
}
