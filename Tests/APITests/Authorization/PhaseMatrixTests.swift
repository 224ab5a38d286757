import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import API
@testable import DocumentModel

/// Every `StrategyAction` × every kind of caller × every phase, against the third table in docs/RELIABILITY.md:
/// the table is the specification, written out by hand. One test asks the access policy itself for every cell;
/// two more send every operation of the API and every page and form of a strategy, in a strategy of each phase,
/// as each caller, and hold the answers to the cell of the action the operation takes. A rule changed in the
/// policy, or an entry point that asks for a different action than its row, fails here.
/// Set PRINT_PHASE_MATRIX=1 to print the table the policy answers (to review, never to paste blindly).
@Suite struct PhaseMatrixTests {
    /// The table's columns: authentication first (no account), then outside the strategy, each role, an admin who
    /// is not a member.
    static let callers = ["anonymous", "non-member", "observer", "member", "signatory", "facilitator", "admin"]

    struct Row: Sendable {
        let action: StrategyAction
        let phase: Phase
        let expected: [String]
    }

    /// The rows between the `phase-matrix` markers: `` | `action` | phase | cell | … | ``.
    static func table() throws -> [Row] {
        let text = try String(contentsOf: AuthorizationMatrixTests.documentURL, encoding: .utf8)
        guard let start = text.range(of: "<!-- phase-matrix:start -->"), let end = text.range(of: "<!-- phase-matrix:end -->") else {
            return []
        }
        return try text[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == callers.count + 2, cells[0].hasPrefix("`") else { return nil }
            let name = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            guard let action = StrategyAction(rawValue: name), let phase = Phase(rawValue: cells[1]) else {
                throw TableError(line: String(line))
            }
            return Row(action: action, phase: phase, expected: Array(cells.dropFirst(2)))
        }
    }

    struct TableError: Error, CustomStringConvertible {
        let line: String
        var description: String { "not an action and a phase: \(line)" }
    }

    /// The expected answer of the table for `action` in `phase` as `caller`: `yes`, or the status of the refusal.
    static func cell(_ action: StrategyAction, _ phase: Phase, _ caller: String) throws -> String {
        let rows = try table().filter { $0.action == action && $0.phase == phase }
        guard rows.count == 1, let index = callers.firstIndex(of: caller) else { return "no row" }
        return rows[0].expected[index]
    }

    /// What the access policy answers: authentication (401) comes before it, so `anonymous` never reaches it.
    static func policy(_ action: StrategyAction, _ phase: Phase, _ caller: String) -> String {
        guard caller != "anonymous" else { return "401" }
        let account = Account(id: 7, name: caller, admin: caller == "admin", createdAt: Date())
        let strategy = Strategy(id: 3, title: "A strategy", summary: "", phase: phase, groups: [], createdAt: Date())
        let membership = Role(rawValue: caller).map { role in
            Membership(strategyID: 3, accountID: 7, accountName: caller, role: role, group: role.requiresGroup ? "government" : nil)
        }
        do {
            _ = try AccessPolicy.check(account: account, strategy: strategy, membership: membership, action: action)
            return "yes"
        } catch DocumentModelError.notFound {
            return "404"
        } catch DocumentModelError.forbidden {
            return "403"
        } catch DocumentModelError.phaseForbids {
            return "409"
        } catch {
            return "\(error)"
        }
    }

    @Test func theTableIsThePolicy() throws {
        let rows = try Self.table()
        let cells = StrategyAction.allCases.flatMap { action in Phase.allCases.map { (action, $0) } }
        if ProcessInfo.processInfo.environment["PRINT_PHASE_MATRIX"] != nil {
            for (action, phase) in cells {
                print(
                    "| `\(action.rawValue)` | \(phase.rawValue) | " + Self.callers.map { Self.policy(action, phase, $0) }.joined(separator: " | ")
                        + " |")
            }
        }
        #expect(rows.count == cells.count)
        for (action, phase) in cells {
            let matching = rows.filter { $0.action == action && $0.phase == phase }
            #expect(matching.count == 1, "the table has \(matching.count) rows for \(action.rawValue) in \(phase.rawValue)")
            guard let row = matching.first else { continue }
            for (index, caller) in Self.callers.enumerated() {
                let observed = Self.policy(action, phase, caller)
                #expect(observed == row.expected[index], "\(action.rawValue) in \(phase.rawValue) as \(caller): the policy says \(observed)")
            }
        }
    }

