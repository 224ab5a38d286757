import Foundation
import Synchronization

/// Holds work on a thread until opened, so a test can fill a bounded pool and see what happens next.
public final class Gate: Sendable {
    private let state = Mutex((open: false, started: 0))

    public init() {}

    /// How many callers are held (or have passed).
    public var started: Int { state.withLock { $0.started } }

    public func open() { state.withLock { $0.open = true } }

    /// Blocks the calling thread until `open()`; returns 1.
    public func hold() -> Int {
        state.withLock { $0.started += 1 }
        while !state.withLock({ $0.open }) { usleep(1_000) }
        return 1
    }
}
