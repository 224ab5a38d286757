import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs the service's heavy work — DocBook export and import, draft comparisons, large redlines — off the
/// threads that answer requests, and bounds how much of it runs at once.
///
/// Swift's cooperative pool has one thread per core (two here): a 40 ms export run on it holds up every small
/// request queued behind it. Heavy work runs instead on threads of its own (`HeavyWorkExecutor`) at a lower
/// scheduling priority, so small requests get the cores first. At most `maxRunning` operations run at once and
/// `maxWaiting` wait for a turn; beyond that the operation is refused with `DocumentModelError.busy`, which the
/// API answers 503 with `Retry-After`.
public final class HeavyWork: Sendable {
    public let maxRunning: Int
    public let maxWaiting: Int
    private let state = Mutex(State())

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, any Error>] = []
    }

    public init(maxRunning: Int = ProcessInfo.processInfo.activeProcessorCount, maxWaiting: Int? = nil) {
        self.maxRunning = max(1, maxRunning)
        self.maxWaiting = max(0, maxWaiting ?? 2 * self.maxRunning)
    }

    /// Runs `body` on the heavy-work threads once a turn is free; throws `busy` when too many are queued.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await admit()
        defer { release() }
        return try await withTaskExecutorPreference(HeavyWorkExecutor.shared) { try await body() }
    }

    /// Takes a turn now, or a place in the queue, or neither (`busy`), decided under one lock.
    private func admit() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            enum Admission { case now, queued, refused }
            let admission = state.withLock { state -> Admission in
                if state.running < maxRunning {
                    state.running += 1
                    return .now
                }
                guard state.waiting.count < maxWaiting else { return .refused }
                state.waiting.append(continuation)
                return .queued
            }
            switch admission {
            case .now: continuation.resume()
            case .queued: break
            case .refused: continuation.resume(throwing: DocumentModelError.busy(retryAfter: 1))
            }
        }
    }

    /// Hands the turn to the first waiter, if any (the running count stays), or frees it.
    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }
}

/// The threads heavy work runs on: one per core, at nice 10, shared by every database of the process.
///
/// A `TaskExecutor`, so that `withTaskExecutorPreference` moves a whole async operation (its reads, its CPU
/// work) here and back, without the operation knowing.
final class HeavyWorkExecutor: TaskExecutor, Sendable {
    static let shared = HeavyWorkExecutor(threads: ProcessInfo.processInfo.activeProcessorCount, nice: 10)

    private let jobs = Mutex<[UnownedJob]>([])
    private let available = DispatchSemaphore(value: 0)
    /// The `pthread_self()` of each of its threads.
    private let threadIDs = Mutex<Set<UInt>>([])

    private init(threads: Int, nice: Int32) {
        for _ in 0..<max(1, threads) {
            let thread = Thread { [self] in
                threadIDs.withLock { _ = $0.insert(UInt(pthread_self())) }
                Self.lowerPriority(nice)
                while true {
                    available.wait()
                    let job = jobs.withLock { $0.removeFirst() }
                    job.runSynchronously(on: asUnownedTaskExecutor())
                }
            }
            thread.start()
        }
    }

    /// Whether the caller runs on one of these threads.
    var isCurrent: Bool {
        let current = UInt(pthread_self())
        return threadIDs.withLock { $0.contains(current) }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        available.signal()
    }

    /// On Linux the nice value is per thread: `who` 0 is the calling thread.
    private static func lowerPriority(_ nice: Int32) {
        #if canImport(Glibc)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
    }
}
