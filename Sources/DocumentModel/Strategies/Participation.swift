/// What one stakeholder group did in a strategy, counted over every amendment, support and comment whatever their
/// state, so that a missing or overruled voice shows. `group` is nil for people of no group (facilitators).
public struct Participation: Sendable, Equatable {
    public var group: String?
    public var proposed = 0
    public var accepted = 0
    public var rejected = 0
    public var supports = 0
    public var comments = 0
    /// Comments by disposition; `awaiting` have none yet.
    public var commentsByDisposition: [Disposition: Int] = [:]
    public var awaiting = 0

    public init(group: String?) {
        self.group = group
    }

    public var tookPart: Bool { proposed + supports + comments > 0 }
}