    // MARK: - Every entry point of a strategy, in every phase

    /// The action each operation of the API under `/strategies/{strategy}` asks the policy for.
    static let operations: [String: StrategyAction] = [
        "GET /strategies/{strategy}": .read,
        "PATCH /strategies/{strategy}": .editStrategy,
        "GET /strategies/{strategy}/members": .read,
        "PUT /strategies/{strategy}/members/{account}": .manageMembers,
        "DELETE /strategies/{strategy}/members/{account}": .manageMembers,
        "GET /strategies/{strategy}/sections": .read,
        "POST /strategies/{strategy}/sections": .editSections,
        "GET /strategies/{strategy}/sections/{section}": .read,
        "PUT /strategies/{strategy}/sections/{section}": .editSections,
        "PATCH /strategies/{strategy}/sections/{section}": .editSections,
        "DELETE /strategies/{strategy}/sections/{section}": .editSections,
        "GET /strategies/{strategy}/sections/{section}/revisions": .read,
        "GET /strategies/{strategy}/sections/{section}/revisions/{revision}": .read,
        "GET /strategies/{strategy}/sections/{section}/diff": .read,
        "GET /strategies/{strategy}/sections/{section}/amendments": .read,
        "POST /strategies/{strategy}/sections/{section}/amendments": .proposeAmendment,
        "GET /strategies/{strategy}/amendments": .read,
        "GET /strategies/{strategy}/amendments/{amendment}": .read,
        "GET /strategies/{strategy}/amendments/{amendment}/collisions": .read,
        "POST /strategies/{strategy}/amendments/{amendment}/support": .supportAmendment,
        "POST /strategies/{strategy}/amendments/{amendment}/withdraw": .withdrawAmendment,
        "POST /strategies/{strategy}/amendments/{amendment}/reject": .decideAmendment,
        "POST /strategies/{strategy}/amendments/{amendment}/accept": .decideAmendment,
        "GET /strategies/{strategy}/drafts": .read,
        "POST /strategies/{strategy}/drafts": .cutDraft,
        "GET /strategies/{strategy}/drafts/{draft}": .read,
        "GET /strategies/{strategy}/drafts/{draft}/compare/{other}": .read,
        "GET /strategies/{strategy}/comments": .read,
        "POST /strategies/{strategy}/comments": .comment,
        "GET /strategies/{strategy}/comments/matrix": .readCommentMatrix,
        "GET /strategies/{strategy}/comments/{comment}": .read,
        "POST /strategies/{strategy}/comments/{comment}/replies": .comment,
        "POST /strategies/{strategy}/comments/{comment}/resolve": .resolveComment,
        "POST /strategies/{strategy}/sections/{section}/apply-suggestions": .resolveComment,
        "GET /strategies/{strategy}/drafts/{draft}/signoffs": .read,
        "POST /strategies/{strategy}/drafts/{draft}/signoffs": .signOff,
        "GET /strategies/{strategy}/sections/{section}/signoffs": .read,
        "POST /strategies/{strategy}/sections/{section}/signoffs": .signOff,
        "POST /strategies/{strategy}/adopt": .adopt,
        "GET /strategies/{strategy}/export": .read,
        "GET /strategies/{strategy}/activity": .read,
        "GET /strategies/{strategy}/activity/verify": .read,
        "GET /strategies/{strategy}/events": .read,
        "GET /strategies/{strategy}/publication": .read,
        "POST /strategies/{strategy}/publication": .publish,
        "DELETE /strategies/{strategy}/publication": .publish,
        "GET /strategies/{strategy}/translations": .read,
        "GET /strategies/{strategy}/sections/{section}/translation": .read,
        "PUT /strategies/{strategy}/sections/{section}/translation": .translate,
        "GET /strategies/{strategy}/translations/{lang}/xliff": .read,
        "GET /strategies/{strategy}/sections/{section}/translation/revisions": .read,
        "POST /strategies/{strategy}/translations/{lang}/xliff": .translate,
    ]

