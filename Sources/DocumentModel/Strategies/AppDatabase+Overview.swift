import GRDB

extension AppDatabase {
    /// The strategies the account sees (an admin sees all), each with what waits for the account there.
    public func overview(for account: Account, limit: Int = 200) async throws -> [StrategyOverview] {
        let page = try await strategies(visibleTo: account, after: nil, limit: limit)
        let memberships = try await memberships(accountID: account.id)
        return try read { db in
            try page.items.map { strategy in
                let membership = memberships.first { $0.strategyID == strategy.id }
                var overview = StrategyOverview(strategy: strategy, membership: membership, openAmendments: 0, openComments: 0)
                if account.admin || membership?.role == .facilitator {
                    overview.openAmendments =
                        try db.value(Int.self, "SELECT count(*) FROM amendment WHERE strategyId = ? AND status = 'open'", [strategy.id]) ?? 0
                    overview.openComments =
                        try db.value(Int.self, "SELECT count(*) FROM comment WHERE strategyId = ? AND disposition IS NULL", [strategy.id]) ?? 0
                }
                if membership?.role == .signatory, let group = membership?.group, strategy.phase != .adopted,
                    let latest = try db.value(Int.self, "SELECT max(number) FROM draft WHERE strategyId = ?", [strategy.id]),
                    try db.value(
                        Bool.self, "SELECT 1 FROM draftSignoff WHERE strategyId = ? AND draftNumber = ? AND groupKey = ?",
                        [strategy.id, latest, group]
                    ) == nil
                {
                    overview.signoffDue = latest
                }
                return overview
            }
        }
    }
}
