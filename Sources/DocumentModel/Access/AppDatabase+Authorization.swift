import GRDB

/// The authorization step of every request, in one place: who the caller is in the strategy (404 for a
/// non-member, so nobody learns a strategy exists), whether the role allows the action (403), whether the
/// phase does (409). Validation comes after it.
extension AppDatabase {
    /// Checks access inside the caller's transaction; every operation calls this first.
    static func authorize(_ db: Database, account: Account, strategyID: Int64, action: StrategyAction) throws -> Access {
        // One statement for the strategy, its groups and the caller's membership: this runs on every request.
        let row = try db.row(
            """
            SELECT strategy.*, membership.role AS memberRole, membership.groupKey AS memberGroup,
                   membership.languages AS memberLanguages,
                   (SELECT group_concat(key || char(31) || name, char(30))
                    FROM (SELECT key, name FROM stakeholderGroup WHERE strategyId = strategy.id ORDER BY position)) AS groupList
            FROM strategy LEFT JOIN membership ON membership.strategyId = strategy.id AND membership.accountId = ?
            WHERE strategy.id = ?
            """, [account.id, strategyID]
        )
        let strategy = row.map(strategy)
        let membership = row.flatMap { row -> Membership? in
            guard let roleText: String = row["memberRole"], let role = Role(rawValue: roleText) else { return nil }
            return Membership(
                strategyID: strategyID, accountID: account.id, accountName: account.name, role: role, group: row["memberGroup"],
                languages: languageList(row["memberLanguages"])
            )
        }
        return try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: action)
    }

    /// Whether `account` may take `action` in the strategy now; throws the 404/403/409 error otherwise.
    ///
    /// The API asks this before answering a request whose body it refused, so that the body's 400/413/415/422 is
    /// only ever seen by a caller who may act.
    public func authorize(strategyID: Int64, action: StrategyAction, for account: Account) throws -> Access {
        try read { db in try Self.authorize(db, account: account, strategyID: strategyID, action: action) }
    }

    /// Authorize, then validate: an invalid `input` is refused with 422 only once the caller is known to be
    /// allowed to act, so a non-member, an observer or a write in a closed phase gets 404, 403 or 409 instead.
    ///
    /// Valid input costs no read here: the write it goes on to authorizes again inside its own transaction,
    /// which is where the decision must be taken anyway.
    func authorizeThenValidate(
        _ input: some ValidatedInput, strategyID: Int64, action: StrategyAction, by account: Account
    ) throws {
        let errors = input.validate()
        guard !errors.isEmpty else { return }
        _ = try authorize(strategyID: strategyID, action: action, for: account)
        throw DocumentModelError.invalid(errors)
    }

    /// For operations outside any strategy (accounts, new strategies, imports): admin only, then validate.
    static func requireAdminThenValidate(_ input: some ValidatedInput, by account: Account, action: AdminAction) throws {
        try account.require(action)
        try input.requireValid()
    }
}
