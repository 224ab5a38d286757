import Foundation
import GRDB

/// Owns the database connection; every read and write of the service goes through it.
///
/// Production opens a `DatabasePool` on a file in WAL mode with `synchronous = FULL`, so that an
/// acknowledged write survives a power loss; tests may open an in-memory queue.
public final class AppDatabase: Sendable {
    let reader: any DatabaseReader
    let batcher: WriteBatcher
    /// Where exports, imports, comparisons and large redlines run, and how many at once.
    let heavyWork: HeavyWork
    /// How passwords are hashed (bcrypt, at a cost tests lower).
    let passwords: PasswordHasher
    /// New activity entries as they are committed, for whoever follows a strategy.
    public let activityFeed: ActivityFeed

    init(
        _ writer: any DatabaseWriter, heavyWork: HeavyWork = HeavyWork(), passwords: PasswordHasher = PasswordHasher(),
        heartbeat: Duration = .seconds(25)
    ) throws {
        try Self.migrator.migrate(writer)
        self.reader = writer
        let feed = try ActivityFeed(reader: writer, heartbeat: heartbeat)
        self.activityFeed = feed
        self.batcher = WriteBatcher(writer: writer, onCommit: { feed.committed() })
        self.heavyWork = heavyWork
        self.passwords = passwords
    }

    /// Opens (creating if needed) the database file at `path` with the production configuration.
    /// `heartbeat` is how often followers of the activity feed hear that it is alive.
    public static func open(
        path: String, heavyWork: HeavyWork = HeavyWork(), passwords: PasswordHasher = PasswordHasher(),
        heartbeat: Duration = .seconds(25)
    ) throws -> AppDatabase {
        let pool = try DatabasePool(path: path, configuration: configuration())
        // Opening a pool sets `synchronous = NORMAL`; durability of acknowledged writes needs FULL.
        try pool.writeWithoutTransaction { db in try db.run("PRAGMA synchronous = FULL") }
        return try AppDatabase(pool, heavyWork: heavyWork, passwords: passwords, heartbeat: heartbeat)
    }

    /// An empty in-memory database, for tests and tools.
    public static func inMemory(
        passwords: PasswordHasher = PasswordHasher(), heartbeat: Duration = .seconds(25)
    ) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()), passwords: passwords, heartbeat: heartbeat)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "strategy"
        configuration.maximumReaderCount = 16
        return configuration
    }

    /// Throws unless the database answers a query (readiness).
    public func ping() throws {
        _ = try readSingleStatement { db in try db.value(Int.self, "SELECT 1") }
    }

    /// Reads the pragmas that matter for durability; used by tests and `strategy serve` at start.
    public func pragmas() async throws -> (journalMode: String, synchronous: Int, foreignKeys: Bool) {
        try await batcher.writer.writeWithoutTransaction { db in
            let journal = try db.value(String.self, "PRAGMA journal_mode") ?? ""
            let synchronous = try db.value(Int.self, "PRAGMA synchronous") ?? -1
            let foreignKeys = try db.value(Bool.self, "PRAGMA foreign_keys") ?? false
            return (journal, synchronous, foreignKeys)
        }
    }

    /// Runs `body` in its own savepoint of a group-committed transaction and returns once it is durable.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await batcher.submit(body)
    }

    /// Reads synchronously on the caller's thread.
    ///
    /// In WAL mode a read never waits for the writer, and the service's reads are a few cached statements
    /// (tens of microseconds); hopping to GRDB's queue and back cost more than the read itself (measured:
    /// 15k → 5.6k requests/s for a token lookup). The reader pool is sized above the number of threads that
    /// can call this at once, so no caller waits for a connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.read(body)
    }

    /// A read without GRDB's wrapping transaction: only for a single statement, which is consistent on its own.
    func readSingleStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try reader.unsafeRead(body)
    }

    /// Copies the database into a new file, consistent even while the service writes.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        try reader.backup(to: destination)
    }
}
