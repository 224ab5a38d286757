import API
import ArgumentParser
import DocumentModel
import Foundation

/// `strategy demo`: a realistic sample strategy with an account per role and group, then the service.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the sample strategy from fixtures/demo, print an account token per group, and serve."
    )
    static let defaultPath = "strategy-demo.sqlite"

    @Option(help: "Demo database file; the default one is recreated on each run, another must be new or empty.")
    var database = DemoCommand.defaultPath
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(help: "The strategy fixture to load (default: fixtures/demo/strategy.json of this checkout).")
    var fixture: String?
    @Flag(help: "Load the demo and print the tokens, but do not serve.") var noServe = false

    func run() async throws {
        if noServe {
            _ = try await Self.load(databasePath: database, fixturePath: fixture)
        } else {
            try await Self.runDemo(
                databasePath: database, configuration: APIConfiguration(host: host, port: port, publicURL: "http://\(host):\(port)"),
                publicURLGiven: false, fixturePath: fixture
            )
        }
    }

    static func runDemo(
        databasePath: String, configuration: APIConfiguration, publicURLGiven: Bool, fixturePath: String? = nil
    ) async throws {
        // Before the database opens: the write batcher's and the feed's metrics are made when it does, and a
        // metric made before the registry is set up reports nowhere.
        ServiceMetrics.bootstrapOnce()
        let database = try await load(
            databasePath: databasePath, fixturePath: fixturePath, host: configuration.host, port: configuration.port
        )
        try await ServeCommand.serve(
            databasePath: databasePath, configuration: configuration, publicURLGiven: publicURLGiven, database: database
        )
    }

    /// Creates the demo data and prints the accounts' tokens and a few curl lines.
    static func load(
        databasePath: String, fixturePath: String?, host: String = "127.0.0.1", port: Int = 8080
    ) async throws -> AppDatabase {
        let fixture = try DemoFixture.load(path: fixturePath)
        if databasePath == defaultPath {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
        }
        let database = try AppDatabase.open(path: databasePath)
        guard try await database.accounts(after: nil, limit: 1).items.isEmpty else {
            throw ValidationError("\(databasePath) already holds data; give the demo a new --database file")
        }
        let (admin, adminToken) = try await database.createAccount(
            name: "Demo administrator", admin: true, email: email("admin"), by: .commandLine
        )
        let translations = try DemoTranslations.load(next: fixtureURL(fixturePath))
        let strategy = try await database.createStrategy(
            NewStrategy(title: fixture.title, summary: fixture.summary, language: "en", translations: translations?.languages), by: admin
        )
        var tokens: [(String, String)] = [("admin", adminToken.token)]
        var accounts: [(String, Int64)] = [("admin", admin.id)]

        let (facilitator, facilitatorToken) = try await database.createAccount(
            name: "Arta Krasniqi (ICSS)", admin: false, email: email("facilitator"), by: .commandLine
        )
        _ = try await database.setMember(strategyID: strategy.id, accountID: facilitator.id, role: .facilitator, group: nil, by: admin)
        tokens.append(("facilitator", facilitatorToken.token))
        accounts.append(("facilitator", facilitator.id))
        let people: [String: (member: String, signatory: String)] = [
            "government": ("Besnik Gashi", "Drita Hoxha"),
            "civil-society": ("Liridona Berisha", "Valon Morina"),
            "industry": ("Florent Shala", "Teuta Rexhepi"),
        ]
        for group in strategy.groups {
            let names = people[group.key] ?? ("\(group.name) member", "\(group.name) signatory")
            for (role, name) in [(Role.member, names.member), (Role.signatory, names.signatory)] {
                let who = "\(group.key) \(role.rawValue)"
                let (account, token) = try await database.createAccount(name: name, admin: false, email: email(who), by: .commandLine)
                _ = try await database.setMember(strategyID: strategy.id, accountID: account.id, role: role, group: group.key, by: admin)
                tokens.append((who, token.token))
                accounts.append((who, account.id))
            }
        }
        let (observer, observerToken) = try await database.createAccount(
            name: "Regional observer", admin: false, email: email("observer"), by: .commandLine
        )
        _ = try await database.setMember(strategyID: strategy.id, accountID: observer.id, role: .observer, group: nil, by: admin)
        tokens.append(("observer", observerToken.token))
        accounts.append(("observer", observer.id))
        var translator: Account?
        if let serbian = translations?.languages.first(where: { $0.hasPrefix("sr") }) {
            let (account, token) = try await database.createAccount(
                name: "Jelena Petrović (translator)", admin: false, email: email("translator"), by: .commandLine
            )
            _ = try await database.setMember(
                strategyID: strategy.id, accountID: account.id, role: .translator, group: nil, languages: [serbian], by: admin
            )
            tokens.append(("translator", token.token))
            accounts.append(("translator", account.id))
            translator = account
        }
        // A password per account, so a visitor can sign in to the browser interface as each role.
        var passwords: [String: String] = [:]
        for (who, id) in accounts {
            let password = "demo-" + Secret.random().prefix(12)
            try await database.setPassword(accountID: id, NewPassword(password: password, repeated: password), by: .commandLine)
            passwords[who] = password
        }

        var firstSection: Int64?
        var created: [String: Section] = [:]
        func create(_ sections: [DemoFixture.Section], parent: Int64?) async throws {
            for section in sections {
                // A section the translations were made from an earlier text of starts with that text.
                let body = translations?.earlierBody(of: section.heading, body: section.body) ?? section.body
                let made = try await database.createSection(
                    strategyID: strategy.id, NewSection(heading: section.heading, body: body, parentID: parent), by: facilitator
                )
                firstSection = firstSection ?? made.id
                created[made.heading] = made
                try await create(section.sections ?? [], parent: made.id)
            }
        }
        try await create(fixture.sections, parent: nil)
        if let translations {
            try await translations.apply(
                to: strategy.id, sections: created, database: database, facilitator: facilitator, translator: translator
            )
        }

        let base = "http://\(host):\(port)"
        print("Demo strategy \(strategy.id): \(strategy.title)")
        print("Database: \(databasePath)")
        print("")
        print("Tokens (shown once; only their hashes are stored):")
        for (who, token) in tokens { print("  \(who.padding(toLength: 26, withPad: " ", startingAt: 0)) \(token)") }
        print("")
        print("Sign in at \(base)/app as any of them (email, password):")
        for (who, _) in accounts {
            print(
                "  \(who.padding(toLength: 26, withPad: " ", startingAt: 0)) \(email(who).padding(toLength: 40, withPad: " ", startingAt: 0)) \(passwords[who] ?? "")"
            )
        }
        print("")
        print("Try:")
        print("  curl -s \(base)/strategies/\(strategy.id)/sections -H 'Authorization: Bearer \(tokens[2].1)'")
        print("  curl -si \(base)/strategies/\(strategy.id)/sections/\(firstSection ?? 1) -H 'Authorization: Bearer \(tokens[1].1)'")
        print("  curl -s \(base)/strategies/\(strategy.id)/activity/verify -H 'Authorization: Bearer \(tokens[1].1)'")
        print("")
        // Standard output is block-buffered when redirected; the tokens must be readable before serving starts.
        fflush(nil)
        return database
    }
}

