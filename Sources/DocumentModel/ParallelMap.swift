import Dispatch

extension Array where Element: Sendable {
    /// `map`, spread over the machine's cores when `worthIt` (enough work to pay for the threads); the results
    /// keep the order of the elements.
    func parallelMap<Result: Sendable>(worthIt: Bool, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard worthIt && count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        // Each iteration writes only its own slot.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(self[index]) }
        return results.map { $0! }
    }
}
