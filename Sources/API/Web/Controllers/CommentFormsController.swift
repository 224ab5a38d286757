import DocumentModel
import Hummingbird

/// The forms that add to the conversation: a comment (on a selected or quoted passage, or on the whole section,
/// from the section page) and a reply in a comment's thread (on the comment's own page, which the section page's
/// script also opens in place). What the service cannot take is shown again with the reason beside its field;
/// nothing typed is lost.
struct CommentFormsController {
    let database: AppDatabase
    let sectionPage: SectionPageController
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.post("/app/strategies/{strategy}/sections/{section}/comments", use: postComment)
        routes.get("/app/strategies/{strategy}/comments/{comment}", use: thread)
        routes.post("/app/strategies/{strategy}/comments/{comment}/replies", use: reply)
        return routes
    }

    /// The comment form. With script, the selection arrives as UTF-8 offsets (`start`, `end`) into the revision
    /// shown; without, as the quoted words (`passage`), which are looked up in that revision — when they occur
    /// more than once the page asks which occurrence is meant (`occurrence`).
    struct CommentForm: Decodable {
        var revision: String?
        var start: String?
        var end: String?
        var passage: String?
        var occurrence: String?
        var kind: String?
        var body: String?
        var suggestion: String?
    }

    @Sendable func postComment(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let form = try await forms.read(CommentForm.self, from: request, visitor: context.visitor, size: .text)
        let t = context.visitor.messages
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        let revision = try FormNumber.parse(form.revision) ?? section.revision
        var view = CommentFormView(
            action: Links.sectionComments(strategyID, sectionID), revision: revision,
            kind: form.kind.flatMap(CommentKind.init(rawValue:)) ?? .general, t
        )
        view.passage = form.passage ?? ""
        view.start = form.start ?? ""
        view.end = form.end ?? ""
        view.body = form.body ?? ""
        view.suggestion = form.suggestion ?? ""
        func again(_ view: CommentFormView) async throws -> Response {
            try await sectionPage.render(
                strategyID: strategyID, sectionID: sectionID, context: context, commentForm: view, status: .unprocessableContent
            )
        }

        guard let kind = CommentKind(rawValue: form.kind ?? CommentKind.general.rawValue) else {
            view.errors["kind"] = t["commentKindUnknown"]
            return try await again(view)
        }
        let anchor: Range<Int>?
        switch try await passage(of: form, revision: revision, section: section, strategyID: strategyID, context: context) {
        case .whole: anchor = nil
        case .range(let range): anchor = range
        case .refused(let message):
            view.errors["passage"] = message
            return try await again(view)
        case .ask(let occurrences):
            view.occurrences = occurrences
            return try await again(view)
        }
        let suggestion = form.suggestion.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let comment = try await database.postComment(
                strategyID: strategyID,
                NewComment(
                    target: .section(id: sectionID, revision: anchor == nil ? nil : revision, anchor: anchor), kind: kind,
                    body: form.body ?? "", suggestion: suggestion
                ),
                by: context.account
            )
            return WebRenderer.redirect(to: Links.section(strategyID, sectionID) + "?notice=commentPosted#comment-\(comment.number)")
        } catch DocumentModelError.invalid(let errors) {
            for error in errors where view.errors[CommentFormView.field(for: error.field)] == nil {
                view.errors[CommentFormView.field(for: error.field)] = t.table[error.message] ?? error.message
            }
            return try await again(view)
        }
    }

    enum Passage {
        case whole
        case range(Range<Int>)
        case refused(String)
        case ask([CommentFormView.Occurrence])
    }

    /// What the form says the comment is about.
    func passage(
        of form: CommentForm, revision: Int, section: Section, strategyID: Int64, context: SignedInContext
    ) async throws -> Passage {
        let t = context.visitor.messages
        if let start = try FormNumber.parse(form.start), let end = try FormNumber.parse(form.end) {
            // The script's offsets; the domain checks that they lie in the body and on whole characters.
            guard start < end else { return .refused(t["passageEmpty"]) }
            return .range(start..<end)
        }
        let quote = form.passage ?? ""
        guard !quote.allSatisfy(\.isWhitespace) else { return .whole }
        guard revision >= 1, revision <= section.revision else { return .refused(t["passageRevisionUnknown"]) }
        let body =
            revision == section.revision
            ? section.body
            : try await database.revision(strategyID: strategyID, sectionID: section.id, number: revision, for: context.account).body
        let found = PassageSearch.occurrences(of: quote, in: body)
        switch found.count {
        case 0: return .refused(t["passageNotFound"])
        case 1: return .range(found[0])
        default:
            if let chosen = try FormNumber.parse(form.occurrence), found.indices.contains(chosen) { return .range(found[chosen]) }
            let bytes = Array(body.utf8)
            return .ask(
                found.enumerated().map { index, range in
                    CommentFormView.Occurrence(
                        index: index, before: Self.context(bytes, before: range.lowerBound),
                        quote: String(decoding: bytes[range], as: UTF8.self), after: Self.context(bytes, after: range.upperBound),
                        checked: false
                    )
                }
            )
        }
    }

    /// Up to 40 bytes of text on one side of a passage, cut back to whole characters, so that occurrences can be
    /// told apart.
    static func context(_ bytes: [UInt8], before offset: Int) -> String {
        var lower = max(0, offset - 40)
        while lower < offset, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
        return (lower > 0 ? "…" : "") + String(decoding: bytes[lower..<offset], as: UTF8.self)
    }

    static func context(_ bytes: [UInt8], after offset: Int) -> String {
        var upper = min(bytes.count, offset + 40)
        while upper > offset, upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
        return String(decoding: bytes[offset..<upper], as: UTF8.self) + (upper < bytes.count ? "…" : "")
    }

    /// A comment with its whole thread and the reply form; `draft` is a reply sent back with why.
    @Sendable func thread(request: Request, context: SignedInContext) async throws -> Response {
        try await renderThread(
            strategyID: try context.parameters.id("strategy"), number: try context.parameters.number("comment"), context: context,
            deskFilter: DeskController.Filter(request).query
        )
    }

    /// The page; `deskFilter` is the desk's filter to return to after a disposition, `adjust` fills in a refused
    /// disposition.
    func renderThread(
        strategyID: Int64, number: Int, context: SignedInContext, draft: String = "", error: String? = nil, deskFilter: String = "",
        notice: String? = nil, status: HTTPResponse.Status = .ok, adjust: (inout DispositionFormView) -> Void = { _ in }
    ) async throws -> Response {
        let (t, dates, account) = (context.visitor.messages, context.visitor.dates, context.account)
        let access = try await database.strategy(id: strategyID, for: account)
        let comment = try await database.comment(strategyID: strategyID, number: number, for: account)
        let section = try await database.section(strategyID: strategyID, id: comment.sectionID, for: account)
        let view = CommentThreadView(
            strategyTitle: access.strategy.title, strategyHref: Links.strategy(strategyID),
            sectionTitle: (section.number.map { $0 + " " } ?? "") + section.heading,
            sectionHref: Links.section(strategyID, section.id) + "#comment-\(number)", number: number,
            card: CommentCard(comment, groups: access.strategy.groups, t, dates),
            replyAction: access.may(.comment) ? Links.commentReplies(strategyID, number) : nil, replyDraft: draft, replyError: error,
            disposition: comment.disposition == nil && access.may(.resolveComment)
                ? {
                    var form = DispositionFormView(
                        action: Links.comment(strategyID, number) + "/disposition" + deskFilter, hasSuggestion: comment.suggestion != nil, t
                    )
                    adjust(&form)
                    return form
                }() : nil
        )
        return renderer.page(.commentThread, title: t["comment"] + " \(number)", view, for: context.visitor, status: status, notice: notice)
    }

    struct ReplyForm: Decodable {
        var body: String?
    }

    @Sendable func reply(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let number = try context.parameters.number("comment")
        let form = try await forms.read(ReplyForm.self, from: request, visitor: context.visitor, size: .text)
        let comment = try await database.comment(strategyID: strategyID, number: number, for: context.account)
        do {
            _ = try await database.replyToComment(strategyID: strategyID, number: number, body: form.body ?? "", by: context.account)
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            let message = errors.first.map { t.table[$0.message] ?? $0.message } ?? t["errorBadForm"]
            return try await renderThread(
                strategyID: strategyID, number: number, context: context, draft: form.body ?? "", error: message,
                status: .unprocessableContent
            )
        }
        return WebRenderer.redirect(to: Links.section(strategyID, comment.sectionID) + "?notice=replyPosted#comment-\(number)")
    }
}
