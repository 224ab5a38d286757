import DocumentModel
import Hummingbird

/// The drafts of a strategy and the comparison of any two: which sections were added, removed, moved, renamed or
/// changed, with the redline of each changed one.
struct DraftPagesController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/drafts", use: list)
        routes.get("/app/strategies/{strategy}/drafts/compare", use: choose)
        routes.get("/app/strategies/{strategy}/drafts/{draft}/compare/{to}", use: compare)
        return routes
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        try await renderList(strategyID: try context.parameters.id("strategy"), context: context)
    }

    /// The list; `cut` is the cut-a-draft form sent back with what was typed.
    func renderList(
        strategyID id: Int64, context: SignedInContext, status: HTTPResponse.Status = .ok, cut: CutDraftForm? = nil
    ) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: id, for: account)
        let strategy = access.strategy
        let drafts = try await database.drafts(strategyID: id, after: nil, limit: 1_000, for: account).items
        let latest = drafts.last?.number ?? 0
        let view = DraftsView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(id),
            drafts: drafts.reversed().map { draft in
                .init(
                    number: draft.number, href: Links.draft(id, draft.number), title: draft.title, note: draft.note,
                    author: draft.authorName, when: dates(draft.createdAt),
                    sections: draft.sectionCount, compareHref: draft.number > 1 ? Links.compare(id, draft.number - 1, draft.number) : nil
                )
            },
            hasDrafts: !drafts.isEmpty, canCompare: drafts.count > 1,
            options: drafts.map { draft in
                .init(
                    number: draft.number, label: t.format("draftOption", ["n": "\(draft.number)", "title": draft.title]),
                    selectedFrom: draft.number == latest - 1, selectedTo: draft.number == latest
                )
            },
            compareAction: Links.drafts(id) + "/compare",
            cutForm: access.may(.cutDraft) ? cut ?? CutDraftForm(action: Links.drafts(id)) : nil
        )
        return renderer.page(.drafts, title: t["drafts"] + " – " + strategy.title, view, for: context.visitor, status: status)
    }

    /// The compare form's GET target: sends the browser to the comparison's own address.
    @Sendable func choose(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.id("strategy")
        _ = try await database.strategy(id: id, for: context.account)
        guard let from = request.uri.queryParameters["from"].flatMap({ Int(String($0)) }),
            let to = request.uri.queryParameters["to"].flatMap({ Int(String($0)) }), from > 0, to > 0
        else { return WebRenderer.redirect(to: Links.drafts(id)) }
        return WebRenderer.redirect(to: Links.compare(id, from, to))
    }

    @Sendable func compare(request: Request, context: SignedInContext) async throws -> Response {
        let (t, account) = (context.visitor.messages, context.account)
        let id = try context.parameters.id("strategy")
        let from = try context.parameters.number("draft")
        let to = try context.parameters.number("to")
        let strategy = try await database.strategy(id: id, for: account).strategy
        let language = request.uri.queryParameters["lang"].flatMap { $0.isEmpty ? nil : String($0) }
        let comparison = try await database.compareDrafts(strategyID: id, from: from, to: to, language: language, for: account)
        let chosen = language.flatMap(LanguageTag.canonical) ?? strategy.language
        let redline = RedlineHTML(t)
        let summary = comparison.summary
        var view = CompareView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(id), draftsHref: Links.drafts(id),
            heading: t.format("compareTitle", ["from": "\(from)", "to": "\(to)"]),
            counts: SectionComparison.Change.allCases.map { .init(label: t["change_" + $0.rawValue], count: summary[$0] ?? 0) },
            sections: comparison.sections.map { section in
                let shown = section.after ?? section.before
                let title = (shown.map { $0.number + " " } ?? "") + (shown?.heading ?? "")
                return CompareView.SectionRow(
                    title: title, href: section.changes == [.removed] ? nil : Links.section(id, section.sectionID),
                    changes: section.changes.map { t["change_" + $0.rawValue] }.joined(separator: ", "),
                    renamed: section.changes.contains(.renamed)
                        ? t.format("renamedFrom", ["heading": section.before?.heading ?? ""]) : nil,
                    moved: section.changes.contains(.moved)
                        ? t.format("movedFrom", ["from": section.before?.number ?? "", "to": section.after?.number ?? ""]) : nil,
                    redlineHTML: section.diff.map(redline.paragraphs)
                )
            }
        )
        view.readIn = ReadInView.make(
            languages: strategy.languages, chosen: chosen, href: { Links.compare(id, from, to) + ($0.map { "?lang=" + $0 } ?? "") },
            source: strategy.language
        )
        view.textLanguage = chosen
        return renderer.page(.compare, title: view.heading + " – " + strategy.title, view, for: context.visitor)
    }
}
