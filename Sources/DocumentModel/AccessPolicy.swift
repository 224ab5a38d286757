/// What a caller wants to do within one strategy.
public enum StrategyAction: String, Sendable {
    case read
    case editStrategy
    case manageMembers
    case editSections

    /// Roles allowed to perform the action (admins may do everything a facilitator may).
    var allowedRoles: Set<Role> {
        switch self {
        case .read: Set(Role.allCases)
        case .editStrategy, .manageMembers, .editSections: [.facilitator]
        }
    }

    /// Phases in which the action is allowed; an adopted strategy is read-only.
    var allowedPhases: Set<Phase> {
        switch self {
        case .read: Set(Phase.allCases)
        case .editStrategy, .manageMembers, .editSections: [.drafting, .consultation, .finalReview]
        }
    }
}

/// The result of a successful check: who acts, and in what capacity.
public struct Access: Sendable {
    public var strategy: Strategy
    public var account: Account
    public var membership: Membership?

    public var actor: Actor { Actor(accountID: account.id, group: membership?.group) }
    public var isFacilitator: Bool { account.admin || membership?.role == .facilitator }
}

/// The one place that decides whether an account may do something in a strategy.
///
/// Order matters and is fixed: membership (404 so that non-members cannot tell the strategy exists),
/// then role (403), then phase (409).
public enum AccessPolicy {
    public static func check(
        account: Account, strategy: Strategy?, membership: Membership?, action: StrategyAction
    ) throws -> Access {
        guard let strategy, account.admin || membership != nil else {
            throw DocumentModelError.notFound("strategy")
        }
        if !account.admin {
            guard let membership, action.allowedRoles.contains(membership.role) else {
                throw DocumentModelError.forbidden("your role in this strategy does not allow this action")
            }
        }
        guard action.allowedPhases.contains(strategy.phase) else {
            throw DocumentModelError.phaseForbids(phase: strategy.phase, action: action.rawValue)
        }
        return Access(strategy: strategy, account: account, membership: membership)
    }
}
