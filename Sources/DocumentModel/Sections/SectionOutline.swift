import Foundation

/// A section's place in the tree without its body, for listing the whole outline cheaply.
public struct SectionOutline: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var parentID: Int64?
    public var position: Int
    public var heading: String
    public var revision: Int
    public var updatedAt: Date
}
