import DocumentModel

/// A section's text in a target language, block for block as the source has them: each unit's translation,
/// an outdated one marked **Outdated** with its source one click away, a missing one as the source text marked
/// **Missing** in its own language (`lang`, WCAG 2.2 SC 3.1.2).
struct TranslatedBodyHTML {
    let translation: SectionTranslation
    /// The page's language, for the marks inside a unit in another language.
    let pageLanguage: String
    let t: Messages
    /// The public page: only what is current is the translation; anything else is the source, said to be not
    /// translated yet (a reader outside the working group has no use for a translation that no longer fits).
    var published = false

    init(translation: SectionTranslation, pageLanguage: String, t: Messages, published: Bool = false) {
        self.translation = translation
        self.pageLanguage = pageLanguage
        self.t = t
        self.published = published
    }

    /// A published section in a language: its units, as a translation for rendering.
    init(units: [TranslatedUnit], language: String, sourceLanguage: String, pageLanguage: String, t: Messages) {
        self.init(
            translation: SectionTranslation(
                strategyID: 0, sectionID: 0, language: language, sourceLanguage: sourceLanguage, sourceRevision: 0, revision: 0,
                units: units
            ),
            pageLanguage: pageLanguage, t: t, published: true
        )
    }

    /// The source body's blocks (their byte ranges, so comments sit beside the block they are about), each in the
    /// target language.
    func blocks(sourceBody: String) -> [(range: Range<Int>, html: String)] {
        let units = translation.blocks
        return BodyHTML.blocks(sourceBody).map { block in
            let inside = units.filter { unit in unit.range.map { block.range.contains($0.lowerBound) } ?? false }
            guard let first = inside.first else { return block }
            switch first.kind {
            case "bullet", "numbered":
                let tag = first.kind == "bullet" ? "ul" : "ol"
                let items = inside.map { "<li>" + unit($0) + "</li>" }.joined()
                return (block.range, "<\(tag)>\(items)</\(tag)>")
            default:
                return (block.range, inside.map { "<p>" + unit($0) + "</p>" }.joined())
            }
        }
    }

    /// The heading in the target language, marked as its units are.
    var headingHTML: String { translation.heading.map(unit) ?? "" }

    /// One unit's content (inline HTML) with its mark.
    func unit(_ unit: TranslatedUnit) -> String {
        let source = translation.sourceLanguage
        let page = HTMLText.escape(pageLanguage)
        if published && unit.state != .current {
            return "<span lang=\"\(HTMLText.escape(source))\">\(Self.inline(unit.source))</span>"
                + " <span class=\"unit-state unit-missing\" lang=\"\(page)\">\(HTMLText.escape(t["translationNotYet"]))</span>"
        }
        switch unit.state {
        case .current:
            return Self.inline(unit.text ?? unit.source)
        case .outdated:
            return Self.inline(unit.text ?? "")
                + " <span class=\"unit-state unit-outdated\" lang=\"\(page)\">\(HTMLText.escape(t["translationOutdated"]))</span>"
                + "<details class=\"unit-source\"><summary lang=\"\(page)\">\(HTMLText.escape(t["translationShowSource"]))</summary>"
                + "<span lang=\"\(HTMLText.escape(source))\">\(Self.inline(unit.source))</span></details>"
        case .missing:
            return "<span lang=\"\(HTMLText.escape(source))\">\(Self.inline(unit.source))</span>"
                + " <span class=\"unit-state unit-missing\" lang=\"\(page)\">\(HTMLText.escape(t["translationMissing"]))</span>"
        }
    }

    /// A unit's Markdown as inline HTML: the paragraph the renderer makes of it, without its `<p>`.
    static func inline(_ markdown: String) -> String {
        var html = BodyHTML.render(markdown)
        while html.last?.isNewline == true { html.removeLast() }
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return html }
        let inner = html.dropFirst(3).dropLast(4)
        return inner.contains("<p>") ? html : String(inner)
    }
}
