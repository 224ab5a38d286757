import Foundation
import GRDB
import Metrics
import Synchronization

/// Serialises writes and commits those that arrive together in one transaction (group commit).
///
/// With `synchronous = FULL` every commit costs an fsync. Writes that queue up while one commit runs are
/// executed back to back, each in its own savepoint, and made durable by a single commit: a failing write
/// rolls back only its savepoint, and no caller hears "done" before the commit that carries its write.
final class WriteBatcher: Sendable {
    let writer: any DatabaseWriter
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "strategy.write-batcher")
    /// Bounds the work of one transaction so a flood of writes cannot hold the lock indefinitely.
    private let maxBatch = 256
    /// How many writes each transaction carries, and how long its commit (the fsync) takes: `GET /metrics`.
    private let batchSizes = Recorder(label: "strategy_db_write_batch_size", aggregate: true)
    private let commitTimes = Metrics.Timer(label: "strategy_db_commit_seconds")

    private struct State {
        var pending: [Job] = []
        var draining = false
    }

    private struct Job: Sendable {
        let run: @Sendable (Database) -> Void
        let finish: @Sendable ((any Error)?) -> Void
    }

    /// Told after each durable commit (the activity feed reads what it carried).
    private let onCommit: @Sendable () -> Void

    init(writer: any DatabaseWriter, onCommit: @escaping @Sendable () -> Void = {}) {
        self.writer = writer
        self.onCommit = onCommit
    }

    func submit<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let outcome = Mutex<Result<T, any Error>?>(nil)
            let job = Job(
                run: { db in
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        outcome.withLock { $0 = .success(value!) }
                    } catch {
                        outcome.withLock { $0 = .failure(error) }
                    }
                },
                finish: { commitError in
                    if let commitError {
                        continuation.resume(throwing: commitError)
                        return
                    }
                    let result = outcome.withLock { $0 } ?? .failure(DatabaseError(resultCode: .SQLITE_MISUSE))
                    continuation.resume(with: result)
                }
            )
            let startDraining = state.withLock { state -> Bool in
                state.pending.append(job)
                if state.draining { return false }
                state.draining = true
                return true
            }
            if startDraining {
                queue.async { self.drain() }
            }
        }
    }

    private func drain() {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.pending.prefix(maxBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            var commitError: (any Error)?
            batchSizes.record(batch.count)
            do {
                try writer.writeWithoutTransaction { db in
                    try db.beginTransaction(.immediate)
                    for job in batch { job.run(db) }
                    let start = ContinuousClock.now
                    do {
                        try db.commit()
                    } catch {
                        try? db.rollback()
                        throw error
                    }
                    commitTimes.record(duration: ContinuousClock.now - start)
                }
            } catch {
                commitError = error
            }
            for job in batch { job.finish(commitError) }
            if commitError == nil { onCommit() }
        }
    }
}
