import DocumentModel

/// An amendment in a list: number, author, state (open amendments: mergeable or conflicting, and which others
/// they collide with).
struct AmendmentRow {
    struct Collision {
        let number: Int
        let href: String
    }

    let number: Int
    let href: String
    let author: String
    let status: String
    let mergeState: String?
    let mergeClass: String?
    let collisions: [Collision]
    let hasCollisions: Bool
    let supporters: Int
    let rationale: String

    init(_ amendment: Amendment, groups: [StakeholderGroup], _ t: Messages) {
        number = amendment.number
        href = Links.amendment(amendment.strategyID, amendment.number)
        let group = amendment.group.flatMap { key in groups.first { $0.key == key }?.name }
        author = amendment.authorName + (group.map { " (\($0))" } ?? "")
        status = t["amendmentStatus_" + amendment.status.rawValue]
        if amendment.status == .open {
            mergeState = amendment.mergeable ? t["mergeable"] : t["conflicting"]
            mergeClass = amendment.mergeable ? "badge-mergeable" : "badge-conflicting"
        } else {
            mergeState = nil
            mergeClass = nil
        }
        collisions = amendment.collidesWith.map { Collision(number: $0, href: Links.amendment(amendment.strategyID, $0)) }
        hasCollisions = !amendment.collidesWith.isEmpty
        supporters = amendment.supporters.count
        rationale = amendment.rationale
    }
}
