import API
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// A service on a fresh database file, seeded with one strategy and an account for each role.
struct Harness {
    let database: AppDatabase
    let path: String
    let strategyID: Int64
    let sectionID: Int64
    /// Tokens by role: admin, facilitator, member (industry), signatory (government), observer, outsider.
    let tokens: [String: String]
    let accountIDs: [String: Int64]
    let logs = LogCapture()
    var configuration = APIConfiguration(host: "127.0.0.1", port: 0)

    static func make() async throws -> Harness {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("api-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("api.sqlite").path
        let database = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
        var tokens: [String: String] = [:]
        var ids: [String: Int64] = [:]
        var accounts: [String: Account] = [:]
        for (role, admin) in [
            ("admin", true), ("facilitator", false), ("member", false), ("signatory", false), ("observer", false), ("outsider", false),
        ] {
            let (account, token) = try await database.createAccount(name: role.capitalized, admin: admin, by: .commandLine)
            tokens[role] = token.token
            ids[role] = account.id
            accounts[role] = account
        }
        let admin = accounts["admin"]!
        let strategy = try await database.createStrategy(NewStrategy(title: "Online child protection", summary: "Test"), by: admin)
        let roles: [(String, Role, String?)] = [
            ("facilitator", .facilitator, nil), ("member", .member, "industry"), ("signatory", .signatory, "government"),
            ("observer", .observer, nil),
        ]
        for (name, role, group) in roles {
            _ = try await database.setMember(strategyID: strategy.id, accountID: ids[name]!, role: role, group: group, by: admin)
        }
        let section = try await database.createSection(
            strategyID: strategy.id, NewSection(heading: "Introduction", body: "Children go online early."), by: accounts["facilitator"]!
        )
        return Harness(
            database: database, path: path, strategyID: strategy.id, sectionID: section.id, tokens: tokens, accountIDs: ids
        )
    }

    func application() throws -> some ApplicationProtocol {
        var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: logs) }
        logger.logLevel = .trace
        return try buildApplication(database: database, configuration: configuration, logger: logger)
    }

    var sectionURI: String { "/strategies/\(strategyID)/sections/\(sectionID)" }

    /// The account of `role`, as stored now.
    func account(_ role: String) async throws -> Account {
        try #require(try await database.account(id: accountIDs[role]!))
    }
}

extension TestClientProtocol {
    /// Sends a request as `role` (nil: anonymous) with an optional JSON body.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, as token: String?, json: String? = nil, headers: HTTPFields = [:],
        contentType: String = "application/json"
    ) async throws -> TestResponse {
        var headers = headers
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil && headers[.contentType] == nil { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
}

/// Keeps every log line so tests can check what the service writes to its logs.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: String { lines.withLock { $0.joined(separator: "\n") } }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append("\(event.level) \(event.message) \(merged)")
    }
}
