import Foundation
import Synchronization
import Testing

@testable import DocumentModel

@Suite struct HeavyWorkTests {
    /// Heavy work leaves the cooperative pool: it runs on the heavy-work threads.
    @Test func heavyWorkRunsOnItsOwnThreads() async throws {
        #expect(!HeavyWorkExecutor.shared.isCurrent)
        #expect(try await HeavyWork().run { HeavyWorkExecutor.shared.isCurrent })
        #expect(!HeavyWorkExecutor.shared.isCurrent)
    }

    /// Beyond the running and waiting places, work is refused at once with `busy`, and the places come back.
    @Test func workBeyondTheBoundIsRefusedAsBusy() async throws {
        let work = HeavyWork(maxRunning: 1, maxWaiting: 1)
        let gate = Gate()
        let first = Task { try await work.run { gate.hold() } }
        while gate.started == 0 { try await Task.sleep(for: .milliseconds(1)) }
        let second = Task { try await work.run { gate.hold() } }  // waits for the first
        try await Task.sleep(for: .milliseconds(50))
        await #expect(throws: DocumentModelError.busy(retryAfter: 1)) { try await work.run { 3 } }
        gate.open()
        #expect(try await first.value + second.value == 2)
        #expect(try await work.run { 4 } == 4)
    }
}

/// Holds heavy work until opened.
final class Gate: Sendable {
    private let state = Mutex((open: false, started: 0))

    var started: Int { state.withLock { $0.started } }

    func open() { state.withLock { $0.open = true } }

    func hold() -> Int {
        state.withLock { $0.started += 1 }
        while !state.withLock({ $0.open }) { usleep(1_000) }
        return 1
    }
}
