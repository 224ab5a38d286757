/// `/app/strategies/{id}/amendments/{n}`.
struct AmendmentView {
    struct Supporter {
        let name: String
        let when: String
    }

    struct Collision {
        let number: Int
        let href: String
        let author: String
        let passage: String
    }

    let strategyTitle: String
    let strategyHref: String
    let sectionHref: String
    let sectionTitle: String
    let number: Int
    let author: String
    let when: String
    let status: String
    let mergeState: String?
    let mergeClass: String?
    let decided: String?
    let rationale: String
    let baseLine: String
    let baseHeadingHTML: String
    let baseBodyHTML: String
    let baseIdentical: Bool
    let currentHeadingHTML: String
    let currentBodyHTML: String
    let currentIdentical: Bool
    let sameAsBase: Bool
    let supporters: [Supporter]
    let hasSupporters: Bool
    let collisions: [Collision]
    let hasCollisions: Bool
    /// What the reader may do with it now.
    let decision: AmendmentDecisionView
}
