/// Cuts text into lines, byte-exact: each line keeps its `\n` (and a `\r` before it), so `x` and `x\n` differ
/// and CRLF survives a round trip.
public enum LineTokenizer {
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [TokenRange] {
        var tokens: [TokenRange] = []
        tokens.reserveCapacity(bytes.count / 32 + 1)
        guard let base = bytes.baseAddress else { return tokens }
        let count = bytes.count
        var start = 0
        var index = 0
        // Scan eight bytes at a time for a newline (the SWAR "has zero byte" trick on x ^ 0x0A…).
        let raw = UnsafeRawPointer(base)
        while index < count {
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let mask = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                if mask == 0 {
                    index += 8
                    continue
                }
                // The lowest flagged byte is always a real newline (borrows only flag bytes above it).
                let newline = index + mask.trailingZeroBitCount / 8
                tokens.append(TokenRange(start: start, end: newline + 1))
                start = newline + 1
                index = newline + 1
                continue
            }
            if base[index] == 0x0A {
                tokens.append(TokenRange(start: start, end: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < count { tokens.append(TokenRange(start: start, end: count)) }
        return tokens
    }
}
