import DocumentModel

/// Names what an activity entry is about as people know it — "3.2 Parents and teachers", "Amendment 4", a
/// member's name — with a link where it has a page, instead of the log's own reference (`section/15`).
struct ActivitySubjects {
    struct Named {
        let text: String
        let href: String?
    }

    let strategyID: Int64
    let sections: [Int64: SectionOutline]
    let people: [Int64: String]
    let t: Messages

    init(strategyID: Int64, outline: [SectionOutline], members: [Membership], messages: Messages) {
        self.strategyID = strategyID
        sections = Dictionary(outline.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        people = Dictionary(members.map { ($0.accountID, $0.accountName) }, uniquingKeysWith: { first, _ in first })
        t = messages
    }

    func name(_ subject: String) -> Named {
        let parts = subject.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[1]) else { return Named(text: subject, href: nil) }
        let number = ["number": String(id)]
        switch parts[0] {
        case "section":
            guard let section = sections[id] else { return Named(text: t["activitySubjectRemovedSection"], href: nil) }
            return Named(text: "\(section.number) \(section.heading)", href: Links.section(strategyID, id))
        case "amendment": return Named(text: t.format("activitySubjectAmendment", number), href: Links.amendment(strategyID, Int(id)))
        case "comment": return Named(text: t.format("activitySubjectComment", number), href: Links.comment(strategyID, Int(id)))
        case "draft": return Named(text: t.format("activitySubjectDraft", number), href: Links.draft(strategyID, Int(id)))
        case "strategy": return Named(text: t["activitySubjectStrategy"], href: Links.strategy(strategyID))
        case "account": return Named(text: people[id] ?? t["activitySubjectPerson"], href: nil)
        default: return Named(text: subject, href: nil)
        }
    }
}
