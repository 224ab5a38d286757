import DiffEngine

/// Compares two drafts section by section: which sections were added, removed, moved, renamed or changed.
enum DraftComparer {
    /// - Parameter body: loads a section's body at a revision; called only for sections whose revision differs.
    /// - Parameter comparingLoadedBodies: the sections carry their texts (a draft in a translation, where the same
    ///   source revision may have another text in each draft): those are compared, whatever the revisions.
    static func compare(
        from: Int, _ before: [DraftSection], to: Int, _ after: [DraftSection], comparingLoadedBodies: Bool = false,
        body: (Int64, Int) throws -> String
    ) rethrows -> DraftComparison {
        let beforeByID = Dictionary(uniqueKeysWithValues: before.map { ($0.sectionID, $0) })
        let afterIDs = Set(after.map(\.sectionID))
        let moved = movedSections(before, after)
        // Bodies are read first (the database connection is not shared), then diffed.
        var pairs: [(index: Int, before: String, after: String)] = []
        var sections: [SectionComparison] = []
        for new in after {
            guard let old = beforeByID[new.sectionID] else {
                sections.append(SectionComparison(sectionID: new.sectionID, changes: [.added], before: nil, after: new))
                continue
            }
            var changes: [SectionComparison.Change] = []
            if moved.contains(new.sectionID) { changes.append(.moved) }
            if old.heading != new.heading { changes.append(.renamed) }
            // A revision is immutable, so the same number means the same text (not so in a translation).
            if comparingLoadedBodies || old.revision != new.revision {
                let oldBody = try comparingLoadedBodies ? old.body ?? "" : body(old.sectionID, old.revision)
                let newBody = try comparingLoadedBodies ? new.body ?? "" : body(new.sectionID, new.revision)
                if oldBody != newBody {
                    changes.append(.changed)
                    pairs.append((sections.count, oldBody, newBody))
                }
            }
            if changes.isEmpty { changes = [.unchanged] }
            sections.append(SectionComparison(sectionID: new.sectionID, changes: changes, before: old, after: new))
        }
        for old in before where !afterIDs.contains(old.sectionID) {
            sections.append(SectionComparison(sectionID: old.sectionID, changes: [.removed], before: old, after: nil))
        }
        for (pair, diff) in zip(pairs, diffs(pairs.map { ($0.before, $0.after) })) { sections[pair.index].diff = diff }
        return DraftComparison(from: from, to: to, sections: sections)
    }

    private struct Pair: Sendable {
        var before: String
        var after: String
    }

    /// Word diffs of independent sections; a large comparison spreads them over the machine's cores.
    static func diffs(_ pairs: [(before: String, after: String)]) -> [ProseDiff] {
        let bytes = pairs.reduce(0) { $0 + $1.before.utf8.count + $1.after.utf8.count }
        return pairs.map { Pair(before: $0.before, after: $0.after) }.parallelMap(worthIt: bytes > 64 * 1024) {
            ProseDiff(before: $0.before, after: $0.after)
        }
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
            if oldParent != section.parentID {
                moved.insert(section.sectionID)
            } else {
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
