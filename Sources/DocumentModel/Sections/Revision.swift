import Foundation

/// An immutable state of one section.
public struct Revision: Sendable, Equatable {
    public var sectionID: Int64
    public var number: Int
    public var heading: String
    public var body: String
    public var authorID: Int64
    public var authorName: String
    public var group: String?
    public var message: String?
    public var source: RevisionSource
    public var createdAt: Date
}

/// Where a revision came from, so a reader can trace every word to a decision.
public enum RevisionSource: Sendable, Equatable {
    case created
    case edit
    case structure
    case amendment(Int)
    case comment(Int)

    public var kind: String {
        switch self {
        case .created: "created"
        case .edit: "edit"
        case .structure: "structure"
        case .amendment: "amendment"
        case .comment: "comment"
        }
    }

    public var reference: Int? {
        switch self {
        case .amendment(let number), .comment(let number): number
        default: nil
        }
    }

    init?(kind: String, reference: Int?) {
        switch (kind, reference) {
        case ("created", _): self = .created
        case ("edit", _): self = .edit
        case ("structure", _): self = .structure
        case ("amendment", let number?): self = .amendment(number)
        case ("comment", let number?): self = .comment(number)
        default: return nil
        }
    }
}
