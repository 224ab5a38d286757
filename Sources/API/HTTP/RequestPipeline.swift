import DocumentModel

/// The order every request is answered in: authenticate → authorize → validate → act.
///
/// Authentication is the route's context (`AuthenticatedContext`). Authorization is decided by DocumentModel
/// inside the operation's own transaction; the input (`If-Match`, the body) is read before that, so a refused
/// input must not be answered until the caller is known to be allowed to act. `input` does that: when reading
/// the input fails, `gate` is checked first and its 404 (not a member), 403 (role) or 409 (phase) wins over
/// the input's 428, 413, 415, 400 or 422. A valid input costs nothing extra.
enum RequestPipeline {
    static func input<Input>(checking gate: AccessGate, _ read: () async throws -> Input) async throws -> Input {
        do {
            return try await read()
        } catch let problem as Problem where inputStatuses.contains(problem.status.code) {
            try await gate.check()
            throw problem
        }
    }

    /// What a request's input can be refused with: missing `If-Match`, then the body's size, type, syntax, shape.
    static let inputStatuses: Set<Int> = [428, 413, 415, 400, 422]
}

/// Who may act, as the pipeline asks it before answering with an input error.
struct AccessGate: Sendable {
    let check: @Sendable () async throws -> Void

    /// This gate, then a read that answers 404 when the resource the request names does not exist.
    func and(_ exists: @escaping @Sendable () async throws -> Void) -> AccessGate {
        AccessGate {
            try await check()
            try await exists()
        }
    }

    /// A member of the strategy whose role and phase allow `action`.
    static func strategy(_ strategyID: Int64, _ action: StrategyAction, in database: AppDatabase, for account: Account) -> AccessGate {
        AccessGate { _ = try database.authorize(strategyID: strategyID, action: action, for: account) }
    }

    /// An admin (operations outside any strategy).
    static func admin(_ context: AuthenticatedContext) -> AccessGate {
        let account = context.account
        return AccessGate {
            _ = try AuthenticatedContext.requireAdmin(account)
        }
    }
}
