import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// The world every cell of the authorization matrix runs in, a fresh copy for each write so no cell sees another's
/// effect: a strategy in each phase (drafting; consultation; final review with every group's approval of draft 1;
/// adopted and published) and one more in consultation, with the same members, and a principal per column of the
/// matrix. In each, amendment 1 is an industry member's and 2…5 are the member's, the signatory's, the
/// facilitator's and the admin's (`ownAmendments`), comment 1 an industry member's with a suggestion, draft 1 cut.
struct AuthorizationFixture: Sendable {
    /// The matrix's columns, in the order docs/RELIABILITY.md lists them.
    static let principals = [
        "anonymous", "revoked", "non-member", "observer", "member", "other signatory", "signatory", "facilitator", "admin",
    ]

    var database: AppDatabase
    /// Bearer tokens by principal (none for `anonymous`).
    let tokens: [String: String]
    /// The ids a path template's placeholders stand for.
    let consultation: Int64
    let finalReview: Int64
    let adopted: Int64
    /// A strategy whose facilitator is the `facilitator` principal too, and whose ids are never those of the others'
    /// sections: the object-level probes put its ids under the others' addresses.
    let other: Int64
    /// A strategy still in drafting.
    var drafting: Int64 = 0
    let sectionIDs: [Int64: Int64]
    let member: Int64
    let newcomer: Int64
    let spare: Int64
    let spareTokenID: Int64
    /// Session cookies of the browser interface by principal (none for `anonymous`; `revoked` holds a session
    /// that was signed out).
    var sessions: [String: String] = [:]
    /// The published strategy's address (`/public/{slug}`).
    var slug = ""
    /// Each principal's first token's id (the API tokens page revokes one's own).
    var tokenIDs: [String: Int64] = [:]
    /// An account the People page's forms act on: the newcomer has an email and a pending invitation; the former
    /// member was deactivated.
    var former: Int64 = 0

    /// The amendment each principal proposed in every strategy (the others have none of their own).
    static let ownAmendments: [String: Int64] = ["member": 2, "signatory": 3, "facilitator": 4, "admin": 5]

    /// The strategy of the fixture in `phase`.
    func strategy(in phase: Phase) -> Int64 {
        switch phase {
        case .drafting: drafting
        case .consultation: consultation
        case .finalReview: finalReview
        case .adopted: adopted
        }
    }

    /// Built once through the API, then copied: a copy of the file costs far less than thirty requests.
    private static let template = Task { () throws -> (AuthorizationFixture, String) in
        let fixture = try await build()
        let path = temporaryPath()
        try fixture.database.backup(to: path)
        return (fixture, path)
    }

    static func make() async throws -> AuthorizationFixture {
        let (template, templatePath) = try await template.value
        let path = temporaryPath()
        try FileManager.default.copyItem(atPath: templatePath, toPath: path)
        var copy = template
        copy.database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        return copy
    }

