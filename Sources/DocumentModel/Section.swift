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

/// What a facilitator gives to create a section.
public struct NewSection: Sendable {
    public var heading: String
    public var body: String
    public var parentID: Int64?
    public var position: Int?
    public var message: String?

    public init(heading: String, body: String, parentID: Int64? = nil, position: Int? = nil, message: String? = nil) {
        self.heading = heading
        self.body = body
        self.parentID = parentID
        self.position = position
        self.message = message
    }
}

/// A move within the tree; `parentID` of `.some(nil)` means "to the top level".
public struct SectionMove: Sendable {
    public var parentID: Int64??
    public var position: Int?

    public init(parentID: Int64?? = nil, position: Int? = nil) {
        self.parentID = parentID
        self.position = position
    }
}
