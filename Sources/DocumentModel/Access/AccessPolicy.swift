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
        guard action.allowedPhases(for: account.admin ? nil : membership?.role).contains(strategy.phase) else {
            throw DocumentModelError.phaseForbids(phase: strategy.phase, action: action.summary)
        }
        return Access(strategy: strategy, account: account, membership: membership)
    }
}
