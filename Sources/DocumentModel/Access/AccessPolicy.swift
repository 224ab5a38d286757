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
        // An admin administers; a sign-off or a supporter speaks for a stakeholder group, which only the group's
        // own people do, admins included only when they are members of the group.
        if !account.admin || action.speaksForAGroup {
            guard let membership, action.allowedRoles.contains(membership.role) else {
                throw DocumentModelError.forbidden(
                    action.speaksForAGroup
                        ? "only \(action == .signOff ? "a signatory" : "a member") of a stakeholder group may do this, for that group"
                        : "your role in this strategy does not allow this action"
                )
            }
        }
        guard action.allowedPhases(for: account.admin ? nil : membership?.role).contains(strategy.phase) else {
            throw DocumentModelError.phaseForbids(phase: strategy.phase, action: action.summary)
        }
        return Access(strategy: strategy, account: account, membership: membership)
    }
}
