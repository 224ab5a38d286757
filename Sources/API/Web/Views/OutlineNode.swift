import DocumentModel

/// One entry of a nested outline (`3.2 Parents and teachers`), with its children; the template renders it with a
/// recursive partial.
struct OutlineNode {
    let number: String
    let heading: String
    let href: String
    let children: [OutlineNode]
    let hasChildren: Bool

    /// The tree of `items` (in reading order, each knowing its parent), linking each to `href(id)`.
    static func tree<Item>(
        _ items: [Item], id: (Item) -> Int64, parent: (Item) -> Int64?, number: (Item) -> String, heading: (Item) -> String,
        href: (Item) -> String
    ) -> [OutlineNode] {
        var children: [Int64?: [Item]] = [:]
        for item in items { children[parent(item), default: []].append(item) }
        func build(_ parentID: Int64?) -> [OutlineNode] {
            (children[parentID] ?? []).map { item in
                let kids = build(id(item))
                return OutlineNode(number: number(item), heading: heading(item), href: href(item), children: kids, hasChildren: !kids.isEmpty)
            }
        }
        return build(nil)
    }
}
