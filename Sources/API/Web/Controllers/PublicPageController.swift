import DocumentModel
import Foundation
import Hummingbird

/// The public page of a published strategy, for anyone without signing in, and its downloads: DocBook always,
/// DOCX and ODT where pandoc is installed. An unpublished strategy has no page (404).
struct PublicPageController {
    let database: AppDatabase
    let renderer: WebRenderer
    let pandoc: Pandoc

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/public/{slug}", use: page)
        routes.get("/public/{slug}/strategy.xml", use: docBook)
        routes.get("/public/{slug}/strategy.docx") { request, context in try await convert(request, context, .docx) }
        routes.get("/public/{slug}/strategy.odt") { request, context in try await convert(request, context, .odt) }
        return routes
    }

    @Sendable func page(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let (t, dates) = (visitor.messages, visitor.dates)
        let slug = try context.parameters.require("slug")
        let language = request.uri.queryParameters["lang"].map(String.init)
        guard let published = try await database.publishedStrategy(slug: slug, language: language) else {
            throw DocumentModelError.notFound("publication")
        }
        let strategy = published.strategy
        // Read in a translation: each unit as the adopted draft froze it; the source where none is current.
        let translated = { (sectionID: Int64) -> TranslatedBodyHTML? in
            guard let language = published.language, let units = published.units[sectionID] else { return nil }
            return TranslatedBodyHTML(units: units, language: language, sourceLanguage: strategy.language, pageLanguage: t.language, t: t)
        }
        let query = published.language.map { "?lang=" + $0 } ?? ""
        var depth: [Int64: Int] = [:]
        let sections = published.draft.sections.map { section -> PublicView.Section in
            let level = min(6, (section.parentID.flatMap { depth[$0] } ?? 1) + 1)
            depth[section.sectionID] = level
            let history = (published.history[section.sectionID] ?? []).map { revision in
                PublicView.Entry(
                    revision: revision.number,
                    text: t.format(
                        "publicRevision",
                        [
                            "n": "\(revision.number)", "author": revision.authorName, "source": RevisionSourceText.text(revision.source, t),
                            "when": dates(revision.createdAt),
                        ]
                    )
                )
            }
            let translation = translated(section.sectionID)
            let headingTranslated = translation?.translation.heading.flatMap { $0.state == .current ? $0.text : nil }
            var view = PublicView.Section(
                anchor: "section-\(section.sectionID)", number: section.number,
                heading: headingTranslated ?? section.heading, level: level,
                bodyHTML: translation.map { $0.blocks(sourceBody: section.body ?? "").map(\.html).joined(separator: "\n") }
                    ?? BodyHTML.render(section.body ?? ""),
                history: history,
                historySummary: t.format("publicHistory", ["count": "\(history.count)"])
            )
            view.headingLanguage = headingTranslated == nil ? strategy.language : published.language ?? strategy.language
            return view
        }
        var downloads = [PublicView.Download(href: Links.publicPage(slug) + "/strategy.xml" + query, label: t["downloadDocBook"])]
        if pandoc.isAvailable {
            downloads.append(.init(href: Links.publicPage(slug) + "/strategy.docx" + query, label: t["downloadDocx"]))
            downloads.append(.init(href: Links.publicPage(slug) + "/strategy.odt" + query, label: t["downloadOdt"]))
        }
        let view = PublicView(
            title: strategy.title, summaryHTML: BodyHTML.render(strategy.summary),
            adoptedLine: t.format("publicAdopted", ["n": "\(published.draft.number)", "title": published.draft.title]),
            toc: sections.map { .init(href: "#\($0.anchor)", number: $0.number, heading: $0.heading) },
            sections: sections, signoffs: published.signoffs.groups.map { DecisionCell($0, t, dates) }, downloads: downloads,
            textLanguage: published.language ?? strategy.language,
            readIn: ReadInView.make(
                languages: strategy.languages, chosen: published.language ?? strategy.language,
                href: { Links.publicPage(slug) + ($0.map { "?lang=" + $0 } ?? "") }, source: strategy.language
            ),
            alternates: strategy.languages.count > 1
                ? strategy.languages.map { tag in
                    .init(lang: tag, href: Links.publicPage(slug) + (tag == strategy.language ? "" : "?lang=" + tag))
                } : []
        )
        var response = renderer.page(.publicPage, title: strategy.title, view, for: visitor)
        // Anyone may read it, and it changes only when unpublished: a short public cache is fine — unless the
        // page names the signed-in reader, which only their own browser may keep.
        response.headers[.cacheControl] = visitor.account == nil ? "public, max-age=60" : "private, max-age=60"
        // The words around the strategy are in the reader's language: a cache keeps one copy per language asked for.
        response.headers[.vary] = "Accept-Language, Cookie"
        return response
    }

    @Sendable func docBook(request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let language = request.uri.queryParameters["lang"].map(String.init)
        guard let bytes = try await database.publishedDocBook(slug: slug, language: language) else {
            throw DocumentModelError.notFound("publication")
        }
        return download(bytes, contentType: "application/docbook+xml", name: "\(slug).xml")
    }

    func convert(_ request: Request, _ context: AppRequestContext, _ format: Pandoc.Format) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let language = request.uri.queryParameters["lang"].map(String.init)
        guard pandoc.isAvailable, let docbook = try await database.publishedDocBook(slug: slug, language: language) else {
            throw DocumentModelError.notFound("publication")
        }
        do {
            return download(try await pandoc.convert(docbook, to: format), contentType: format.contentType, name: "\(slug).\(format.rawValue)")
        } catch is Pandoc.Busy {
            throw DocumentModelError.busy(retryAfter: 2)
        }
    }

    private func download(_ bytes: [UInt8], contentType: String, name: String) -> Response {
        // Anyone may read it and it changes only when unpublished: a short public cache is fine.
        WebRenderer.download(bytes, contentType: contentType, name: name, cacheControl: "public, max-age=60")
    }
}
