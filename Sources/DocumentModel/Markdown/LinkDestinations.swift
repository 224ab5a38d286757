/// Every link destination a CommonMark renderer could find in a text, decoded as it would decode them.
///
/// The project's own Markdown subset takes fewer links than CommonMark does (no parentheses inside a URL, no
/// `<…>` destinations, no reference definitions or autolinks), but the texts the API stores are read by other
/// renderers too. So the link rule is checked against a superset of what CommonMark 0.31 would make a link: after
/// every `](`, every `<scheme:` and every line that starts a reference definition. A candidate CommonMark would not
/// take (inside a code span, say) is still checked: refusing a harmless text is better than storing a link that
/// another renderer turns into `javascript:`.
enum LinkDestinations {
    static func all(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var found: [String] = []
        var index = 0
        var lineStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                lineStart = false
                continue
            }
            if lineStart, let definition = referenceDefinition(bytes, at: index) {
                found.append(definition.destination)
                index = definition.end
                continue
            }
            lineStart = byte == UInt8(ascii: "\n")
            if byte == UInt8(ascii: "]"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "(") {
                if let destination = destination(bytes, from: index + 2) { found.append(destination.text) }
            } else if byte == UInt8(ascii: "<"), let autolink = autolink(bytes, from: index + 1) {
                found.append(autolink)
            }
            index += 1
        }
        return found
    }

    /// `[label]: destination` at the start of a line (after up to three spaces).
    static func referenceDefinition(_ bytes: [UInt8], at start: Int) -> (destination: String, end: Int)? {
        var index = start
        while index < bytes.count, index - start < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") else { return nil }
        guard let destination = destination(bytes, from: index + 2) else { return nil }
        return (destination.text, destination.end)
    }

    /// A link destination starting at `start` (after optional spaces and one line ending): `<…>`, or a run of
    /// non-space characters with balanced parentheses. Backslash escapes and character references decoded.
    static func destination(_ bytes: [UInt8], from start: Int) -> (text: String, end: Int)? {
        var index = start
        var newlines = 0
        while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n")].contains(bytes[index]) {
            if bytes[index] == UInt8(ascii: "\n") { newlines += 1 }
            guard newlines <= 1 else { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        var raw: [UInt8] = []
        if bytes[index] == UInt8(ascii: "<") {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "\n") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    raw.append(contentsOf: bytes[index...index + 1])
                    index += 2
                    continue
                }
                raw.append(bytes[index])
                index += 1
            }
        } else {
            var depth = 0
            while index < bytes.count, bytes[index] > 0x20, bytes[index] != 0x7F {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    raw.append(contentsOf: bytes[index...index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                raw.append(byte)
                index += 1
            }
        }
        return (decode(raw), index)
    }

    /// `<scheme:…>`: an absolute URI (a scheme of 2–32 characters) up to `>`, without spaces or `<`.
    static func autolink(_ bytes: [UInt8], from start: Int) -> String? {
        var index = start
        while index < bytes.count, index - start <= 32, isSchemeByte(bytes[index], first: index == start) { index += 1 }
        guard index - start >= 2, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: ">") {
            if bytes[end] <= 0x20 || bytes[end] == UInt8(ascii: "<") { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func isSchemeByte(_ byte: UInt8, first: Bool) -> Bool {
        let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
        if first { return letter }
        return letter || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "-")
    }

    /// Backslash escapes of ASCII punctuation and numeric character references, as CommonMark decodes them; a
    /// named reference is left as written, which can only make the destination fail the rule, never pass it.
    static func decode(_ raw: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        let text = Array(String(decoding: raw, as: UTF8.self).unicodeScalars)
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "\\", index + 1 < text.count, text[index + 1].isASCII, text[index + 1].properties.isPunctuationOrSymbol {
                scalars.append(text[index + 1])
                index += 2
                continue
            }
            if scalar == "&", index + 2 < text.count, text[index + 1] == "#" {
                var end = index + 2
                let hex = text[end] == "x" || text[end] == "X"
                if hex { end += 1 }
                var value: UInt32 = 0
                var digits = 0
                while end < text.count, digits < 8, let digit = Int(String(text[end]), radix: hex ? 16 : 10) {
                    value = value &* (hex ? 16 : 10) &+ UInt32(digit)
                    digits += 1
                    end += 1
                }
                if digits > 0, end < text.count, text[end] == ";" {
                    scalars.append(Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}")
                    index = end + 1
                    continue
                }
            }
            scalars.append(scalar)
            index += 1
        }
        return String(scalars)
    }
}

extension Unicode.Scalar.Properties {
    /// ASCII punctuation as CommonMark's backslash escapes define it (`!"#$%&'()*+,-./:;<=>?@[\]^_\`{|}~`).
    var isPunctuationOrSymbol: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
