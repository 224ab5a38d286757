/// What a conditional write asks of a section's current revision (HTTP's `If-Match`): any current revision (`*`),
/// or one of the listed ones. An empty list matches nothing, which is what a header of only weak or malformed
/// tags amounts to.
public enum RevisionMatch: Sendable, Equatable, ExpressibleByIntegerLiteral {
    case any
    case oneOf([Int])

    public init(integerLiteral revision: Int) {
        self = .oneOf([revision])
    }

    public static func revision(_ revision: Int) -> RevisionMatch { .oneOf([revision]) }

    func matches(_ revision: Int) -> Bool {
        switch self {
        case .any: true
        case .oneOf(let revisions): revisions.contains(revision)
        }
    }
}
