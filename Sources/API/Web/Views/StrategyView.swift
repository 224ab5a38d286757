import DocumentModel

/// `/app/strategies/{id}`: the strategy at a glance.
struct StrategyView {
    struct DraftRow {
        let number: Int
        let href: String
        let title: String
        let author: String
        let when: String
        let compareHref: String?
    }

    struct PublicationView {
        let href: String
        let canUnpublish: Bool
        let action: String
    }

    let id: Int64
    let title: String
    let summaryHTML: String
    let steps: [PhaseStep]
    let role: String
    let outline: [OutlineNode]
    let hasOutline: Bool
    let board: DraftBoard?
    let groupNames: [String]
    let sectionBoard: [SectionBoardRow]
    let hasSectionBoard: Bool
    let drafts: [DraftRow]
    let hasDrafts: Bool
    let draftsHref: String
    let activity: [ActivityRow]
    let activityHref: String
    let publication: PublicationView?
    let publishAction: String?
    /// For facilitators: the desk and the participation by group.
    let deskHref: String?
    let participationHref: String?
    /// For facilitators, while there is a next phase to move to (final review ends with adoption instead).
    let phaseHref: String?
    /// Who takes part (every member reads it; facilitators manage it there).
    let membersHref: String
    /// The strategy's event stream and its sign-off board alone, which the page brings up to date as groups sign.
    let eventsHref: String
    let boardHref: String
    /// For facilitators, in every phase a draft may be cut: the drafts page's form, the first draft's included.
    let cutDraftHref: String?
    /// For facilitators, while sections may change: the outline editor.
    let outlineHref: String?
    var downloads: [DraftView.Download]
    /// The redline since an earlier draft: the export's address and the drafts to choose from.
    let exportAction: String
    let sinceDrafts: [DraftRow]
    let hasSinceDrafts: Bool
    /// **Read in**, the language the outline is read in (when not the source), progress per target language,
    /// and the facilitators' **Languages** page.
    var readIn: ReadInView? = nil
    var readingLanguage: String? = nil
    var translations: [TranslationProgressRow] = [] {
        didSet { hasTranslations = !translations.isEmpty }
    }
    var hasTranslations = false
    var languagesHref: String? = nil
}

/// One line of the activity log as people read it.
struct ActivityRow {
    let when: String
    let iso: String
    let who: String
    let what: String
    /// What the entry is about, by its name, and its page when it has one.
    let subject: String
    let subjectHref: String?

    init(_ entry: ActivityEntry, _ t: Messages, _ dates: DateText, _ subjects: ActivitySubjects) {
        when = dates(entry.createdAt)
        iso = DateText.iso(entry.createdAt)
        who = entry.accountName ?? t["activityCommandLine"]
        let key = "activity_" + entry.action
        what = t.table[key] ?? entry.action
        let named = subjects.name(entry.subject)
        subject = named.text
        subjectHref = named.href
    }
}
