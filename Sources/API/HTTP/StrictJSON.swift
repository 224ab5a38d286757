import Foundation

/// Checks a request body against JSON's grammar (RFC 8259) before anything decodes it, for what the platform's
/// parser lets through: a key twice in one object (the first would win silently, so `{"admin":false,"admin":true}`
/// means whatever a reader guesses), trailing commas, text that is not UTF-8, and nesting deeper than
/// `maxDepth`. One pass over the bytes; the first violation is returned with its byte offset.
struct StrictJSON {
    enum Violation: Error, Equatable {
        case notUTF8
        case tooDeep
        case duplicateKey(String)
        case syntax(offset: Int)
    }

    let maxDepth: Int
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Nil when `data` is one well-formed JSON value (surrounded by white space at most).
    static func violation(in data: Data, maxDepth: Int) -> Violation? {
        guard String(validating: data, as: UTF8.self) != nil else { return .notUTF8 }
        var parser = StrictJSON(maxDepth: maxDepth, bytes: Array(data))
        do {
            parser.skipSpace()
            try parser.value()
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { return .syntax(offset: parser.index) }
            return nil
        } catch let violation as Violation {
            return violation
        } catch {
            return .syntax(offset: parser.index)
        }
    }

    private init(maxDepth: Int, bytes: [UInt8]) {
        self.maxDepth = maxDepth
        self.bytes = bytes
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard current == byte else { throw Violation.syntax(offset: index) }
        index += 1
    }

    private mutating func value() throws {
        switch current {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw Violation.tooDeep }
    }

    private mutating func object() throws {
        try enter()
        index += 1
        skipSpace()
        if current == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return
        }
        var keys = Set<String>()
        while true {
            skipSpace()
            let key = try string()
            guard keys.insert(key).inserted else { throw Violation.duplicateKey(key) }
            skipSpace()
            try expect(UInt8(ascii: ":"))
            skipSpace()
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue  // a member must follow: `string()` refuses a `}` here, so a trailing comma is an error
            }
            try expect(UInt8(ascii: "}"))
            depth -= 1
            return
        }
    }

    private mutating func array() throws {
        try enter()
        index += 1
        skipSpace()
        if current == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipSpace()
            try value()
            skipSpace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            depth -= 1
            return
        }
    }

    /// A string's decoded text (keys are compared decoded, so `"a"` and `"\u0061"` are the same key).
    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flushRun(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "\""):
                flushRun(index)
                index += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flushRun(index)
                index += 1
                guard let escaped = current else { throw Violation.syntax(offset: index) }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try unicodeEscape())
                default: throw Violation.syntax(offset: index - 1)
                }
                runStart = index
            case 0x00..<0x20:
                throw Violation.syntax(offset: index)  // control characters must be escaped
            default:
                index += 1
            }
        }
        throw Violation.syntax(offset: index)
    }

    /// `\uXXXX`, with a surrogate pair read as one scalar; a lone surrogate stands for U+FFFD.
    private mutating func unicodeEscape() throws -> Unicode.Scalar {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high), current == UInt8(ascii: "\\"), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Violation.syntax(offset: index) }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Violation.syntax(offset: index)
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    private mutating func literal(_ word: String) throws {
        let text = Array(word.utf8)
        guard index + text.count <= bytes.count, bytes[index..<index + text.count].elementsEqual(text) else {
            throw Violation.syntax(offset: index)
        }
        index += text.count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw Violation.syntax(offset: start)
        }
        index += 1
        if first != UInt8(ascii: "0") { digits() }
        if current == UInt8(ascii: ".") {
            index += 1
            guard digitsRequired() else { throw Violation.syntax(offset: index) }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digitsRequired() else { throw Violation.syntax(offset: index) }
        }
    }

    private mutating func digits() {
        while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
    }

    private mutating func digitsRequired() -> Bool {
        let start = index
        digits()
        return index > start
    }
}
