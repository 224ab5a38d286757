/// What only an administrator does, outside any strategy. The write checks it and a page asks it, as
/// `StrategyAction` is checked and asked within a strategy.
public enum AdminAction: Sendable, CaseIterable {
    case createStrategy
    case managePeople

    /// The action in words, for problem details.
    var summary: String {
        switch self {
        case .createStrategy: "create a strategy"
        case .managePeople: "manage people's accounts"
        }
    }
}

extension Account {
    /// Throws 403 unless this account may take `action`.
    public func require(_ action: AdminAction) throws {
        guard admin else { throw DocumentModelError.forbidden("only an admin may \(action.summary)") }
    }

    public func may(_ action: AdminAction) -> Bool { (try? require(action)) != nil }
}
