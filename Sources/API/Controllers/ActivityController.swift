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
        return JSONResponse.make(
            ListPage(items: page.items.map(ActivityResponse.init), nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func verify(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        _ = try await database.strategy(id: strategyID, for: account)
        let result = try await database.verifyActivity(strategyID: strategyID)
        return JSONResponse.make(
            VerificationResponse(intact: result.intact, entries: result.entries, firstBrokenEntry: result.firstBrokenEntry)
        )
    }
}

struct ActivityResponse: JSONWritable {
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

    func write(to json: inout JSONWriter) {
        json.object { json in
            if let account { json.field("account", account) }
            json.field("action", action)
            json.field("createdAt", createdAt)
            json.key("detail")
            json.object { json in
                for key in detail.keys.sorted(by: JSONWriter.precedes) { json.field(key, detail[key]) }
            }
            if let group { json.field("group", group) }
            json.field("hash", hash)
            json.field("id", id)
            json.field("previousHash", previousHash)
            json.field("subject", subject)
        }
    }
}

struct VerificationResponse: JSONWritable {
    var intact: Bool
    var entries: Int
    var firstBrokenEntry: Int64?

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("entries", entries)
            if let firstBrokenEntry { json.field("firstBrokenEntry", firstBrokenEntry) }
            json.field("intact", intact)
        }
    }
}
