/// Open amendments that change the same words, taken together: the desk shows each group at once, so a
/// facilitator decides between them rather than on one without seeing the others.
public enum AmendmentCollisions {
    /// The amendments of one section in groups that change the same words (connected by their collisions), in
    /// the order of their first amendment.
    public static func groups(_ amendments: [Amendment]) -> [[Amendment]] {
        let byNumber = Dictionary(uniqueKeysWithValues: amendments.map { ($0.number, $0) })
        var seen = Set<Int>()
        var groups: [[Amendment]] = []
        for amendment in amendments.sorted(by: { $0.number < $1.number }) where !seen.contains(amendment.number) {
            var group: [Amendment] = []
            var queue = [amendment.number]
            seen.insert(amendment.number)
            while let number = queue.popLast() {
                guard let member = byNumber[number] else { continue }
                group.append(member)
                for other in member.collidesWith where !seen.contains(other) && byNumber[other] != nil {
                    seen.insert(other)
                    queue.append(other)
                }
            }
            groups.append(group.sorted { $0.number < $1.number })
        }
        return groups
    }
}
