/// Cuts text into lines, byte-exact: each line keeps its `\n` (and a `\r` before it), so `x` and `x\n` differ
/// and CRLF survives a round trip.
public enum LineTokenizer {
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TokenRange] {
        var tokens: [TokenRange] = []
        tokens.reserveCapacity(bytes.count / 32 + 1)
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if bytes[index] == 0x0A {
                tokens.append(TokenRange(start: start, end: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < count { tokens.append(TokenRange(start: start, end: count)) }
        return tokens
    }
}
