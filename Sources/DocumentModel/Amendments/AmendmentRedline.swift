import DiffEngine

/// What an amendment changes, as its readers compare it: against the revision its author read (what they meant)
/// and against the current text (what accepting it would change now).
public struct AmendmentRedline: Sendable {
    /// A heading's and a body's word diffs.
    public struct Changes: Sendable {
        public let heading: ProseDiff
        public let body: ProseDiff
        public var identical: Bool { heading.isIdentical && body.isIdentical }
    }

    public let amendment: Amendment
    /// The section as it stands now.
    public let current: Section
    public let againstBase: Changes
    public let againstCurrent: Changes

    init(amendment: Amendment, current: Section) {
        self.amendment = amendment
        self.current = current
        againstBase = Changes(
            heading: ProseDiff(before: amendment.baseHeading, after: amendment.heading),
            body: ProseDiff(before: amendment.baseBody, after: amendment.body)
        )
        againstCurrent = Changes(
            heading: ProseDiff(before: current.heading, after: amendment.heading),
            body: ProseDiff(before: current.body, after: amendment.body)
        )
    }
}

extension AppDatabase {
    /// The amendment's two redlines; any member may read them. Large texts are diffed as heavy work.
    public func amendmentRedline(strategyID: Int64, number: Int, for account: Account) async throws -> AmendmentRedline {
        let amendment = try await self.amendment(strategyID: strategyID, number: number, for: account)
        let current = try await section(strategyID: strategyID, id: amendment.sectionID, for: account)
        let size = amendment.baseBody.utf8.count + amendment.body.utf8.count + current.body.utf8.count
        guard size > SectionRedline.heavyBytes else { return AmendmentRedline(amendment: amendment, current: current) }
        return try await heavyWork.run { AmendmentRedline(amendment: amendment, current: current) }
    }
}

extension AppDatabase {
    /// What each amendment's body proposes against the revision its author read, in order: lists and single
    /// amendments alike get their diffs here, as heavy work when the texts are large together.
    public func proposedChanges(_ amendments: [Amendment]) async throws -> [ProseDiff] {
        let size = amendments.reduce(0) { $0 + $1.baseBody.utf8.count + $1.body.utf8.count }
        let diff: @Sendable () -> [ProseDiff] = { amendments.map { ProseDiff(before: $0.baseBody, after: $0.body) } }
        guard size > SectionRedline.heavyBytes else { return diff() }
        return try await heavyWork.run(diff)
    }

    /// What each amendment changes, for a compact redline (the desk): the word diff of the changed stretch only
    /// (`ProseDiff.ofChangedStretch`), so a hundred amendments to long sections cost the paragraphs they touch.
    /// Its offsets cover the stretch; the API's redlines, with offsets into the whole text, are `proposedChanges`.
    public func changedStretches(_ amendments: [Amendment]) async throws -> [ProseDiff] {
        let size = amendments.reduce(0) { $0 + $1.baseBody.utf8.count + $1.body.utf8.count }
        let diff: @Sendable () -> [ProseDiff] = { amendments.map { ProseDiff.ofChangedStretch(before: $0.baseBody, after: $0.body) } }
        guard size > SectionRedline.heavyBytes else { return diff() }
        return try await heavyWork.run(diff)
    }

    /// A word diff of two texts that are not stored yet (the Preview of an amendment, a section new since a
    /// draft), bounded like every other: large texts are diffed as heavy work, off the request threads.
    public func wordDiff(before: String, after: String) async throws -> ProseDiff {
        guard before.utf8.count + after.utf8.count > SectionRedline.heavyBytes else { return ProseDiff(before: before, after: after) }
        return try await heavyWork.run { ProseDiff(before: before, after: after) }
    }
}
