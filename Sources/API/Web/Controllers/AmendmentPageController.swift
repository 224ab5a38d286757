import DocumentModel
import Hummingbird

/// An amendment as members read it: its redline against the revision it was based on and against the current
/// text, the rationale, author, group, supporters, status and collisions.
struct AmendmentPageController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/amendments/{amendment}", use: page)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("amendment")
        let strategy = try await database.strategy(id: strategyID, for: account).strategy
        let redline = try await database.amendmentRedline(strategyID: strategyID, number: number, for: account)
        let amendment = redline.amendment
        let collisions = amendment.status == .open ? try await database.collisions(strategyID: strategyID, number: number, for: account) : []
        let format = RedlineHTML(t)
        let group = amendment.group.flatMap { key in strategy.groups.first { $0.key == key }?.name }
        let row = AmendmentRow(amendment, groups: strategy.groups, t)
        var decision: String?
        if let decidedAt = amendment.decidedAt {
            decision = t.format("amendmentDecided", ["status": row.status, "when": dates(decidedAt)]) + (amendment.reason.map { ": " + $0 } ?? "")
        }
        let view = AmendmentView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID),
            sectionHref: Links.section(strategyID, amendment.sectionID),
            sectionTitle: (redline.current.number.map { $0 + " " } ?? "") + redline.current.heading, number: number,
            author: amendment.authorName + (group.map { " (\($0))" } ?? ""), when: dates(amendment.createdAt), status: row.status,
            mergeState: row.mergeState, mergeClass: row.mergeClass, decision: decision, rationale: amendment.rationale,
            baseLine: t.format("againstBase", ["n": "\(amendment.baseRevision)"]),
            baseHeadingHTML: format.inline(redline.againstBase.heading), baseBodyHTML: format.paragraphs(redline.againstBase.body),
            baseIdentical: redline.againstBase.identical,
            currentHeadingHTML: format.inline(redline.againstCurrent.heading),
            currentBodyHTML: format.paragraphs(redline.againstCurrent.body), currentIdentical: redline.againstCurrent.identical,
            sameAsBase: redline.current.revision == amendment.baseRevision,
            supporters: amendment.supporters.map { supporter in
                let group = supporter.group.flatMap { key in strategy.groups.first { $0.key == key }?.name }
                return .init(name: supporter.name + (group.map { " (\($0))" } ?? ""), when: dates(supporter.createdAt))
            },
            hasSupporters: !amendment.supporters.isEmpty,
            collisions: collisions.map {
                .init(number: $0.number, href: Links.amendment(strategyID, $0.number), author: $0.authorName, passage: $0.passage)
            },
            hasCollisions: !collisions.isEmpty
        )
        return renderer.page("amendment", title: t["amendment"] + " \(number)", view, for: context.visitor)
    }
}
