import GRDB

/// Who may import a DocBook document as a new strategy: an administrator, or a person who facilitates a
/// strategy already — facilitators run the processes, and start them from the documents they bring. A
/// facilitator who imports becomes the facilitator of the new strategy; an administrator acts in every one.
extension AppDatabase {
    public func mayImport(_ account: Account) throws -> Bool {
        try read { db in try Self.mayImport(db, account) }
    }

    /// Throws 403 unless `account` may import.
    public func requireImport(_ account: Account) throws {
        guard try mayImport(account) else {
            throw DocumentModelError.forbidden("only an admin or a strategy's facilitator may import a strategy")
        }
    }

    static func mayImport(_ db: Database, _ account: Account) throws -> Bool {
        if account.admin { return true }
        return try db.value(
            Bool.self, "SELECT 1 FROM membership WHERE accountId = ? AND role = ? LIMIT 1", [account.id, Role.facilitator.rawValue]
        ) != nil
    }
}
