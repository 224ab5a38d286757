import Foundation
import Testing

@testable import DocumentModel

/// A comment is disposed of once: the check before the write is not enough when two facilitators (or one
/// double-clicking) dispose of it at the same moment, so the write checks again inside its transaction.
@Suite struct CommentRuleTests {
    @Test func simultaneousDispositionsResolveACommentOnce() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("Scope", body: "Children under 18.")
        let comment = try await store.database.postComment(
            strategyID: store.strategy.id,
            NewComment(target: .section(id: section.id, revision: 1, anchor: 0..<8), kind: .editorial, body: "Which?", suggestion: nil),
            by: store.member
        )
        let (database, strategyID, facilitator) = (store.database, store.strategy.id, store.facilitator)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let resolution = CommentResolution(
                        disposition: index.isMultiple(of: 2) ? .noted : .rejected, response: "Answer \(index)", applySuggestion: false
                    )
                    return (try? await database.resolveComment(strategyID: strategyID, number: comment.number, resolution, by: facilitator)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1, "\(outcomes.filter { $0 }.count) of 8 simultaneous dispositions were taken")
        let entries = try await store.database.activity(strategyID: strategyID, after: nil, limit: 100).items
        #expect(entries.filter { $0.action == "comment.resolved" }.count == 1)
    }
}
