import DiffEngine
import DocumentModel
import Hummingbird

/// A section as members read it: the text with comments beside their passages, the open amendments, the
/// revision history, and **Changes since** a revision (`?since=r3`) or a draft (`?since=d2`) as a redline.
struct SectionPageController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/sections/{section}", use: page)
        routes.get("/app/strategies/{strategy}/sections/{section}/lists", use: lists)
        routes.get("/app/strategies/{strategy}/sections/{section}/revisions/{revision}", use: revision)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let notice = request.uri.queryParameters["notice"].flatMap { context.visitor.messages.table["notice_" + $0] }
        return try await render(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            since: request.uri.queryParameters["since"].map(String.init), language: request.uri.queryParameters["lang"].map(String.init),
            context: context, notice: notice
        )
    }

    /// The comments and open amendments of the section page alone: what its live updates bring in.
    @Sendable func lists(request: Request, context: SignedInContext) async throws -> Response {
        try await render(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"), context: context,
            template: .sectionLists
        )
    }

    /// The page, with a comment form or a reply sent back to be looked at again when there is one.
    func render(
        strategyID: Int64, sectionID: Int64, since: String? = nil, language: String? = nil, context: SignedInContext,
        commentForm: CommentFormView? = nil,
        signoffForm: SignoffFormView? = nil, notice: String? = nil, status: HTTPResponse.Status = .ok, template: PageTemplate = .section
    ) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: strategyID, for: account)
        let strategy = access.strategy
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: account)
        async let revisionsPage = database.revisions(strategyID: strategyID, sectionID: sectionID, after: nil, limit: 1_000, for: account)
        async let commentsPage = database.comments(
            strategyID: strategyID, filter: CommentFilter(sectionID: sectionID), after: nil, limit: 1_000, for: account
        )
        async let amendmentsPage = database.amendments(
            strategyID: strategyID, filter: AmendmentFilter(sectionID: sectionID, status: "open"), after: nil, limit: 1_000, for: account
        )
        async let draftsPage = database.drafts(strategyID: strategyID, after: nil, limit: 200, for: account)
        async let sectionSignoffs = database.sectionSignoffs(strategyID: strategyID, sectionID: sectionID, for: account)
        let (revisions, comments, amendments, drafts, signoffs) = try await (
            revisionsPage.items, commentsPage.items, amendmentsPage.items, draftsPage.items, sectionSignoffs
        )
        // A target language shows the translation block for block; the source language is the page as it was.
        var translation: SectionTranslation?
        if let language, !language.isEmpty, LanguageTag.canonical(language) != strategy.language {
            translation = try await database.sectionTranslation(strategyID: strategyID, sectionID: sectionID, language: language, for: account)
        }
        let latest = revisions.last { $0.number == section.revision } ?? revisions.last
        let change = try await changes(since: since, section: section, strategyID: strategyID, drafts: drafts, t: t, account: account)

        let mayComment = access.may(.comment)
        // The passages comments are about now, marked in the text; each placed card links to its passage.
        let passages = comments.compactMap { comment -> Passage? in
            guard let anchor = comment.anchor, anchor.status != .orphaned, let start = anchor.currentStart, let end = anchor.currentEnd,
                start < end
            else { return nil }
            return Passage(number: comment.number, range: start..<end)
        }
        let marked = Set(passages.map(\.number))
        let cards = comments.map { comment in
            var card = CommentCard(comment, groups: strategy.groups, t, dates, replies: mayComment)
            if marked.contains(comment.number) && translation == nil { card.passageHref = "#passage-\(comment.number)" }
            return (comment, card)
        }
        let textBlocks =
            translation.map { TranslatedBodyHTML(translation: $0, pageLanguage: t.language, t: t).blocks(sourceBody: section.body) }
            ?? BodyHTML.blocks(section.body, passages: passages)
        var placed = Set<Int>()
        var blocks: [SectionView.Block] = []
        for block in textBlocks {
            let here = cards.filter { comment, _ in
                guard let anchor = comment.anchor, anchor.status != .orphaned, let start = anchor.currentStart else { return false }
                return block.range.contains(start) || (start == block.range.upperBound && block.range == textBlocks.last?.range)
            }
            placed.formUnion(here.map(\.0.number))
            blocks.append(.init(html: block.html, comments: here.map(\.1), hasComments: !here.isEmpty))
        }
        let sectionComments = cards.filter { $0.0.anchor == nil }.map(\.1)
        let orphaned = cards.filter { $0.0.anchor != nil && !placed.contains($0.0.number) }.map(\.1)
        let amendmentRows = amendments.map { AmendmentRow($0, groups: strategy.groups, t) }
        var view = SectionView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID), sectionID: sectionID, number: section.number,
            heading: section.heading,
            headingHTML: change.headingHTML,
            revisionLine: t.format("revisionOf", ["n": "\(section.revision)", "m": "\(revisions.count)"]),
            sourceLine: latest.map { Self.sourceLine($0, strategy: strategy, t, dates) } ?? "",
            blocks: change.html == nil ? blocks : [], redlineHTML: change.html, redlineTitle: change.title,
            redlineEmpty: change.empty, sinceNotice: change.notice,
            sinceOptions: Self.sinceOptions(revisions: revisions, current: section.revision, drafts: drafts, chosen: since, t),
            hasSinceOptions: revisions.count > 1 || !drafts.isEmpty, action: Links.section(strategyID, sectionID),
            sectionComments: sectionComments, hasSectionComments: !sectionComments.isEmpty, orphaned: orphaned,
            hasOrphaned: !orphaned.isEmpty, redlineComments: change.html == nil ? [] : cards.filter { $0.0.anchor != nil }.map(\.1),
            hasRedlineComments: change.html != nil && cards.contains { $0.0.anchor != nil },
            amendments: amendmentRows, hasAmendments: !amendmentRows.isEmpty,
            history: revisions.reversed().map { Self.row($0, strategy: strategy, current: section.revision, t, dates) }, currentHref: nil,
            revision: section.revision,
            commentForm: mayComment
                ? commentForm ?? CommentFormView(action: Links.sectionComments(strategyID, sectionID), revision: section.revision, t) : nil,
            proposeHref: access.may(.proposeAmendment) ? Links.proposeAmendment(strategyID, sectionID) : nil,
            editHref: access.may(.editSections) ? Links.section(strategyID, sectionID) + "/edit" : nil,
            eventsHref: Links.events(strategyID), signoffs: signoffs.groups.map { DecisionCell($0, t, dates) },
            signoffForm: signoffForm
                ?? SignoffFormView.offered(
                    to: access, action: Links.section(strategyID, sectionID) + "/signoffs", revision: section.revision, t
                )
        )
        let chosen = translation?.language ?? strategy.language
        view.readIn = ReadInView.make(
            languages: strategy.languages, chosen: chosen,
            href: { tag in Links.section(strategyID, sectionID) + (tag.map { "?lang=" + $0 } ?? "") }, source: strategy.language
        )
        if let translation {
            view.translationLanguage = translation.language
            view.translationLine = t.format(
                "translationCounts",
                [
                    "language": LanguageNames.endonym(translation.language), "current": "\(translation.count(.current))",
                    "outdated": "\(translation.count(.outdated))", "missing": "\(translation.count(.missing))",
                ]
            )
            if access.mayTranslate(translation.language) {
                view.translateHref = Links.section(strategyID, sectionID) + "/translate?lang=" + translation.language
            }
            view.translatedHeadingHTML = TranslatedBodyHTML(translation: translation, pageLanguage: t.language, t: t).headingHTML
        }
        if template == .sectionLists { return renderer.fragment(.sectionLists, view, for: context.visitor) }
        let title = (section.number.map { $0 + " " } ?? "") + section.heading
        return renderer.page(.section, title: title, view, for: context.visitor, status: status, notice: notice)
    }

    @Sendable func revision(request: Request, context: SignedInContext) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let number = try context.parameters.number("revision")
        let strategy = try await database.strategy(id: strategyID, for: account).strategy
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: account)
        let revision = try await database.revision(strategyID: strategyID, sectionID: sectionID, number: number, for: account)
        let revisions = try await database.revisions(strategyID: strategyID, sectionID: sectionID, after: nil, limit: 1_000, for: account).items
        let view = SectionView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID), sectionID: sectionID, number: section.number,
            heading: revision.heading,
            headingHTML: nil, revisionLine: t.format("revisionOf", ["n": "\(revision.number)", "m": "\(revisions.count)"]),
            sourceLine: Self.sourceLine(revision, strategy: strategy, t, dates),
            blocks: BodyHTML.blocks(revision.body).map { .init(html: $0.html, comments: [], hasComments: false) },
            redlineHTML: nil, redlineTitle: nil, redlineEmpty: false, sinceNotice: nil, sinceOptions: [], hasSinceOptions: false,
            action: Links.section(strategyID, sectionID), sectionComments: [], hasSectionComments: false, orphaned: [],
            hasOrphaned: false, redlineComments: [], hasRedlineComments: false, amendments: [], hasAmendments: false,
            history: revisions.reversed().map { Self.row($0, strategy: strategy, current: revision.number, t, dates) },
            currentHref: revision.number == section.revision ? nil : Links.section(strategyID, sectionID), revision: revision.number,
            commentForm: nil, proposeHref: nil, editHref: nil, eventsHref: nil, signoffs: [], signoffForm: nil
        )
        let title = t.format("revisionTitle", ["n": "\(revision.number)", "heading": revision.heading])
        return renderer.page(.revision, title: title, view, for: context.visitor)
    }

    // MARK: Changes since

    struct Change {
        var html: String?
        var headingHTML: String?
        var title: String?
        var empty = false
        var notice: String?
    }

    /// The redline of the current text against the chosen revision (`r3`) or the text the section had in the chosen
    /// draft (`d2`); nothing when nothing was chosen, a notice when the choice names nothing.
    func changes(
        since: String?, section: Section, strategyID: Int64, drafts: [Draft], t: Messages, account: Account
    ) async throws -> Change {
        guard let since, since.count >= 2, let number = Int(since.dropFirst()), number > 0 else {
            return Change(notice: since.map { $0.isEmpty ? nil : t["sinceUnknown"] } ?? nil)
        }
        let redline = RedlineHTML(t)
        let from: Int
        let title: String
        switch since.first {
        case "r" where number <= section.revision:
            from = number
            title = t.format("changesSinceRevision", ["n": "\(number)"])
        case "d" where drafts.contains { $0.number == number }:
            let draft = try await database.draft(strategyID: strategyID, number: number, for: account)
            title = t.format("changesSinceDraft", ["n": "\(number)"])
            guard let inDraft = draft.sections.first(where: { $0.sectionID == section.id }) else {
                // Not in that draft: all of today's text is new since then.
                let diff = try await database.wordDiff(before: "", after: section.body)
                return Change(html: redline.paragraphs(diff), title: title, notice: t.format("sinceNotInDraft", ["n": "\(number)"]))
            }
            from = inDraft.revision
        default:
            return Change(notice: t["sinceUnknown"])
        }
        let result = try await database.redline(
            strategyID: strategyID, sectionID: section.id, from: from, to: nil, granularity: .word, text: .body, for: account
        )
        guard case .words(let diff) = result.changes else { return Change() }
        return Change(
            html: redline.paragraphs(diff), headingHTML: result.heading.flatMap { $0.isIdentical ? nil : redline.inline($0) }, title: title,
            empty: result.identical
        )
    }

    static func sinceOptions(revisions: [Revision], current: Int, drafts: [Draft], chosen: String?, _ t: Messages) -> [SectionView.SinceOption] {
        var options = [SectionView.SinceOption(value: "", label: t["sinceNothing"], selected: chosen == nil || chosen == "")]
        for revision in revisions.reversed() where revision.number < current {
            options.append(
                .init(
                    value: "r\(revision.number)", label: t.format("sinceRevision", ["n": "\(revision.number)"]),
                    selected: chosen == "r\(revision.number)"))
        }
        for draft in drafts.reversed() {
            options.append(
                .init(
                    value: "d\(draft.number)", label: t.format("sinceDraft", ["n": "\(draft.number)", "title": draft.title]),
                    selected: chosen == "d\(draft.number)")
            )
        }
        return options
    }

    static func sourceLine(_ revision: Revision, strategy: Strategy, _ t: Messages, _ dates: DateText) -> String {
        let group = revision.group.flatMap { key in strategy.groups.first { $0.key == key }?.name }
        return t.format(
            "revisionBy",
            [
                "author": revision.authorName + (group.map { " (\($0))" } ?? ""), "source": RevisionSourceText.text(revision.source, t),
                "when": dates(revision.createdAt),
            ]
        )
    }

    static func row(_ revision: Revision, strategy: Strategy, current: Int, _ t: Messages, _ dates: DateText) -> SectionView.RevisionRow {
        SectionView.RevisionRow(
            number: revision.number, href: Links.revision(strategy.id, revision.sectionID, revision.number),
            author: revision.authorName, source: RevisionSourceText.text(revision.source, t), message: revision.message,
            when: dates(revision.createdAt), current: revision.number == current
        )
    }
}
