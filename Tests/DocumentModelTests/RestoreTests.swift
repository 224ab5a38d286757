import Foundation
import GRDB
import Testing

@testable import DocumentModel

/// `strategy restore`: a backup replaces the database, never under a running server, never from a bad file.
@Suite struct RestoreTests {
    static func temporaryPath(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("restore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test func aBackupReplacesTheDatabase() async throws {
        let store = try await TestStore.make(onDisk: true)
        _ = try await store.section("Kept in the backup")
        let backup = try Self.temporaryPath("backup.sqlite")
        try store.database.backup(to: backup)

        let target = try Self.temporaryPath("target.sqlite")
        let other = try AppDatabase.open(path: target, passwords: PasswordHasher(cost: 4))
        _ = try await other.createAccount(name: "Someone else", admin: true, by: .commandLine)
        try await Task.sleep(for: .milliseconds(10))

        try AppDatabase.restore(from: backup, to: target)
        let restored = try AppDatabase.open(path: target, passwords: PasswordHasher(cost: 4))
        let outline = try await restored.outline(strategyID: store.strategy.id, for: store.admin)
        #expect(outline.map(\.heading) == ["Kept in the backup"])
        #expect(try await restored.accounts(after: nil, limit: 10).items.map(\.name) == ["Admin", "Facilitator", "Member", "Outsider"])
    }

    @Test func aDatabaseInUseByAServerIsNotReplaced() async throws {
        let store = try await TestStore.make(onDisk: true)
        let backup = try Self.temporaryPath("backup.sqlite")
        try store.database.backup(to: backup)
        let target = try #require(store.path)
        let serving = try ServingLock(database: target, mode: .shared)
        #expect(throws: ServingLock.InUse.self) { try AppDatabase.restore(from: backup, to: target) }
        withExtendedLifetime(serving) {}
        // Once the server is gone, the same restore goes through.
        try AppDatabase.restore(from: backup, to: try Self.temporaryPath("free.sqlite"))
    }

    @Test func aFileThatIsNotABackupIsRefused() async throws {
        let notADatabase = try Self.temporaryPath("notes.sqlite")
        try Data("just some text, not SQLite".utf8).write(to: URL(fileURLWithPath: notADatabase))
        let target = try Self.temporaryPath("target.sqlite")
        #expect(throws: (any Error).self) { try AppDatabase.restore(from: notADatabase, to: target) }
        #expect(!FileManager.default.fileExists(atPath: target))

        let foreign = try Self.temporaryPath("foreign.sqlite")
        let queue = try DatabaseQueue(path: foreign)
        try await queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        let refused = await modelError { try AppDatabase.restore(from: foreign, to: target) }
        #expect(refused == .invalid([FieldError(field: "backup", message: "is not a database of this service")]))
    }
}
