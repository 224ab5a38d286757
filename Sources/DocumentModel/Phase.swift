/// The stage a strategy's process is in; it decides who may write what.
public enum Phase: String, Sendable, Codable, CaseIterable {
    case drafting
    case consultation
    case finalReview = "final-review"
    case adopted
}
