import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map`, spread over the machine's cores when `worthIt` (enough work to pay for the threads); the results
    /// keep the order of the elements.
    func parallelMap<Result: Sendable>(worthIt: Bool, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard worthIt && count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(self[index]) }
        return results.map { $0! }
    }
}

extension Array {
    /// Runs of consecutive elements of about the same total weight, for `parallelMap`: two per core when the
    /// total reaches `threshold` (so that a core that finishes early takes another), else one run of all.
    func balancedRuns(threshold: Int = 64 * 1024, weight: (Element) -> Int) -> [Range<Int>] {
        let weights = map(weight)
        let total = weights.reduce(0, +)
        let count = total > threshold ? 2 * ProcessInfo.processInfo.activeProcessorCount : 1
        var runs: [Range<Int>] = []
        var start = 0, filled = 0
        for (index, weight) in weights.enumerated() {
            filled += weight
            if filled * count >= total * (runs.count + 1) && runs.count < count - 1 {
                runs.append(start..<index + 1)
                start = index + 1
            }
        }
        if start < self.count || runs.isEmpty { runs.append(start..<self.count) }
        return runs
    }
}
