import Foundation
import GRDB
import Testing

@testable import DocumentModel

/// A fresh database with an admin, a facilitator and one member per group: in memory for the domain's logic,
/// a file in a temporary folder (`onDisk`) where durability, the file's bytes or a second connection are tested.
struct TestStore {
    /// The database file; nil in memory.
    let path: String?
    let database: AppDatabase
    let admin: Account
    let facilitator: Account
    let member: Account
    let outsider: Account
    let strategy: Strategy

    static func make(onDisk: Bool = false) async throws -> TestStore {
        var path: String?
        if onDisk {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("strategy-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            path = directory.appendingPathComponent("test.sqlite").path
        }
        let passwords = PasswordHasher(cost: 4)  // bcrypt's minimum: the tests check the logic, not the cost
        let database = try path.map { try AppDatabase.open(path: $0, passwords: passwords) } ?? AppDatabase.inMemory(passwords: passwords)
        let (admin, _) = try await database.createAccount(name: "Admin", admin: true, by: .commandLine)
        let (facilitator, _) = try await database.createAccount(name: "Facilitator", admin: false, by: .commandLine)
        let (member, _) = try await database.createAccount(name: "Member", admin: false, by: .commandLine)
        let (outsider, _) = try await database.createAccount(name: "Outsider", admin: false, by: .commandLine)
        let strategy = try await database.createStrategy(NewStrategy(title: "Test strategy", summary: "For tests"), by: admin)
        _ = try await database.setMember(strategyID: strategy.id, accountID: facilitator.id, role: .facilitator, group: nil, by: admin)
        _ = try await database.setMember(strategyID: strategy.id, accountID: member.id, role: .member, group: "industry", by: admin)
        return TestStore(
            path: path, database: database, admin: admin, facilitator: facilitator, member: member,
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
        let path = try #require(path, "rawBytes needs a store made onDisk")
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

extension AppDatabase {
    /// Bytes in use by the database after folding the WAL back into the main file (pages in use × page size).
    func storedBytes() async throws -> Int {
        try await batcher.writer.writeWithoutTransaction { db in
            if try db.value(String.self, "PRAGMA journal_mode") == "wal" {
                try db.run("PRAGMA wal_checkpoint(TRUNCATE)")
            }
            let pages = try db.value(Int.self, "PRAGMA page_count") ?? 0
            let free = try db.value(Int.self, "PRAGMA freelist_count") ?? 0
            let pageSize = try db.value(Int.self, "PRAGMA page_size") ?? 0
            return (pages - free) * pageSize
        }
    }
}
