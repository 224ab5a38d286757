import DocumentModel
import Hummingbird

/// The activity log of a strategy, newest first, a page at a time, with the result of re-checking its hash chain.
struct ActivityPageController {
    let database: AppDatabase
    let renderer: WebRenderer
    static let pageSize = 50

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/activity", use: page)
        return routes
    }

    struct ActivityView {
        let strategyTitle: String
        let strategyHref: String
        let entries: [ActivityRow]
        let chainIntact: Bool
        let chainText: String
        let olderHref: String?
        let newestHref: String?
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let id = try context.parameters.id("strategy")
        let strategy = try await database.strategy(id: id, for: account).strategy
        let before = request.uri.queryParameters["before"].flatMap { Int64(String($0)) }.flatMap { $0 > 0 ? $0 : nil }
        let page = try await database.recentActivity(strategyID: id, before: before, limit: Self.pageSize, for: account)
        let chain = try await database.verifyActivity(strategyID: id)
        let subjects = ActivitySubjects(
            strategyID: id, outline: try await database.outline(strategyID: id, for: account),
            members: try await database.members(strategyID: id, for: account), messages: t
        )
        let view = ActivityView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(id), entries: page.items.map { ActivityRow($0, t, dates, subjects) },
            chainIntact: chain.intact,
            chainText: chain.intact
                ? t.plural("chainIntact", count: chain.entries)
                : t.format("chainBroken", ["entry": "\(chain.firstBrokenEntry ?? 0)"]),
            olderHref: page.nextAfter.map { Links.activity(id) + "?before=\($0)" }, newestHref: before == nil ? nil : Links.activity(id)
        )
        return renderer.page(.activity, title: t["activityTitle"] + " – " + strategy.title, view, for: context.visitor)
    }
}
