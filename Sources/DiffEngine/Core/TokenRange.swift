/// A token: a half-open range of UTF-8 byte offsets into the text it was cut from.
public struct TokenRange: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }
}
