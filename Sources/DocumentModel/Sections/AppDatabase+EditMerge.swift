/// Two edits of one section made from the same revision, merged: what a direct edit becomes when someone else
/// saved first.
public struct EditMerge: Sendable {
    /// The section's revision now, which the merged text is to be saved against.
    public let revision: Int
    /// The merged heading and text, when no passage was changed differently by both.
    public let heading: String?
    public let body: String?
    public let conflicts: [MergeConflict]
}

extension AppDatabase {
    /// A three-way merge that writes nothing (an edit's preview, an accept's conflicts to resolve), bounded as every
    /// diff is: texts above `SectionRedline.heavyBytes` together merge as heavy work, off the request threads.
    func boundedMerge(base: SectionText, current: SectionText, proposed: SectionText) async throws -> AmendmentMerge {
        let merge: @Sendable () -> AmendmentMerge = { AmendmentMerge(base: base, current: current, proposed: proposed, withFootprint: false) }
        guard base.body.utf8.count + current.body.utf8.count + proposed.body.utf8.count > SectionRedline.heavyBytes else { return merge() }
        return try await heavyWork.run(merge)
    }

    /// Merges an edit made from revision `startedFrom` into the section's current text, three ways (the same
    /// word-level merge as an amendment's accept), without writing: the editor shows the result to save, or the
    /// passages both changed.
    public func mergeEdit(
        strategyID: Int64, sectionID: Int64, startedFrom: Int, heading: String, body: String, for account: Account
    ) async throws -> EditMerge {
        let started = try await revision(strategyID: strategyID, sectionID: sectionID, number: startedFrom, for: account)
        let current = try await section(strategyID: strategyID, id: sectionID, for: account)
        let merge = try await boundedMerge(
            base: SectionText(heading: started.heading, body: started.body),
            current: SectionText(heading: current.heading, body: current.body), proposed: SectionText(heading: heading, body: body)
        )
        return EditMerge(revision: current.revision, heading: merge.merged?.heading, body: merge.merged?.body, conflicts: merge.conflicts)
    }
}
