import GRDB

extension AppDatabase {
    /// Participation by stakeholder group (facilitators): one entry per group of the strategy in its order, then
    /// one for people of no group when they took part. Counted in SQL, never by loading the amendments.
    public func participation(strategyID: Int64, for account: Account) async throws -> [Participation] {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .viewParticipation)
            var byGroup: [String?: Participation] = [:]
            func entry(_ key: String?) -> Participation { byGroup[key] ?? Participation(group: key) }
            for row in try db.rows(
                "SELECT groupKey, status, count(*) AS n FROM amendment WHERE strategyId = ? GROUP BY groupKey, status", [strategyID]
            ) {
                let key: String? = row["groupKey"]
                let count: Int = row["n"]
                var participation = entry(key)
                participation.proposed += count
                switch AmendmentStatus(rawValue: row["status"]) {
                case .accepted: participation.accepted += count
                case .rejected: participation.rejected += count
                default: break
                }
                byGroup[key] = participation
            }
            for row in try db.rows(
                "SELECT groupKey, count(*) AS n FROM amendmentSupport WHERE strategyId = ? GROUP BY groupKey", [strategyID]
            ) {
                let key: String? = row["groupKey"]
                var participation = entry(key)
                participation.supports += row["n"] as Int
                byGroup[key] = participation
            }
            for row in try db.rows(
                "SELECT groupKey, disposition, count(*) AS n FROM comment WHERE strategyId = ? GROUP BY groupKey, disposition", [strategyID]
            ) {
                let key: String? = row["groupKey"]
                let count: Int = row["n"]
                var participation = entry(key)
                participation.comments += count
                if let disposition = (row["disposition"] as String?).flatMap(Disposition.init(rawValue:)) {
                    participation.commentsByDisposition[disposition, default: 0] += count
                } else {
                    participation.awaiting += count
                }
                byGroup[key] = participation
            }
            let groups = access.strategy.groups.map { entry($0.key) }
            let noGroup = entry(nil)
            return noGroup.tookPart ? groups + [noGroup] : groups
        }
    }
}
