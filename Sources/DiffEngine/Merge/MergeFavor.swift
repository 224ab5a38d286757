/// How a conflict is resolved without asking anyone.
public enum MergeFavor: String, Sendable, CaseIterable {
    case ours, theirs, union
}
