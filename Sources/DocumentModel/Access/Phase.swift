/// The stage a strategy's process is in; it decides who may write what.
public enum Phase: String, Sendable, Codable, CaseIterable {
    case drafting
    case consultation
    case finalReview = "final-review"
    case adopted

    /// The phase that follows this one, nil after adoption.
    public var next: Phase? {
        switch self {
        case .drafting: .consultation
        case .consultation: .finalReview
        case .finalReview: .adopted
        case .adopted: nil
        }
    }
}
