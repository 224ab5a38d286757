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
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("amendment"), context: context,
            notice: notice
        )
    }

    /// The page; `adjust` fills in what a refused decision sends back (a reason's message, conflicts to resolve).
    func render(
        strategyID: Int64, number: Int, context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok,
        adjust: (inout AmendmentDecisionView) -> Void = { _ in }
    ) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: strategyID, for: account)
        let strategy = access.strategy
        let redline = try await database.amendmentRedline(strategyID: strategyID, number: number, for: account)
        let amendment = redline.amendment
        let collisions = amendment.status == .open ? try await database.collisions(strategyID: strategyID, number: number, for: account) : []
        let format = RedlineHTML(t)
        let group = amendment.group.flatMap { key in strategy.groups.first { $0.key == key }?.name }
        let row = AmendmentRow(amendment, groups: strategy.groups, t)
        var decided: String?
        if let decidedAt = amendment.decidedAt {
            decided = t.format("amendmentDecided", ["status": row.status, "when": dates(decidedAt)]) + (amendment.reason.map { ": " + $0 } ?? "")
        }
        let view = AmendmentView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID),
            sectionHref: Links.section(strategyID, amendment.sectionID),
            sectionTitle: (redline.current.number.map { $0 + " " } ?? "") + redline.current.heading, number: number,
            author: amendment.authorName + (group.map { " (\($0))" } ?? ""), when: dates(amendment.createdAt), status: row.status,
            mergeState: row.mergeState, mergeClass: row.mergeClass, decided: decided, rationale: amendment.rationale,
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
            hasCollisions: !collisions.isEmpty, decision: Self.decision(amendment, access: access, adjust: adjust)
        )
        return renderer.page(.amendment, title: t["amendment"] + " \(number)", view, for: context.visitor, status: status, notice: notice)
    }

    /// The actions this reader may take on the amendment now; the write checks each again.
    static func decision(_ amendment: Amendment, access: Access, adjust: (inout AmendmentDecisionView) -> Void) -> AmendmentDecisionView {
        let base = Links.amendment(amendment.strategyID, amendment.number)
        let decides = access.mayDecide(amendment)
        var view = AmendmentDecisionView(
            supportAction: access.maySupport(amendment) ? base + "/support" : nil,
            withdrawAction: access.mayWithdraw(amendment) ? base + "/withdraw" : nil,
            acceptAction: decides ? base + "/accept" : nil, rejectAction: decides ? base + "/reject" : nil
        )
        adjust(&view)
        return view
    }
}
