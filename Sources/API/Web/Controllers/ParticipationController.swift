import DocumentModel
import Hummingbird

/// Participation by stakeholder group, for facilitators: DocumentModel counts every amendment, support and comment
/// of the strategy (whatever their state) and decides who may see it; the page draws the table and the chart.
struct ParticipationController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/participation", use: page)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let (t, account) = (context.visitor.messages, context.account)
        let strategyID = try context.parameters.id("strategy")
        let strategy = try await database.strategy(id: strategyID, for: account).strategy
        let rows = try await database.participation(strategyID: strategyID, for: account).map { Self.row($0, strategy: strategy, t) }
        let view = ParticipationView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID), deskHref: Links.desk(strategyID), rows: rows,
            chartSVG: ParticipationChart(t).svg(rows)
        )
        return renderer.page(.participation, title: t["participationTitle"] + " – " + strategy.title, view, for: context.visitor)
    }

    /// One row of the table, named after its group (people of no group have a row of their own).
    static func row(_ counts: Participation, strategy: Strategy, _ t: Messages) -> ParticipationView.Row {
        let name = counts.group.map { key in strategy.groups.first { $0.key == key }?.name ?? key } ?? t["participationNoGroup"]
        return ParticipationView.Row(
            group: name, proposed: counts.proposed, accepted: counts.accepted, rejected: counts.rejected, comments: counts.comments,
            commentsAccepted: counts.commentsByDisposition[.accepted] ?? 0, commentsPartly: counts.commentsByDisposition[.partiallyAccepted] ?? 0,
            commentsRejected: counts.commentsByDisposition[.rejected] ?? 0, commentsNoted: counts.commentsByDisposition[.noted] ?? 0,
            commentsAwaiting: counts.awaiting, supports: counts.supports
        )
    }
}
