/// One page of a keyset-paginated list; `nextAfter` is the key to continue after, nil on the last page.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextAfter: Int64?

    public init(items: [Item], nextAfter: Int64?) {
        self.items = items
        self.nextAfter = nextAfter
    }
}
