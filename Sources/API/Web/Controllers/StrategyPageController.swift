import DocumentModel
import Hummingbird

/// `/app/strategies/{id}`: outline, phase, sign-off board, drafts, latest activity; publishing once adopted.
struct StrategyPageController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader
    /// Whether DOCX and ODT downloads can be made (pandoc installed).
    let offersOfficeFormats: Bool

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}", use: page)
        routes.get("/app/strategies/{strategy}/board", use: board)
        routes.post("/app/strategies/{strategy}/publication", use: publish)
        routes.post("/app/strategies/{strategy}/publication/delete", use: unpublish)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let (strategy, view) = try await view(
            try context.parameters.id("strategy"), context, language: request.uri.queryParameters["lang"].map(String.init)
        )
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return renderer.page(.strategy, title: strategy.title, view, for: context.visitor, notice: notice)
    }

    /// The sign-off board alone, for the page's live updates (`app.js`, `followBoard`).
    @Sendable func board(request: Request, context: SignedInContext) async throws -> Response {
        let (_, view) = try await view(try context.parameters.id("strategy"), context)
        return renderer.fragment(.strategyBoard, view, for: context.visitor)
    }

    func view(_ id: Int64, _ context: SignedInContext, language: String? = nil) async throws -> (Strategy, StrategyView) {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: id, for: account)
        let strategy = access.strategy
        let outline = try await database.outline(strategyID: id, for: account)
        let drafts = try await database.drafts(strategyID: id, after: nil, limit: 1_000, for: account).items
        var board: DraftBoard?
        if let latest = drafts.last {
            let signoffs = try await database.draftSignoffs(strategyID: id, draft: latest.number, for: account)
            board = DraftBoard(
                title: t.format("boardDraftTitle", ["number": "\(latest.number)", "title": latest.title]),
                href: Links.draft(id, latest.number),
                rows: signoffs.groups.map { DecisionCell($0, t, dates) }
            )
        }
        var sectionBoard: [SectionBoardRow] = []
        for section in outline {
            let signoffs = try await database.sectionSignoffs(strategyID: id, sectionID: section.id, for: account)
            guard signoffs.groups.contains(where: { $0.current != nil }) else { continue }
            sectionBoard.append(
                SectionBoardRow(
                    number: section.number, heading: section.heading, href: Links.section(id, section.id),
                    cells: signoffs.groups.map { DecisionCell($0, t, dates) }
                )
            )
        }
        // Read in a target language: the outline's headings in it, and links that keep it.
        let target = language.flatMap(LanguageTag.canonical).flatMap { strategy.translations.contains($0) ? $0 : nil }
        var headings: [Int64: String] = [:]
        if let target { headings = try await database.translatedHeadings(strategyID: id, language: target, for: account) }
        let readQuery = target.map { "?lang=" + $0 } ?? ""
        let activity = try await database.recentActivity(strategyID: id, before: nil, limit: 8, for: account).items
        let subjects = ActivitySubjects(
            strategyID: id, outline: outline, members: try await database.members(strategyID: id, for: account), messages: t
        )
        let publication = try database.publication(strategyID: id, for: account)
        let draftRows = drafts.reversed().map { draft in
            StrategyView.DraftRow(
                number: draft.number, href: Links.draft(id, draft.number), title: draft.title, author: draft.authorName,
                when: dates(draft.createdAt), compareHref: draft.number > 1 ? Links.compare(id, draft.number - 1, draft.number) : nil
            )
        }
        var downloads = [DraftView.Download(href: Links.export(id), label: t["exportCurrent"])]
        if offersOfficeFormats {
            downloads += [("docx", "downloadDocx"), ("odt", "downloadOdt")].map { .init(href: Links.export(id) + "?format=\($0)", label: t[$1]) }
        }
        downloads += draftRows.prefix(5).map {
            .init(href: Links.export(id) + "?draft=\($0.number)", label: t.format("exportDraft", ["n": "\($0.number)", "title": $0.title]))
        }
        var view = StrategyView(
            id: id, title: strategy.title, summaryHTML: BodyHTML.render(strategy.summary), steps: PhaseStep.steps(for: strategy.phase, t),
            role: Self.roleText(access, t),
            outline: OutlineNode.tree(
                outline, id: \.id, parent: \.parentID, number: \.number, heading: { headings[$0.id] ?? $0.heading },
                href: { Links.section(id, $0.id) + readQuery }
            ),
            hasOutline: !outline.isEmpty, board: board, groupNames: strategy.groups.map(\.name), sectionBoard: sectionBoard,
            hasSectionBoard: !sectionBoard.isEmpty,
            drafts: Array(draftRows.prefix(10)),
            hasDrafts: !drafts.isEmpty, draftsHref: Links.drafts(id), activity: activity.map { ActivityRow($0, t, dates, subjects) },
            activityHref: Links.activity(id),
            publication: publication.map {
                .init(href: Links.publicPage($0.slug), canUnpublish: access.may(.publish), action: Links.publication(id) + "/delete")
            },
            publishAction: publication == nil && access.may(.publish) ? Links.publication(id) : nil,
            deskHref: access.may(.viewDesk) ? Links.desk(id) : nil,
            participationHref: access.may(.viewParticipation) ? Links.participation(id) : nil,
            phaseHref: access.may(.editStrategy) && PhaseController.next(after: strategy.phase) != nil ? Links.phase(id) : nil,
            membersHref: Links.members(id), eventsHref: Links.events(id), boardHref: Links.strategy(id) + "/board",
            cutDraftHref: access.may(.cutDraft) ? Links.drafts(id) + "#cut-heading" : nil,
            outlineHref: access.may(.editSections) ? Links.outline(id) : nil,
            downloads: downloads, exportAction: Links.export(id), sinceDrafts: draftRows, hasSinceDrafts: !draftRows.isEmpty
        )
        view.readIn = ReadInView.make(
            languages: strategy.languages, chosen: target ?? strategy.language, href: { Links.strategy(id) + ($0.map { "?lang=" + $0 } ?? "") },
            source: strategy.language
        )
        view.readingLanguage = target
        if let target {
            // The downloads follow the language the strategy is read in.
            view.downloads = view.downloads.map {
                .init(href: $0.href + ($0.href.contains("?") ? "&" : "?") + "lang=" + target, label: $0.label + " (\(LanguageNames.endonym(target)))")
            }
        }
        if !strategy.translations.isEmpty {
            let status = try await database.translationStatus(strategyID: id, for: account)
            view.translations = status.languages.map {
                TranslationProgressRow(
                    $0, href: Links.strategy(id) + "?lang=" + $0.language, filesHref: Links.strategy(id) + "/translations/" + $0.language, t
                )
            }
        }
        view.languagesHref = access.may(.editStrategy) ? Links.strategy(id) + "/languages" : nil
        return (strategy, view)
    }

    static func roleText(_ access: Access, _ t: Messages) -> String {
        guard let membership = access.membership else { return t["role_admin"] }
        let group = membership.group.flatMap { key in access.strategy.groups.first { $0.key == key }?.name }
        return t["role_" + membership.role.rawValue] + (group.map { " – " + $0 } ?? "")
    }

    @Sendable func publish(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.id("strategy")
        try await forms.check(request, visitor: context.visitor)
        _ = try await database.publish(strategyID: id, by: context.account)
        return WebRenderer.redirect(to: Links.strategy(id) + "?notice=published")
    }

    @Sendable func unpublish(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.id("strategy")
        try await forms.check(request, visitor: context.visitor)
        try await database.unpublish(strategyID: id, by: context.account)
        return WebRenderer.redirect(to: Links.strategy(id) + "?notice=unpublished")
    }
}