    /// Asks each of `callers` in turn through one application, in a world that no done write of an earlier caller
    /// changed: `ask` returns the answer and whether the world changed, and a changed world is replaced by a fresh
    /// copy (and a new application: building one costs far more than a request, so it is built once per world).
    static func answers(
        of callers: [String],
        _ ask: @escaping @Sendable (String, AuthorizationFixture, any TestClientProtocol) async throws -> (answer: String, changed: Bool)
    ) async throws -> [String] {
        var answers: [String] = []
        while answers.count < callers.count {
            let fixture = try await make()
            let app = try buildApplication(database: fixture.database, configuration: APIConfiguration(host: "127.0.0.1", port: 0))
            let pending = Array(callers.dropFirst(answers.count))
            answers += try await app.test(.router) { client in
                var given: [String] = []
                for caller in pending {
                    let (answer, changed) = try await ask(caller, fixture, client)
                    given.append(answer)
                    if changed { break }
                }
                return given
            }
        }
        return answers
    }

    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("authorization-\(UUID().uuidString).sqlite").path
    }

    private static func build() async throws -> AuthorizationFixture {
        let database = try AppDatabase.inMemory(passwords: PasswordHasher(cost: 4))
        var accounts: [String: Account] = [:]
        var tokens: [String: String] = [:]
        let people = [
            "revoked", "non-member", "observer", "member", "other signatory", "signatory", "facilitator", "admin",
            "industry member", "industry signatory", "spare", "newcomer", "former",
        ]
        var tokenIDs: [String: Int64] = [:]
        for name in people {
            let (account, token) = try await database.createAccount(name: name.capitalized, admin: name == "admin", by: .commandLine)
            accounts[name] = account
            tokens[name] = token.token
            tokenIDs[name] = token.id
            if name == "revoked" {
                try await database.revokeToken(accountID: account.id, tokenID: token.id, by: .commandLine)
            }
        }
        // A second token of the member's, which the revocation row revokes (the member keeps signing in with the first).
        let spareToken = try await database.issueToken(accountID: accounts["member"]!.id, by: .commandLine)
        let admin = accounts["admin"]!
        _ = try await database.invite(accountID: accounts["newcomer"]!.id, email: "newcomer@matrix.example", by: .commandLine)
        try await database.deactivate(accountID: accounts["former"]!.id, by: admin)
        let memberships: [(String, Role, String?)] = [
            ("facilitator", .facilitator, nil), ("observer", .observer, nil), ("member", .member, "government"),
            ("signatory", .signatory, "government"), ("other signatory", .signatory, "civil-society"),
            ("industry member", .member, "industry"), ("industry signatory", .signatory, "industry"),
            ("spare", .member, "government"),
        ]
        var strategies: [Int64] = []
        var sections: [Int64: Int64] = [:]
        for title in ["In consultation", "In final review", "Adopted", "Another strategy", "In drafting"] {
            let strategy = try await database.createStrategy(NewStrategy(title: title, summary: "", translations: ["sq"]), by: admin)
            for (name, role, group) in memberships {
                _ = try await database.setMember(strategyID: strategy.id, accountID: accounts[name]!.id, role: role, group: group, by: admin)
            }
            let section = try await database.createSection(
                strategyID: strategy.id, NewSection(heading: "Introduction", body: "Children go online early."),
                by: accounts["facilitator"]!
            )
            strategies.append(strategy.id)
            sections[strategy.id] = section.id
        }
        var fixture = AuthorizationFixture(
            database: database, tokens: tokens, consultation: strategies[0], finalReview: strategies[1], adopted: strategies[2],
            other: strategies[3], sectionIDs: sections, member: accounts["member"]!.id, newcomer: accounts["newcomer"]!.id,
            spare: accounts["spare"]!.id, spareTokenID: spareToken.id
        )
        fixture.drafting = strategies[4]
        fixture.tokenIDs = tokenIDs
        fixture.former = accounts["former"]!.id
        try await fixture.advance()
        var signedIn = fixture
        signedIn.sessions = try await Self.signIn(people: Array(people.prefix(8)), accounts: accounts, database: database)
        signedIn.slug = try database.publication(strategyID: fixture.adopted, for: admin)?.slug ?? ""
        return signedIn
    }

    /// Through the API, as people would: amendments, a comment with a suggestion and a draft in each strategy; the
    /// phases moved on (but one's); every group's approval of draft 1 in final review; the adopted one adopted and
    /// published.
    private func advance() async throws {
        try await buildApplication(database: database, configuration: APIConfiguration(host: "127.0.0.1", port: 0)).test(.router) { client in
            for strategy in [consultation, finalReview, adopted, other, drafting] {
                let base = "/strategies/\(strategy)"
                let section = sectionIDs[strategy]!
                try await expect(
                    client.send(
                        .post, "\(base)/sections/\(section)/amendments", as: tokens["industry member"],
                        json: #"{"baseRevision":1,"body":"Children go online very early.","rationale":"Stronger"}"#
                    ), .created
                )
                for (who, number) in Self.ownAmendments.sorted(by: { $0.value < $1.value }) {
                    try await expect(
                        client.send(
                            .post, "\(base)/sections/\(section)/amendments", as: tokens[who],
                            json: #"{"baseRevision":1,"body":"Children go online early, says amendment \#(number).","rationale":"Mine"}"#
                        ), .created
                    )
                }
                try await expect(
                    client.send(
                        .post, "\(base)/comments", as: tokens["industry member"],
                        json:
                            #"{"section":\#(section),"revision":1,"anchor":{"start":0,"end":8},"body":"Which children?","kind":"editorial","suggestion":"Young children"}"#
                    ), .created
                )
                try await expect(client.send(.post, "\(base)/drafts", as: tokens["facilitator"], json: #"{"title":"First draft"}"#), .created)
                guard strategy != drafting else { continue }
                try await expect(client.send(.patch, base, as: tokens["facilitator"], json: #"{"phase":"consultation"}"#), .ok)
            }
            for strategy in [finalReview, adopted] {
                let base = "/strategies/\(strategy)"
                try await expect(client.send(.patch, base, as: tokens["facilitator"], json: #"{"phase":"final-review"}"#), .ok)
                for (who, group) in [("signatory", "government"), ("other signatory", "civil-society"), ("industry signatory", "industry")] {
                    try await expect(
                        client.send(
                            .post, "\(base)/drafts/1/signoffs", as: tokens[who], json: #"{"decision":"approve","group":"\#(group)"}"#
                        ), .created
                    )
                }
            }
            try await expect(client.send(.post, "/strategies/\(adopted)/adopt", as: tokens["facilitator"], json: #"{"draft":1}"#), .ok)
            try await expect(client.send(.post, "/strategies/\(adopted)/publication", as: tokens["facilitator"]), .created)
        }
    }

    /// A browser session for each principal, through an email and a password as people sign in; the revoked
    /// principal signs out again, so its cookie names a session that has ended.
    private static func signIn(people: [String], accounts: [String: Account], database: AppDatabase) async throws -> [String: String] {
        let password = "tall ships sail at dawn"
        var sessions: [String: String] = [:]
        for name in people {
            let email = name.replacingOccurrences(of: " ", with: ".") + "@matrix.example"
            _ = try await database.invite(accountID: accounts[name]!.id, email: email, by: .commandLine)
            try await database.setPassword(accountID: accounts[name]!.id, NewPassword(password: password, repeated: password), by: .commandLine)
            guard let signedIn = try await database.signIn(email: email, password: password) else { throw FixtureError(detail: "sign-in of \(name)") }
            sessions[name] = signedIn.sessionToken
            if name == "revoked" { try await database.endSession(token: signedIn.sessionToken) }
        }
        return sessions
    }

    private func expect(_ response: TestResponse, _ status: HTTPResponse.Status) throws {
        if response.status != status {
            throw FixtureError(detail: "\(response.status.code): \(String(buffer: response.body))")
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var detail: String
        var description: String { "the fixture could not be built: \(detail)" }
    }
}
