import DocumentModel
import Hummingbird

/// **Translate** a section into one of the strategy's target languages (its translators, facilitators). The form
/// carries the translation revision it was read at and the source revision it shows; the domain saves only what
/// changed, checks both, and refuses a stale form (the texts typed stay on the page to save again).
struct TranslateController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/sections/{section}/translate", use: page)
        routes.post("/app/strategies/{strategy}/sections/{section}/translate", use: save)
        return routes
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let (access, section, translation) = try await load(request, context: context)
        var view = view(access, section, translation, context.visitor.messages)
        try await addHistory(to: &view, access: access, section: section, language: translation.language, context: context)
        return render(view, context: context)
    }

    /// The translation's revisions, in words: who saved which revision when, how many units, and how.
    private func addHistory(
        to view: inout TranslateView, access: Access, section: Section, language: String, context: SignedInContext
    ) async throws {
        let (t, dates) = (context.visitor.messages, context.visitor.dates)
        let revisions = try await database.translationRevisions(
            strategyID: access.strategy.id, sectionID: section.id, language: language, for: context.account
        )
        view.history = revisions.map { revision in
            t.format(
                revision.origin == .xliff ? "translationRevisionXLIFF" : "translationRevision",
                [
                    "n": "\(revision.number)", "author": revision.authorName, "when": dates(revision.createdAt),
                    "units": t.plural("translationUnits", count: revision.units, [:]),
                ]
            )
        }
        view.hasHistory = !view.history.isEmpty
    }

    struct TranslateForm: Decodable {
        var revision: String?
        var sourceRevision: String?
        var text: [String: String]?
        var confirm: [String: String]?
    }

    @Sendable func save(request: Request, context: SignedInContext) async throws -> Response {
        let form = try await forms.read(TranslateForm.self, from: request, visitor: context.visitor, size: .text)
        let (access, section, translation) = try await load(request, context: context)
        let t = context.visitor.messages
        var view = view(access, section, translation, t)
        let texts = form.text ?? [:]
        let confirmed = Set((form.confirm ?? [:]).filter { $0.value == "on" }.keys)
        for index in view.units.indices {
            if let typed = texts[view.units[index].id] { view.units[index].text = typed }
            view.units[index].confirmed = confirmed.contains(view.units[index].id)
        }
        let revision = try FormNumber.parse(form.revision) ?? -1
        let sourceRevision = try FormNumber.parse(form.sourceRevision) ?? translation.sourceRevision
        // What the person changed or confirmed: an untouched outdated unit stays outdated, an untouched current one
        // is not saved again, an empty field saves nothing.
        var inputs: [UnitTranslationInput] = []
        for unit in translation.units {
            guard let typed = texts[unit.id]?.trimmingCharacters(in: .whitespacesAndNewlines), !typed.isEmpty else { continue }
            let unchanged = typed == unit.text
            if unchanged && (unit.state == .current || (unit.state == .outdated && !confirmed.contains(unit.id))) { continue }
            inputs.append(UnitTranslationInput(id: unit.id, text: typed, sourceRevision: sourceRevision))
        }
        let target = Links.section(access.strategy.id, section.id) + "?lang=" + translation.language
        guard !inputs.isEmpty else { return WebRenderer.redirect(to: target + "&notice=translationUnchanged") }
        do {
            _ = try await database.updateSectionTranslation(
                strategyID: access.strategy.id, sectionID: section.id, language: translation.language, ifMatch: .revision(revision),
                units: inputs, by: context.account
            )
            return WebRenderer.redirect(to: target + "&notice=translationSaved")
        } catch DocumentModelError.invalid(let errors) {
            let messages = FieldMessages(errors, t).byField
            for (index, input) in inputs.enumerated() {
                guard let message = messages["units/\(index)/text"] ?? messages["units/\(index)/sourceRevision"] ?? messages["units/\(index)/id"],
                    let position = view.units.firstIndex(where: { $0.id == input.id })
                else { continue }
                view.units[position].error = message
            }
            view.notice = t["translationNotSaved"]
            return render(view, context: context, status: .unprocessableContent)
        } catch DocumentModelError.preconditionFailed {
            view.notice = t["translationSavedMeanwhile"]
            return render(view, context: context, status: .conflict)
        }
    }

    private func load(_ request: Request, context: SignedInContext) async throws -> (Access, Section, SectionTranslation) {
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let language = request.uri.queryParameters["lang"].map(String.init) ?? ""
        let access = try database.authorize(strategyID: strategyID, action: .read, for: context.account)
        try access.requireTranslation(try access.targetLanguage(language))
        let section = try await database.section(strategyID: strategyID, id: sectionID, for: context.account)
        let translation = try await database.sectionTranslation(
            strategyID: strategyID, sectionID: sectionID, language: language, for: context.account
        )
        return (access, section, translation)
    }

    private func view(_ access: Access, _ section: Section, _ translation: SectionTranslation, _ t: Messages) -> TranslateView {
        let strategy = access.strategy
        let redline = RedlineHTML(t)
        // Paragraphs are counted through the text; a list's items within their list.
        var paragraph = 0
        var item = 0
        var list = 0
        let units = translation.units.map { unit -> TranslateView.Unit in
            let label: String
            switch unit.kind {
            case "heading": label = t["heading"]
            case "bullet", "numbered":
                item = unit.list == list ? item + 1 : 1
                list = unit.list
                label = t.format("translationListItem", ["n": "\(item)"])
            default:
                paragraph += 1
                label = t.format("translationParagraph", ["n": "\(paragraph)"])
            }
            return TranslateView.Unit(
                id: unit.id, label: label, state: t["translationState_" + unit.state.rawValue], stateClass: unit.state.rawValue,
                sourceHTML: TranslatedBodyHTML.inline(unit.source), redlineHTML: unit.sourceChanges.map(redline.inline),
                text: unit.text ?? unit.memory ?? "", fromMemory: unit.text == nil && unit.memory != nil,
                outdated: unit.state == .outdated, singleLine: unit.kind != "paragraph"
            )
        }
        let sectionTitle = (section.number.map { $0 + " " } ?? "") + section.heading
        let language = LanguageNames.endonym(translation.language)
        return TranslateView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategy.id), sectionTitle: sectionTitle,
            sectionHref: Links.section(strategy.id, section.id) + "?lang=" + translation.language,
            title: t.format("translateTitle", ["section": sectionTitle, "language": language]),
            action: Links.section(strategy.id, section.id) + "/translate?lang=" + translation.language, language: language,
            languageTag: translation.language, sourceLanguage: translation.sourceLanguage,
            countsLine: t.format(
                "translationCounts",
                [
                    "language": language, "current": "\(translation.count(.current))", "outdated": "\(translation.count(.outdated))",
                    "missing": "\(translation.count(.missing))",
                ]
            ),
            revision: translation.revision, sourceRevision: translation.sourceRevision, units: units
        )
    }

    private func render(_ view: TranslateView, context: SignedInContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.page(.translate, title: view.title, view, for: context.visitor, status: status)
    }
}
