import Foundation
import GRDB

extension AppDatabase {
    /// Replaces the database at `path` with the backup at `backup` (`strategy restore`), refusing while a server
    /// uses it. The backup must be a database of this service that passes `PRAGMA integrity_check`; it is copied
    /// beside the target, flushed, and renamed over it, and the target's old WAL and shared-memory files are
    /// removed, so a crash part-way leaves either the old database or the restored one, never a mix.
    public static func restore(from backup: String, to path: String) throws {
        let lock = try ServingLock(database: path, mode: .exclusive)
        try withExtendedLifetime(lock) {
            let source = try DatabaseQueue(path: backup, configuration: readOnly())
            let check = try source.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                    try db.tableExists("account") && db.tableExists("strategy")
                )
            }
            try source.close()
            guard check.0 == "ok" else { throw DocumentModelError.invalid("backup", "fails its integrity check: \(check.0)") }
            guard check.1 else { throw DocumentModelError.invalid("backup", "is not a database of this service") }

            let staging = path + ".restoring"
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.copyItem(atPath: backup, toPath: staging)
            let handle = try FileHandle(forUpdating: URL(fileURLWithPath: staging))
            try handle.synchronize()
            try handle.close()
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(staging, path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        }
    }

    private static func readOnly() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
