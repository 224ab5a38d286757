import DocumentModel
import Foundation

/// A fresh database file in a temporary folder, with an admin, a facilitator and one member per group.
struct TestStore {
    let directory: URL
    let path: String
    let database: AppDatabase
    let admin: Account
    let facilitator: Account
    let member: Account
    let outsider: Account
    let strategy: Strategy

    static func make() async throws -> TestStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategy-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("test.sqlite").path
        let database = try AppDatabase.open(path: path)
        let (admin, _) = try await database.createAccount(name: "Admin", admin: true, by: .commandLine)
        let (facilitator, _) = try await database.createAccount(name: "Facilitator", admin: false, by: .commandLine)
        let (member, _) = try await database.createAccount(name: "Member", admin: false, by: .commandLine)
        let (outsider, _) = try await database.createAccount(name: "Outsider", admin: false, by: .commandLine)
        let strategy = try await database.createStrategy(NewStrategy(title: "Test strategy", summary: "For tests"), by: admin)
        _ = try await database.setMember(strategyID: strategy.id, accountID: facilitator.id, role: .facilitator, group: nil, by: admin)
        _ = try await database.setMember(strategyID: strategy.id, accountID: member.id, role: .member, group: "industry", by: admin)
        return TestStore(
            directory: directory, path: path, database: database, admin: admin, facilitator: facilitator, member: member,
            outsider: outsider, strategy: strategy
        )
    }

    func section(_ heading: String, body: String = "Text.", parent: Int64? = nil, position: Int? = nil) async throws -> Section {
        try await database.createSection(
            strategyID: strategy.id, NewSection(heading: heading, body: body, parentID: parent, position: position), by: facilitator
        )
    }

    /// Every byte of the database file and its WAL, to look for things that must never be stored.
    func rawBytes() throws -> Data {
        var data = Data()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: path + suffix) {
            data.append(try Data(contentsOf: URL(fileURLWithPath: path + suffix)))
        }
        return data
    }
}

/// Runs `body` and returns the `DocumentModelError` it threw, or nil.
func modelError(_ body: () async throws -> Void) async -> DocumentModelError? {
    do {
        try await body()
        return nil
    } catch let error as DocumentModelError {
        return error
    } catch {
        return nil
    }
}
