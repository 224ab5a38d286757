import Foundation
import Synchronization
import TestSupport
import Testing

@testable import DocumentModel

@Suite struct HeavyWorkTests {
    /// Heavy work leaves the cooperative pool: it runs on the heavy-work threads.
    @Test func heavyWorkRunsOnItsOwnThreads() async throws {
        #expect(!HeavyWorkExecutor.shared.isCurrent)
        #expect(try await HeavyWork().run { HeavyWorkExecutor.shared.isCurrent })
        #expect(!HeavyWorkExecutor.shared.isCurrent)
    }

    /// Small requests get the cores first: heavy work runs at nice 10 (the calling thread keeps its own).
    @Test func heavyWorkRunsAtALowerPriority() async throws {
        let nice = try await HeavyWork().run { Self.currentThreadNice() }
        #expect(nice == 10)
        #expect(Self.currentThreadNice() != 10)
    }

    /// Field 19 of `/proc/thread-self/stat`, after the command name (which may hold spaces) in parentheses.
    static func currentThreadNice() -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        // After the name: state is field 3, so nice (field 19) is the 17th.
        return fields.count > 16 ? Int(fields[16]) : nil
    }

    /// Beyond the running and waiting places, work is refused at once with `busy`, and the places come back.
    @Test(.timeLimit(.minutes(1))) func workBeyondTheBoundIsRefusedAsBusy() async throws {
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
