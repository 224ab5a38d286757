import DocumentModel
import Foundation
import Hummingbird

/// The strategy's activity log and its integrity check.
struct ActivityController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/activity", method: .get, use: list)
        routes.on("/strategies/{strategy}/activity/verify", method: .get, use: verify)
        return routes
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        _ = try await database.strategy(id: strategyID, for: account)
        let paging = try Paging(request)
        let page = try await database.activity(strategyID: strategyID, after: paging.after, limit: paging.limit)
        return try JSONResponse.make(
            ListPage(items: page.items.map(ActivityResponse.init), nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func verify(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        _ = try await database.strategy(id: strategyID, for: account)
        let result = try await database.verifyActivity(strategyID: strategyID)
        return try JSONResponse.make(
            VerificationResponse(intact: result.intact, entries: result.entries, firstBrokenEntry: result.firstBrokenEntry)
        )
    }
}

struct ActivityResponse: Encodable, Sendable {
    var id: Int64
    var account: Int64?
    var group: String?
    var action: String
    var subject: String
    var detail: [String: String]
    var createdAt: String
    var previousHash: String
    var hash: String

    init(_ entry: ActivityEntry) {
        id = entry.id
        account = entry.accountID
        group = entry.group
        action = entry.action
        subject = entry.subject
        detail = (try? JSONCoding.decoder.decode([String: String].self, from: Data(entry.detail.utf8))) ?? [:]
        createdAt = Timestamp.rfc3339(entry.createdAt)
        previousHash = entry.previousHash
        hash = entry.hash
    }
}

struct VerificationResponse: Encodable, Sendable {
    var intact: Bool
    var entries: Int
    var firstBrokenEntry: Int64?
}
