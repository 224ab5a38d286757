import DocumentModel
import Hummingbird

/// Participation by stakeholder group, for facilitators: counted from every amendment, support and comment of the
/// strategy (whatever their state), so that a missing or overruled voice shows.
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
        let access = try await database.strategy(id: strategyID, for: account)
        try DeskController.requireFacilitator(access)
        async let amendmentPage = database.amendments(strategyID: strategyID, filter: AmendmentFilter(), after: nil, limit: 100_000, for: account)
        async let commentPage = database.comments(strategyID: strategyID, filter: CommentFilter(), after: nil, limit: 100_000, for: account)
        let (amendments, comments) = try await (amendmentPage.items, commentPage.items)
        let rows = Self.rows(groups: access.strategy.groups, amendments: amendments, comments: comments, t)
        let view = ParticipationView(
            strategyTitle: access.strategy.title, strategyHref: Links.strategy(strategyID), deskHref: Links.desk(strategyID), rows: rows,
            chartSVG: ParticipationChart(t).svg(rows)
        )
        return renderer.page("participation", title: t["participationTitle"] + " – " + access.strategy.title, view, for: context.visitor)
    }

    /// One row per stakeholder group, in the strategy's order, then one for people of no group (facilitators).
    static func rows(groups: [StakeholderGroup], amendments: [Amendment], comments: [Comment], _ t: Messages) -> [ParticipationView.Row] {
        let keys: [(String?, String)] = groups.map { ($0.key, $0.name) } + [(nil, t["participationNoGroup"])]
        return keys.compactMap { key, name in
            let proposed = amendments.filter { $0.group == key }
            let said = comments.filter { $0.group == key }
            let supports = amendments.reduce(0) { $0 + $1.supporters.filter { $0.group == key }.count }
            // The row of people without a group appears only when they took part.
            if key == nil && proposed.isEmpty && said.isEmpty && supports == 0 { return nil }
            func disposed(_ disposition: Disposition) -> Int { said.filter { $0.disposition == disposition }.count }
            return ParticipationView.Row(
                group: name, proposed: proposed.count, accepted: proposed.filter { $0.status == .accepted }.count,
                rejected: proposed.filter { $0.status == .rejected }.count, comments: said.count, commentsAccepted: disposed(.accepted),
                commentsPartly: disposed(.partiallyAccepted), commentsRejected: disposed(.rejected), commentsNoted: disposed(.noted),
                commentsAwaiting: said.filter { $0.disposition == nil }.count, supports: supports
            )
        }
    }
}
