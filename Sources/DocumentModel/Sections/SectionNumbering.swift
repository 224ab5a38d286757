/// Derives outline numbers (`1`, `2.1`, `2.1.3`) from parent links and positions.
public enum SectionNumbering {
    /// A node as the numbering needs it.
    public struct Node: Sendable {
        public var id: Int64
        public var parentID: Int64?
        public var position: Int

        public init(id: Int64, parentID: Int64?, position: Int) {
            self.id = id
            self.parentID = parentID
            self.position = position
        }
    }

    /// Numbers for every node reachable from the top level, plus the depth-first order of the tree.
    public static func number(_ nodes: [Node]) -> (numbers: [Int64: String], order: [Int64]) {
        var children: [Int64?: [Node]] = [:]
        for node in nodes { children[node.parentID, default: []].append(node) }
        var numbers: [Int64: String] = [:]
        var order: [Int64] = []
        // Iterative depth-first walk: a corrupted deep tree must not overflow the stack.
        var stack: [(node: Node, prefix: String)] = []
        func push(childrenOf parent: Int64?, prefix: String) {
            let sorted = (children[parent] ?? []).sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            for (index, child) in sorted.enumerated().reversed() {
                stack.append((child, prefix.isEmpty ? "\(index + 1)" : "\(prefix).\(index + 1)"))
            }
        }
        push(childrenOf: nil, prefix: "")
        while let (node, number) = stack.popLast() {
            guard numbers[node.id] == nil else { continue }
            numbers[node.id] = number
            order.append(node.id)
            push(childrenOf: node.id, prefix: number)
        }
        return (numbers, order)
    }
}
