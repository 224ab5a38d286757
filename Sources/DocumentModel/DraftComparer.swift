import DiffEngine

/// Compares two drafts section by section: which sections were added, removed, moved, renamed or changed.
enum DraftComparer {
    /// - Parameter body: loads a section's body at a revision; called only for sections whose revision differs.
    static func compare(
        from: Int, _ before: [DraftSection], to: Int, _ after: [DraftSection], body: (Int64, Int) throws -> String
    ) rethrows -> DraftComparison {
        let beforeByID = Dictionary(uniqueKeysWithValues: before.map { ($0.sectionID, $0) })
        let afterIDs = Set(after.map(\.sectionID))
        let moved = movedSections(before, after)
        var sections: [SectionComparison] = []
        for new in after {
            guard let old = beforeByID[new.sectionID] else {
                sections.append(SectionComparison(sectionID: new.sectionID, changes: [.added], before: nil, after: new))
                continue
            }
            var changes: [SectionComparison.Change] = []
            if moved.contains(new.sectionID) { changes.append(.moved) }
            if old.heading != new.heading { changes.append(.renamed) }
            var diff: ProseDiff?
            // A revision is immutable, so the same number means the same text.
            if old.revision != new.revision {
                let oldBody = try body(old.sectionID, old.revision), newBody = try body(new.sectionID, new.revision)
                if oldBody != newBody {
                    changes.append(.changed)
                    diff = ProseDiff(before: oldBody, after: newBody)
                }
            }
            if changes.isEmpty { changes = [.unchanged] }
            sections.append(SectionComparison(sectionID: new.sectionID, changes: changes, before: old, after: new, diff: diff))
        }
        for old in before where !afterIDs.contains(old.sectionID) {
            sections.append(SectionComparison(sectionID: old.sectionID, changes: [.removed], before: old, after: nil))
        }
        return DraftComparison(from: from, to: to, sections: sections)
    }

    /// Sections under a new parent, or out of order among the siblings they kept: a section inserted or removed
    /// before another shifts its position without moving it, so order is compared on the common siblings only
    /// (the longest common subsequence stays, the rest moved).
    static func movedSections(_ before: [DraftSection], _ after: [DraftSection]) -> Set<Int64> {
        let beforeParent = Dictionary(uniqueKeysWithValues: before.map { ($0.sectionID, $0.parentID) })
        var moved: Set<Int64> = []
        var beforeChildren: [Int64?: [DraftSection]] = [:]
        for section in before { beforeChildren[section.parentID, default: []].append(section) }
        var afterChildren: [Int64?: [DraftSection]] = [:]
        for section in after {
            guard let oldParent = beforeParent[section.sectionID] else { continue }
            if oldParent != section.parentID { moved.insert(section.sectionID) } else {
                afterChildren[section.parentID, default: []].append(section)
            }
        }
        for (parent, children) in afterChildren {
            let kept = Set(children.map(\.sectionID))
            let oldOrder = (beforeChildren[parent] ?? []).sorted { $0.position < $1.position }.map(\.sectionID).filter(kept.contains)
            let newOrder = children.sorted { $0.position < $1.position }.map(\.sectionID)
            for case .insert(_, let id, _) in newOrder.difference(from: oldOrder) { moved.insert(id) }
        }
        return moved
    }
}
