/// A one-step move in the outline, as a person makes it with a button or a key: up or down among its siblings,
/// indented under the section before it, or outdented to follow its parent.
public enum OutlineStep: String, Sendable, CaseIterable {
    case up
    case down
    case indent
    case outdent

    /// The move this step makes for section `id` in the live `outline`; nil where there is nowhere to go (the
    /// first section cannot go up, nor be indented; a top-level section cannot be outdented).
    public func move(of id: Int64, in outline: [SectionOutline]) -> SectionMove? {
        guard let node = outline.first(where: { $0.id == id }) else { return nil }
        let siblings = outline.filter { $0.parentID == node.parentID }
        switch self {
        case .up:
            return node.position > 1 ? SectionMove(position: node.position - 1) : nil
        case .down:
            return node.position < siblings.count ? SectionMove(position: node.position + 1) : nil
        case .indent:
            // It becomes the last subsection of the sibling just before it.
            guard let previous = siblings.filter({ $0.position < node.position }).max(by: { $0.position < $1.position }) else {
                return nil
            }
            return SectionMove(parentID: .some(previous.id))
        case .outdent:
            guard let parentID = node.parentID, let parent = outline.first(where: { $0.id == parentID }) else { return nil }
            return SectionMove(parentID: .some(parent.parentID), position: parent.position + 1)
        }
    }
}