/// The demo email of a role: `government signatory` signs in as `government.signatory@demo.example`.
private func email(_ who: String) -> String {
    who.replacingOccurrences(of: " ", with: ".") + "@demo.example"
}

/// The sample strategy as stored under `fixtures/demo/`.
struct DemoFixture: Decodable {
    struct Section: Decodable {
        var heading: String
        var body: String
        var sections: [Section]?
    }

    var title: String
    var summary: String
    var sections: [Section]

    /// Looks for the fixture given, then in the working directory, then in this checkout.
    static func load(path: String?) throws -> DemoFixture {
        guard let found = fixtureURL(path) else {
            throw ValidationError("demo fixture not found (looked at \(candidates(path).joined(separator: ", "))); pass --fixture")
        }
        return try JSONDecoder().decode(DemoFixture.self, from: Data(contentsOf: found))
    }
}

private func candidates(_ path: String?) -> [String] {
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/demo/strategy.json").path
    return path.map { [$0] } ?? ["fixtures/demo/strategy.json", checkout]
}

/// The demo fixture's file: the one given, else the working directory's, else this checkout's.
private func fixtureURL(_ path: String?) -> URL? {
    candidates(path).first { FileManager.default.fileExists(atPath: $0) }.map { URL(fileURLWithPath: $0) }
}

/// Translations of a few sections of the demo strategy (`translations.json` beside the strategy), some made from an
/// earlier text of their section, so that a visitor sees a current and an outdated translation at once. The
/// sections end with the fixture's text.
struct DemoTranslations: Decodable {
    /// A passage of the fixture's text that read `was` when the section was translated.
    struct Earlier: Decodable {
        var section: String
        var text: String
        var was: String
    }

    var languages: [String]
    /// By section heading, then language: the heading's translation, then each block's in order.
    var sections: [String: [String: [String]]]
    var earlier: [Earlier]

    func earlierBody(of heading: String, body: String) -> String? {
        earlier.first { $0.section == heading }.map { body.replacingOccurrences(of: $0.text, with: $0.was) }
    }

    static func load(next strategy: URL?) throws -> DemoTranslations? {
        guard let url = strategy?.deletingLastPathComponent().appendingPathComponent("translations.json"),
            FileManager.default.fileExists(atPath: url.path)
        else { return nil }
        return try JSONDecoder().decode(DemoTranslations.self, from: Data(contentsOf: url))
    }

    func apply(
        to strategyID: Int64, sections: [String: Section], database: AppDatabase, facilitator: Account, translator: Account?
    ) async throws {
        for (heading, byLanguage) in sections.keys.sorted().compactMap({ heading in self.sections[heading].map { (heading, $0) } }) {
            let section = sections[heading]!
            for (language, texts) in byLanguage.sorted(by: { $0.key < $1.key }) {
                let current = try await database.sectionTranslation(
                    strategyID: strategyID, sectionID: section.id, language: language, for: facilitator
                )
                let units = zip(current.units, texts).map { UnitTranslationInput(id: $0.id, text: $1, sourceRevision: current.sourceRevision) }
                let by = language.hasPrefix("sr") ? translator ?? facilitator : facilitator
                _ = try await database.updateSectionTranslation(
                    strategyID: strategyID, sectionID: section.id, language: language, ifMatch: .revision(current.revision), units: units,
                    by: by
                )
            }
        }
        for edit in earlier {
            guard let section = sections[edit.section] else { continue }
            _ = try await database.updateSection(
                strategyID: strategyID, id: section.id, ifMatch: .revision(section.revision), heading: section.heading,
                body: section.body.replacingOccurrences(of: edit.was, with: edit.text), message: "Public reports", by: facilitator
            )
        }
    }
}
