import DocumentModel
import Hummingbird

/// One draft's page, where signatories sign it off for their group and a facilitator adopts it.
struct DraftPageController {
    let database: AppDatabase
    let renderer: WebRenderer
    /// Whether DOCX and ODT downloads can be made (pandoc installed).
    let offersOfficeFormats: Bool

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/drafts/{draft}", use: page)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("draft"), context: context,
            notice: notice
        )
    }

    /// The page; `adjust` fills in what a refused form sends back.
    func render(
        strategyID: Int64, number: Int, context: SignedInContext, notice: String? = nil, status: HTTPResponse.Status = .ok,
        adjust: (inout DraftView) -> Void = { _ in }
    ) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: strategyID, for: account)
        let draft = try await database.draft(strategyID: strategyID, number: number, for: account)
        let signoffs = try await database.draftSignoffs(strategyID: strategyID, draft: number, for: account)
        let latest = try await database.drafts(strategyID: strategyID, after: nil, limit: 1_000, for: account).items.last?.number ?? number
        let exports = Links.export(strategyID)
        var downloads = [DraftView.Download(href: exports + "?draft=\(number)", label: t["downloadDocBook"])]
        if number > 1 {
            downloads.append(
                .init(href: exports + "?draft=\(number)&since=\(number - 1)", label: t.format("downloadRedlineSince", ["n": "\(number - 1)"])))
        }
        if offersOfficeFormats {
            downloads += [("docx", "downloadDocx"), ("odt", "downloadOdt")].map { format, label in
                .init(href: exports + "?draft=\(number)&format=\(format)", label: t[label])
            }
        }
        var view = DraftView(
            strategyTitle: access.strategy.title, strategyHref: Links.strategy(strategyID), draftsHref: Links.drafts(strategyID),
            number: number, title: draft.title, draftNote: draft.note, author: draft.authorName, when: dates(draft.createdAt),
            isLatest: number == latest,
            sections: draft.sections.map {
                .init(number: $0.number, heading: $0.heading, href: Links.revision(strategyID, $0.sectionID, $0.revision), revision: $0.revision)
            },
            board: signoffs.groups.map { DecisionCell($0, t, dates) },
            compareHref: number > 1 ? Links.compare(strategyID, number - 1, number) : nil, downloads: downloads,
            signoffForm: SignoffFormView.offered(to: access, action: Links.draft(strategyID, number) + "/signoffs", revision: nil, t),
            adoptAction: number == latest && access.may(.adopt) ? Links.draft(strategyID, number) + "/adopt" : nil
        )
        // A draft freezes every language: each one's state in it, and the draft (and its redline) in that language.
        for (language, behind) in try await database.draftTranslations(strategyID: strategyID, draft: number, for: account) {
            let name = LanguageNames.endonym(language)
            var files = [DraftView.Download(href: exports + "?draft=\(number)&lang=\(language)", label: t["downloadDocBook"] + " (\(name))")]
            if number > 1 {
                files.append(
                    .init(
                        href: exports + "?draft=\(number)&since=\(number - 1)&lang=\(language)",
                        label: t.format("downloadRedlineSince", ["n": "\(number - 1)"]) + " (\(name))"
                    )
                )
            }
            view.translations.append(
                .init(
                    language: name, tag: language,
                    state: behind.isEmpty
                        ? t["draftTranslationComplete"] : t.format("draftTranslationBehind", ["sections": behind.joined(separator: ", ")]),
                    downloads: files
                )
            )
        }
        view.hasTranslations = !view.translations.isEmpty
        adjust(&view)
        let title = t.format("draftTitle", ["n": "\(number)", "title": draft.title])
        return renderer.page(.draft, title: title, view, for: context.visitor, status: status, notice: notice)
    }
}
