import DocumentModel
import Hummingbird

/// The facilitator's desk: open amendments grouped by section with colliding ones together, and the comments
/// awaiting a disposition (filterable by section, group and kind), each with its form.
struct DeskController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/desk", use: page)
        routes.get("/app/strategies/{strategy}/desk/comments.csv", use: matrix)
        routes.get("/app/strategies/{strategy}/desk/counts", use: counts)
        return routes
    }

    /// Which comments the desk shows.
    struct Filter {
        var section: Int64?
        var group: String?
        var kind: CommentKind?

        init(_ request: Request) {
            let query = request.uri.queryParameters
            section = query["section"].flatMap { Int64(String($0)) }
            group = query["group"].flatMap { $0.isEmpty ? nil : String($0) }
            kind = query["kind"].flatMap { CommentKind(rawValue: String($0)) }
        }

        /// The query string that shows this filter again (empty for none).
        var query: String {
            let parts = [section.map { "section=\($0)" }, group.map { "group=\($0)" }, kind.map { "kind=\($0.rawValue)" }].compactMap { $0 }
            return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
        }
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(strategyID: try context.parameters.id("strategy"), filter: Filter(request), context: context, notice: notice)
    }

    /// The desk's counts alone (with the page's filter): what its live updates bring in.
    @Sendable func counts(request: Request, context: SignedInContext) async throws -> Response {
        try await render(strategyID: try context.parameters.id("strategy"), filter: Filter(request), context: context, template: .deskCounts)
    }

    /// The desk; `adjust` fills in what a refused form sends back.
    func render(
        strategyID: Int64, filter: Filter, context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok,
        template: PageTemplate = .desk, adjust: (inout DeskView) -> Void = { _ in }
    ) async throws -> Response {
        let (t, account) = (context.visitor.messages, context.account)
        let access = try await database.strategy(id: strategyID, for: account)
        try access.require(.viewDesk)
        let strategy = access.strategy
        async let outlineRows = database.outline(strategyID: strategyID, for: account)
        async let amendmentPage = database.amendments(
            strategyID: strategyID, filter: AmendmentFilter(status: "open"), after: nil, limit: 10_000, for: account
        )
        async let commentPage = database.comments(
            strategyID: strategyID, filter: CommentFilter(sectionID: filter.section, status: "open", group: filter.group, kind: filter.kind),
            after: nil, limit: 10_000, for: account
        )
        let (outline, amendments, comments) = try await (outlineRows, amendmentPage.items, commentPage.items)
        let proposed = try await database.changedStretches(amendments)
        let redlines = Dictionary(zip(amendments.map(\.number), proposed), uniquingKeysWith: { first, _ in first })
        let redline = RedlineHTML(t)
        let groupName = { (key: String?) in key.flatMap { key in strategy.groups.first { $0.key == key }?.name } }
        let decides = access.may(.decideAmendment)
        let resolves = access.may(.resolveComment)
        let desk = Links.desk(strategyID)
        let titles = Dictionary(outline.map { ($0.id, ($0.number.isEmpty ? "" : $0.number + " ") + $0.heading) }) { first, _ in first }

        var amendmentSections: [DeskView.SectionAmendments] = []
        let bySection = Dictionary(grouping: amendments, by: \.sectionID)
        for section in outline {
            guard let open = bySection[section.id] else { continue }
            let groups = AmendmentCollisions.groups(open).map { members in
                let items = members.map { amendment in
                    let base = Links.amendment(strategyID, amendment.number)
                    // Supporters by group, in the strategy's order of groups: "Government: Ana, Besa; Industry: Dren".
                    let byGroup = Dictionary(grouping: amendment.supporters, by: \.group)
                    let supporters = strategy.groups.compactMap { group in
                        byGroup[group.key].map { "\(group.name): " + $0.map(\.name).joined(separator: ", ") }
                    }
                    return DeskView.AmendmentItem(
                        number: amendment.number, href: base,
                        author: amendment.authorName + (groupName(amendment.group).map { " (\($0))" } ?? ""),
                        state: amendment.mergeable ? t["mergeable"] : t["conflicting"],
                        stateClass: amendment.mergeable ? "badge-mergeable" : "badge-conflicting",
                        supporters: supporters.isEmpty ? t["noSupporters"] : supporters.joined(separator: "; "),
                        redlineHTML: redlines[amendment.number].map { redline.compact($0) },
                        acceptAction: decides ? base + "/accept" : nil, rejectAction: decides ? base + "/reject" : nil
                    )
                }
                let supportCount = members.reduce(0) { $0 + $1.supporters.count }
                return DeskView.AmendmentGroup(
                    collisionTitle: members.count > 1
                        ? t.format("deskCollisionGroup", ["numbers": members.map { "\($0.number)" }.joined(separator: ", ")]) : nil,
                    collides: members.count > 1, items: items,
                    supportSummary: t.format("deskSupportSummary", ["count": "\(supportCount)"])
                )
            }
            amendmentSections.append(.init(title: titles[section.id] ?? section.heading, href: Links.section(strategyID, section.id), groups: groups))
        }

        var commentSections: [DeskView.SectionComments] = []
        let commentsBySection = Dictionary(grouping: comments, by: \.sectionID)
        for section in outline {
            guard let waiting = commentsBySection[section.id] else { continue }
            let batchID = "batch-\(section.id)"
            let hasSuggestions = resolves && waiting.contains { $0.suggestion != nil && $0.anchor?.status.keepsText == true }
            commentSections.append(
                .init(
                    title: titles[section.id] ?? section.heading, href: Links.section(strategyID, section.id),
                    comments: waiting.map { comment in
                        DeskView.CommentItem(
                            number: comment.number, href: Links.section(strategyID, section.id) + "#comment-\(comment.number)",
                            kind: t["kind_" + comment.kind.rawValue],
                            author: comment.authorName + (groupName(comment.group).map { " (\($0))" } ?? ""), quote: comment.anchor?.quote,
                            body: comment.body, suggestion: comment.suggestion,
                            anchor: comment.anchor.map { t["anchor_" + $0.status.rawValue] },
                            replies: CommentCard.replies(of: comment, groups: strategy.groups, t, context.visitor.dates),
                            repliesCount: CommentCard.repliesCount(of: comment, t),
                            batchForm: hasSuggestions && comment.suggestion != nil && comment.anchor?.status.keepsText == true ? batchID : nil,
                            dispose: resolves
                                ? .init(
                                    href: Links.comment(strategyID, comment.number) + filter.query,
                                    action: Links.comment(strategyID, comment.number) + "/disposition" + filter.query, label: t["dispose"],
                                    which: " – " + t["comment"] + " \(comment.number)", hasSuggestion: comment.suggestion != nil
                                ) : nil
                        )
                    },
                    batchID: hasSuggestions ? batchID : nil,
                    batchAction: hasSuggestions ? Links.section(strategyID, section.id) + "/suggestions" + filter.query : nil
                )
            )
        }

        var view = DeskView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID), eventsHref: Links.events(strategyID),
            openAmendments: amendments.count, conflicting: amendments.filter { !$0.mergeable }.count, awaitingComments: comments.count,
            amendmentSections: amendmentSections, hasAmendments: !amendmentSections.isEmpty,
            sectionOptions: [.init(value: "", label: t["deskAllSections"], selected: filter.section == nil)]
                + outline.map { .init(value: "\($0.id)", label: titles[$0.id] ?? $0.heading, selected: filter.section == $0.id) },
            groupOptions: [.init(value: "", label: t["deskAllGroups"], selected: filter.group == nil)]
                + strategy.groups.map { .init(value: $0.key, label: $0.name, selected: filter.group == $0.key) },
            kindOptions: [.init(value: "", label: t["deskAllKinds"], selected: filter.kind == nil)]
                + CommentKind.allCases.map { .init(value: $0.rawValue, label: t["kind_" + $0.rawValue], selected: filter.kind == $0) },
            disposeTemplate: resolves ? DispositionFormView(action: "", hasSuggestion: true, t) : nil,
            commentSections: commentSections, hasComments: !commentSections.isEmpty, filterAction: desk,
            csvHref: desk + "/comments.csv", participationHref: Links.participation(strategyID),
            decides: decides
        )
        adjust(&view)
        if template == .deskCounts { return renderer.fragment(.deskCounts, view, for: context.visitor) }
        return renderer.page(.desk, title: t["deskTitle"] + " – " + strategy.title, view, for: context.visitor, status: status, notice: notice)
    }

    /// The comment matrix as CSV, as the API gives it, to whoever the API gives it.
    @Sendable func matrix(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let rows = try await database.commentMatrix(strategyID: strategyID, draft: nil, for: context.account)
        return WebRenderer.download(
            CommentMatrixRow.csv(rows), contentType: "text/csv; charset=utf-8; header=present", name: "strategy-\(strategyID)-comments.csv"
        )
    }
}