    /// The action each page and form of a strategy asks the policy for.
    static let routes: [String: StrategyAction] = [
        "GET /app/strategies/{strategy}": .read,
        "GET /app/strategies/{strategy}/activity": .read,
        "GET /app/strategies/{strategy}/board": .read,
        "GET /app/strategies/{strategy}/amendments/{amendment}": .read,
        "POST /app/strategies/{strategy}/amendments/{amendment}/accept": .decideAmendment,
        "POST /app/strategies/{strategy}/amendments/{amendment}/reject": .decideAmendment,
        "POST /app/strategies/{strategy}/amendments/{amendment}/support": .supportAmendment,
        "POST /app/strategies/{strategy}/amendments/{amendment}/withdraw": .withdrawAmendment,
        "GET /app/strategies/{strategy}/comments/{comment}": .read,
        "POST /app/strategies/{strategy}/comments/{comment}/disposition": .resolveComment,
        "POST /app/strategies/{strategy}/comments/{comment}/replies": .comment,
        "GET /app/strategies/{strategy}/desk": .viewDesk,
        "GET /app/strategies/{strategy}/desk/comments.csv": .readCommentMatrix,
        "GET /app/strategies/{strategy}/desk/counts": .viewDesk,
        "GET /app/strategies/{strategy}/drafts": .read,
        "POST /app/strategies/{strategy}/drafts": .cutDraft,
        "GET /app/strategies/{strategy}/drafts/compare": .read,
        "GET /app/strategies/{strategy}/drafts/{draft}": .read,
        "POST /app/strategies/{strategy}/drafts/{draft}/adopt": .adopt,
        "GET /app/strategies/{strategy}/drafts/{draft}/compare/{to}": .read,
        "POST /app/strategies/{strategy}/drafts/{draft}/signoffs": .signOff,
        "GET /app/strategies/{strategy}/events": .read,
        "GET /app/strategies/{strategy}/export": .read,
        "GET /app/strategies/{strategy}/members": .read,
        "POST /app/strategies/{strategy}/members": .manageMembers,
        "POST /app/strategies/{strategy}/members/{account}": .manageMembers,
        "POST /app/strategies/{strategy}/members/{account}/remove": .manageMembers,
        "GET /app/strategies/{strategy}/outline": .editSections,
        "POST /app/strategies/{strategy}/outline": .editSections,
        "POST /app/strategies/{strategy}/outline/{section}/rename": .editSections,
        "POST /app/strategies/{strategy}/outline/{section}/move": .editSections,
        "POST /app/strategies/{strategy}/outline/{section}/remove": .editSections,
        "GET /app/strategies/{strategy}/participation": .viewParticipation,
        "GET /app/strategies/{strategy}/phase": .editStrategy,
        "POST /app/strategies/{strategy}/phase": .editStrategy,
        "POST /app/strategies/{strategy}/publication": .publish,
        "POST /app/strategies/{strategy}/publication/delete": .publish,
        "GET /app/strategies/{strategy}/sections/{section}": .read,
        "GET /app/strategies/{strategy}/sections/{section}/amendments/new": .proposeAmendment,
        "POST /app/strategies/{strategy}/sections/{section}/amendments/new": .proposeAmendment,
        "POST /app/strategies/{strategy}/sections/{section}/comments": .comment,
        "GET /app/strategies/{strategy}/sections/{section}/edit": .editSections,
        "POST /app/strategies/{strategy}/sections/{section}/edit": .editSections,
        "GET /app/strategies/{strategy}/sections/{section}/lists": .read,
        "GET /app/strategies/{strategy}/sections/{section}/revisions/{revision}": .read,
        "POST /app/strategies/{strategy}/sections/{section}/signoffs": .signOff,
        "POST /app/strategies/{strategy}/sections/{section}/suggestions": .resolveComment,
        "GET /app/strategies/{strategy}/sections/{section}/translate": .translate,
        "POST /app/strategies/{strategy}/sections/{section}/translate": .translate,
        "GET /app/strategies/{strategy}/translations/{lang}": .read,
        "GET /app/strategies/{strategy}/translations/{lang}/xliff": .read,
        "POST /app/strategies/{strategy}/translations/{lang}/xliff": .translate,
        "GET /app/strategies/{strategy}/languages": .editStrategy,
        "POST /app/strategies/{strategy}/languages": .editStrategy,
    ]

