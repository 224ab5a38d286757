import DocumentModel

/// A group's current decision as the sign-off boards show it: words (never colour alone), the note, who and when.
struct DecisionCell {
    let group: String
    let decision: String
    /// `approve`, `object`, `abstain` or `pending`, for the stylesheet.
    let kind: String
    let note: String?
    let by: String?
    let when: String?
    /// A section sign-off given on an older revision than the current one.
    let stale: Bool
    let staleText: String?

    init(_ signoff: GroupSignoff, _ t: Messages, _ dates: DateText) {
        group = signoff.group.name
        kind = signoff.current?.decision.rawValue ?? "pending"
        decision = t["decision_" + kind]
        note = signoff.current?.note
        by = signoff.current?.accountName
        when = signoff.current.map { dates($0.createdAt) }
        stale = signoff.stale
        staleText = signoff.stale ? t.format("signoffStale", ["revision": "\(signoff.current?.revision ?? 0)"]) : nil
    }
}

/// The board of the latest draft: one row per group.
struct DraftBoard {
    let title: String
    let href: String
    let rows: [DecisionCell]
}

/// The section sign-offs: one row per section that has any, one cell per group.
struct SectionBoardRow {
    let number: String
    let heading: String
    let href: String
    let cells: [DecisionCell]
}
