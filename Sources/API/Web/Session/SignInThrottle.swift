import Foundation

/// Slows down password guessing: after `limit` failed sign-ins for one email or from one address within
/// `window`, further attempts for it are refused until the window has passed (a page that says how long to wait,
/// never an error). Memory is bounded: old entries are swept, and past `capacity` the oldest go first.
actor SignInThrottle {
    let limit: Int
    let window: TimeInterval
    let capacity: Int
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60, capacity: Int = 10_000) {
        self.limit = limit
        self.window = window
        self.capacity = capacity
    }

    /// Seconds to wait before `keys` may try again; 0 when they may now.
    func wait(for keys: [String], now: Date = Date()) -> Int {
        keys.map { key -> Int in
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count >= limit, let oldest = recent.first else { return 0 }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }.max() ?? 0
    }

    func recordFailure(for keys: [String], now: Date = Date()) {
        if failures.count >= capacity { sweep(now: now) }
        for key in keys {
            var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[key] = Array(recent.suffix(limit))
        }
    }

    /// A successful sign-in clears the email's failures (not the address's: one address may serve many people).
    func recordSuccess(for key: String) {
        failures[key] = nil
    }

    private func sweep(now: Date) {
        failures = failures.filter { _, dates in dates.last.map { now.timeIntervalSince($0) < window } ?? false }
        if failures.count >= capacity {
            let oldest = failures.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
            for (key, _) in oldest.prefix(failures.count - capacity / 2) { failures[key] = nil }
        }
    }
}
