extension AppDatabase {
    /// Where accepting an open amendment would conflict with the current text, read without writing: what a
    /// facilitator resolves before accepting again, against `revision` (the section's current revision).
    public func mergeConflicts(strategyID: Int64, number: Int, for account: Account) async throws -> (revision: Int, conflicts: [MergeConflict]) {
        let amendment = try await self.amendment(strategyID: strategyID, number: number, for: account)
        let current = try await section(strategyID: strategyID, id: amendment.sectionID, for: account)
        let merge = try await boundedMerge(
            base: SectionText(heading: amendment.baseHeading, body: amendment.baseBody),
            current: SectionText(heading: current.heading, body: current.body),
            proposed: SectionText(heading: amendment.heading, body: amendment.body)
        )
        return (current.revision, merge.conflicts)
    }
}
