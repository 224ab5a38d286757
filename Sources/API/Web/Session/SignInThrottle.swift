import Foundation

/// Slows down password guessing without letting one client lock others out. Failed sign-ins are counted in three
/// ways within `window`: for one account from one address (a person mistyping, or one guesser: `perPair`), for one
/// account from anywhere (guessing spread over many addresses: `perAccount`), and from one address whatever the
/// account (`perAddress`, much higher, because behind a proxy or a ministry's NAT one address is many people).
/// A rule that is full refuses further attempts it covers until the window has passed (a page that says how
/// long to wait, never an error). Memory is bounded: old entries are swept, and past `capacity` the oldest go.
actor SignInThrottle {
    struct Limits: Sendable {
        var perPair = 5
        var perAccount = 20
        var perAddress = 100
    }

    let limits: Limits
    let window: TimeInterval
    let capacity: Int
    private var failures: [String: [Date]] = [:]

    init(limits: Limits = Limits(), window: TimeInterval = 15 * 60, capacity: Int = 10_000) {
        self.limits = limits
        self.window = window
        self.capacity = capacity
    }

    /// The counters one attempt touches, each with its limit.
    func rules(email: String, address: String) -> [(key: String, limit: Int)] {
        [("pair:\(address) \(email)", limits.perPair), ("account:\(email)", limits.perAccount), ("address:\(address)", limits.perAddress)]
    }

    /// Seconds to wait before this email may be tried from this address; 0 when it may now.
    func wait(email: String, address: String, now: Date = Date()) -> Int {
        rules(email: email, address: address).map { rule -> Int in
            let recent = (failures[rule.key] ?? []).filter { now.timeIntervalSince($0) < window }
            guard recent.count >= rule.limit, let oldest = recent.suffix(rule.limit).first else { return 0 }
            return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
        }.max() ?? 0
    }

    func recordFailure(email: String, address: String, now: Date = Date()) {
        if failures.count >= capacity { sweep(now: now) }
        for rule in rules(email: email, address: address) {
            var recent = (failures[rule.key] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[rule.key] = Array(recent.suffix(rule.limit))
        }
    }

    /// A successful sign-in clears the account's failures (not the address's: one address may serve many people).
    func recordSuccess(email: String, address: String) {
        for rule in rules(email: email, address: address).dropLast() { failures[rule.key] = nil }
    }

    private func sweep(now: Date) {
        failures = failures.filter { _, dates in dates.last.map { now.timeIntervalSince($0) < window } ?? false }
        if failures.count >= capacity {
            let oldest = failures.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }
            for (key, _) in oldest.prefix(failures.count - capacity / 2) { failures[key] = nil }
        }
    }
}
