import Foundation
import GRDB

/// The outline as a facilitator shapes it in the browser: one step at a time, and a new heading alone. Each is
/// the same write as the API's move and edit, with its revision and activity entry.
extension AppDatabase {
    /// Moves a section one step (`OutlineStep`), worked out against the tree as it is inside the write, so two
    /// people moving sections at once never move one to a place that no longer exists.
    public func moveSection(
        strategyID: Int64, id: Int64, ifMatch: RevisionMatch, step: OutlineStep, by account: Account
    ) async throws
        -> Section
    {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
            guard let move = step.move(of: id, in: try Self.liveOutline(db, strategyID: strategyID)) else {
                _ = try Self.loadSection(db, strategyID: strategyID, id: id)
                throw DocumentModelError.conflict("the section cannot move \(step.rawValue) from where it is")
            }
            return try Self.move(db, access: access, strategyID: strategyID, id: id, ifMatch: ifMatch, move: move, message: nil)
        }
    }

    /// Gives a section a new heading and keeps its text: an edit of the heading alone, refused (412) when the
    /// section has changed since `ifMatch`.
    public func renameSection(
        strategyID: Int64, id: Int64, ifMatch: RevisionMatch, heading: String, by account: Account
    ) async throws
        -> Section
    {
        let section = try await self.section(strategyID: strategyID, id: id, for: account)
        return try await updateSection(
            strategyID: strategyID, id: id, ifMatch: ifMatch, heading: heading, body: section.body, message: nil, by: account
        )
    }
}
