import DocumentModel

/// The home page: one row per strategy.
///
/// View models hold stored properties only: templates read them through `Mirror`, which sees no computed ones.
struct HomeView {
    struct Row {
        let title: String
        let href: String
        let phase: String
        let role: String
        let group: String?
        /// What waits for the reader, as sentences; empty when nothing does.
        let waiting: [String]
        let hasWaiting: Bool
    }

    let strategies: [Row]
    let empty: Bool
    /// Where an administrator starts a strategy, imports one and invites people; nil for everyone else.
    let newStrategyHref: String?
    let importHref: String?
    let peopleHref: String?

    init(_ overviews: [StrategyOverview], account: Account, mayImport: Bool, messages t: Messages) {
        newStrategyHref = account.may(.createStrategy) ? NewStrategyController.path : nil
        importHref = mayImport ? ImportController.path : nil
        peopleHref = account.may(.managePeople) ? PeopleController.path + "#invite-heading" : nil
        strategies = overviews.map { overview in
            let strategy = overview.strategy
            var waiting: [String] = []
            if overview.openAmendments > 0 { waiting.append(t.plural("waitingAmendments", count: overview.openAmendments)) }
            if overview.openComments > 0 { waiting.append(t.plural("waitingComments", count: overview.openComments)) }
            if let draft = overview.signoffDue { waiting.append(t.format("waitingSignoff", ["draft": "\(draft)"])) }
            let group = overview.membership?.group.flatMap { key in strategy.groups.first { $0.key == key }?.name ?? key }
            return Row(
                title: strategy.title, href: "/app/strategies/\(strategy.id)", phase: t["phase_" + strategy.phase.rawValue],
                role: overview.membership.map { t["role_" + $0.role.rawValue] } ?? t["role_admin"], group: group, waiting: waiting,
                hasWaiting: !waiting.isEmpty
            )
        }
        empty = strategies.isEmpty
    }
}
