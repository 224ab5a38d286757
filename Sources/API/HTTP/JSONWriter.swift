import Foundation

/// Writes JSON straight into bytes, for every response body: Foundation's Encodable machinery cost more than
/// computing the diffs the large responses carry. Callers write keys in sorted order (debug builds assert it),
/// so bodies are deterministic.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// For each open container: whether it already holds an element (so the next one needs a comma).
    private var hasElement: [Bool] = []
    private var afterKey = false
    #if DEBUG
    /// For each open object, the last key written: keys must come in the order the sorted-keys encoder gives.
    private var lastKeys: [String?] = []
    #endif

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasElement.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        hasElement[hasElement.count - 1] = true
    }

    mutating func object(_ body: (inout JSONWriter) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "{"))
        hasElement.append(false)
        #if DEBUG
        lastKeys.append(nil)
        defer { lastKeys.removeLast() }
        #endif
        try body(&self)
        hasElement.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONWriter, S.Element) throws -> Void) rethrows {
        separate()
        bytes.append(UInt8(ascii: "["))
        hasElement.append(false)
        for item in items { try element(&self, item) }
        hasElement.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        #if DEBUG
        if let last = lastKeys.last ?? nil {
            assert(Self.precedes(last, name), "JSON keys out of order: \(name) after \(last)")
        }
        if !lastKeys.isEmpty { lastKeys[lastKeys.count - 1] = name }
        #endif
        separate()
        quote(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        quote(value)
    }

    mutating func int<Value: BinaryInteger>(_ value: Value) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func date(_ value: Date) { string(value.formatted(.iso8601)) }

    // Fields: a key and its value; optionals write null.
    mutating func field(_ name: String, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }
    mutating func field<Value: BinaryInteger>(_ name: String, _ value: Value?) {
        key(name)
        if let value { int(value) } else { null() }
    }
    mutating func field(_ name: String, _ value: Bool?) {
        key(name)
        if let value { bool(value) } else { null() }
    }
    mutating func field(_ name: String, _ value: Date?) {
        key(name)
        if let value { date(value) } else { null() }
    }

    /// A person as every response names one: `{"id": …, "name": …}` under `key` (an author, a signatory).
    mutating func person(_ key: String, id: Int64, name: String) {
        self.key(key)
        object { json in
            json.field("id", id)
            json.field("name", name)
        }
    }

    /// The order of `JSONEncoder`'s `sortedKeys` for the service's ASCII keys.
    static func precedes(_ first: String, _ second: String) -> Bool {
        first.lowercased() < second.lowercased() || (first.lowercased() == second.lowercased() && first < second)
    }

    /// A JSON string with the escapes RFC 8259 requires; everything else is copied as UTF-8 (slashes unescaped).
    private mutating func quote(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                default:
                    let hex = String(byte, radix: 16)
                    bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A response body: the one way the service writes JSON.
protocol JSONWritable: Sendable {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    func jsonBytes() -> [UInt8] {
        var json = JSONWriter()
        write(to: &json)
        return json.bytes
    }
}