    /// Where the object an operation is about exists only in some phases: a strategy has a publication only once it
    /// is adopted and published, so reading it elsewhere is 404 whoever asks.
    static let onlyIn: [String: Set<Phase>] = ["GET /strategies/{strategy}/publication": [.adopted]]

    @Test func everyOperationAndRouteOfAStrategyHasItsAction() throws {
        let documented = try OpenAPIConformanceTests.documentedOperations().filter { $0.contains(" /strategies/{strategy}") }
        #expect(documented == Set(Self.operations.keys), "unmapped: \(documented.symmetricDifference(Self.operations.keys).sorted())")
        let pages = try WebAuthorizationMatrixTests.routes().filter { $0.contains(" /app/strategies/{strategy}") }
        #expect(pages == Set(Self.routes.keys), "unmapped: \(pages.symmetricDifference(Self.routes.keys).sorted())")
        // Every action has an entry point that is tried in every phase.
        let tried = Set(Self.operations.values).union(Self.routes.values)
        #expect(tried == Set(StrategyAction.allCases), "never tried: \(Set(StrategyAction.allCases).subtracting(tried))")
    }

    @Test(arguments: PhaseMatrixTests.operations.keys.sorted())
    func everyOperationAnswersAsItsActionsRow(operation: String) async throws {
        let action = try #require(Self.operations[operation])
        let row = AuthorizationMatrixTests.Row(operation: operation, expected: [])
        for phase in Phase.allCases where Self.onlyIn[operation]?.contains(phase) ?? true {
            let answers = try await AuthorizationFixture.answers(of: Self.callers) { caller, fixture, client in
                var request = MatrixRequest(row: row, fixture: fixture)
                request.strategy = fixture.strategy(in: phase)
                request.section = fixture.sectionIDs[request.strategy]!
                if action == .withdrawAmendment { request.amendment = AuthorizationFixture.ownAmendments[caller] ?? 1 }
                let status = try await request.send(as: caller, client: client).status.code
                // A done write changed the world: the next caller gets a world of its own.
                return ((200..<300).contains(status) ? "yes" : String(status), row.method != .get && status < 400)
            }
            for (caller, answer) in zip(Self.callers, answers) {
                let expected = try Self.cell(action, phase, caller)
                #expect(
                    answer == expected, "\(operation) (\(action.rawValue)) in \(phase.rawValue) as \(caller): \(answer), the table says \(expected)")
            }
        }
    }

    @Test(arguments: PhaseMatrixTests.routes.keys.sorted())
    func everyPageAndFormAnswersAsItsActionsRow(route: String) async throws {
        let action = try #require(Self.routes[route])
        let row = AuthorizationMatrixTests.Row(operation: route, expected: [])
        for phase in Phase.allCases {
            let answers = try await AuthorizationFixture.answers(of: Self.callers) { caller, fixture, client in
                var request = WebMatrixRequest(row: row, fixture: fixture)
                request.strategy = fixture.strategy(in: phase)
                if action == .withdrawAmendment { request.amendment = AuthorizationFixture.ownAmendments[caller] ?? 1 }
                let response = try await request.send(as: caller, client: client)
                let status = response.status.code
                // A page is 200 (a comparison picked in a form is a redirect to it); a done form is a redirect on;
                // whoever is not signed in is sent to sign in.
                let toSignIn = status == 303 && response.headers[.location]?.hasPrefix("/app/signin") == true
                let answer = toSignIn ? "401" : status == 200 || status == 303 ? "yes" : String(status)
                return (answer, row.method == .post && answer == "yes")
            }
            for (caller, answer) in zip(Self.callers, answers) {
                let expected = try Self.cell(action, phase, caller)
                #expect(answer == expected, "\(route) (\(action.rawValue)) in \(phase.rawValue) as \(caller): \(answer), the table says \(expected)")
            }
        }
    }
}
