/// What a caller wants to do within one strategy.
public enum StrategyAction: String, Sendable, CaseIterable {
    case read
    /// The comment matrix (every comment with its disposition, as CSV): whoever reads the comments may have it.
    case readCommentMatrix
    /// The facilitator's desk: open amendments with their collisions, comments awaiting a disposition.
    case viewDesk
    /// Participation by stakeholder group.
    case viewParticipation
    case editStrategy
    case manageMembers
    case editSections
    case proposeAmendment
    case supportAmendment
    case withdrawAmendment
    case decideAmendment
    case cutDraft
    case comment
    case resolveComment
    case signOff
    case adopt
    case publish
    /// Translating sections into the strategy's target languages (which languages: `Access.requireTranslation`).
    case translate

    /// Roles allowed to perform the action (admins may do everything a facilitator may).
    var allowedRoles: Set<Role> {
        switch self {
        case .read, .readCommentMatrix: Set(Role.allCases)
        case .viewDesk, .viewParticipation: [.facilitator]
        case .editStrategy, .manageMembers, .editSections, .decideAmendment, .cutDraft, .resolveComment, .adopt, .publish:
            [.facilitator]
        case .proposeAmendment, .withdrawAmendment: [.member, .signatory, .facilitator]
        // Support is a stakeholder's voice; facilitators run the process and stay neutral.
        case .supportAmendment: [.member, .signatory]
        // Observers may comment too, but only while the strategy is out for consultation (see `allowedPhases(for:)`).
        case .comment: Set(Role.allCases)
        // A sign-off speaks for a whole group, which is what a signatory is for.
        case .signOff: [.signatory]
        case .translate: [.facilitator, .translator]
        }
    }

    /// A group's decision or voice: an admin takes it only as a member of the group, never as an admin.
    var speaksForAGroup: Bool { self == .signOff || self == .supportAmendment }

    /// Phases in which the action is allowed; an adopted strategy is read-only.
    var allowedPhases: Set<Phase> {
        switch self {
        case .read, .readCommentMatrix, .viewParticipation: Set(Phase.allCases)
        // The desk is where open work is decided; an adopted strategy has none left, but its record stays readable.
        case .viewDesk: Set(Phase.allCases)
        // Final review takes no new amendments; the open ones can still be decided.
        case .proposeAmendment: [.drafting, .consultation]
        case .editStrategy, .manageMembers, .editSections, .supportAmendment, .withdrawAmendment, .decideAmendment, .cutDraft,
            .comment, .resolveComment, .signOff, .translate:
            [.drafting, .consultation, .finalReview]
        case .adopt: [.finalReview]
        // Only the adopted text is ever published.
        case .publish: [.adopted]
        }
    }

    /// The phases in which `role` may act; narrower than `allowedPhases` only for observers' comments.
    func allowedPhases(for role: Role?) -> Set<Phase> {
        if self == .comment && (role == .observer || role == .translator) { return [.consultation] }
        return allowedPhases
    }

    /// The action in words, for problem details.
    var summary: String {
        switch self {
        case .read: "reading"
        case .readCommentMatrix: "the comment matrix"
        case .viewDesk: "the facilitator's desk"
        case .viewParticipation: "participation by group"
        case .editStrategy: "changing the strategy"
        case .manageMembers: "changing members"
        case .editSections: "editing sections"
        case .proposeAmendment: "new amendments"
        case .supportAmendment: "supporting amendments"
        case .withdrawAmendment: "withdrawing amendments"
        case .decideAmendment: "deciding on amendments"
        case .cutDraft: "cutting drafts"
        case .comment: "comments"
        case .resolveComment: "resolving comments"
        case .signOff: "sign-offs"
        case .adopt: "adoption"
        case .publish: "publishing"
        case .translate: "translating"
        }
    }
}
