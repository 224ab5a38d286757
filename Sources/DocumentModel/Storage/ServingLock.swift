import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock on `<database>.lock` that says "a server is using this database". `serve` holds it shared
/// for its lifetime (several servers may share a file, as SQLite allows); `restore` needs it exclusively, so it
/// refuses to replace a database under a running server. The kernel drops the lock when the process ends, so a
/// crashed server leaves nothing to clean up.
public final class ServingLock: Sendable {
    private let descriptor: Int32

    public enum Mode: Sendable {
        case shared, exclusive
    }

    public struct InUse: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is in use by a running server; stop it first" }
    }

    /// Takes the lock without waiting; `InUse` when another process holds it in a conflicting mode.
    public init(database path: String, mode: Mode) throws {
        let lockPath = path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: lockPath]) }
        guard flock(descriptor, (mode == .shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0 else {
            close(descriptor)
            throw InUse(path: path)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
