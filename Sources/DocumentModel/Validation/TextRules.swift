/// Limits and character rules for every text a client can store.
///
/// Everything stored must be exportable as XML 1.0, so characters XML cannot carry are refused at the door
/// rather than discovered at export time.
public enum TextRules {
    public static let maxTitleLength = 300
    public static let maxHeadingLength = 300
    public static let maxNameLength = 200
    public static let maxSummaryLength = 10_000
    public static let maxMessageLength = 2_000
    public static let maxRationaleLength = 10_000
    public static let maxBodyLength = 500_000

    /// Whether every scalar is allowed by XML 1.0's `Char` production.
    ///
    /// Scans UTF-8 bytes first: a refused scalar is either a C0 control (one byte below 0x20) or U+FFFE/U+FFFF
    /// (which start with 0xEF), so text without those bytes is safe without decoding a scalar. Bodies of half a
    /// megabyte are checked on every write.
    public static func isXMLSafe(_ text: String) -> Bool {
        var text = text
        let suspicious = text.withUTF8 { bytes in bytes.contains(where: isSuspicious) }
        return !suspicious || text.unicodeScalars.allSatisfy(isXMLChar)
    }

    private static func isSuspicious(_ byte: UInt8) -> Bool {
        if byte >= 0x20 { return byte == 0xEF }
        return byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    static func isXMLChar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Checks one field: not empty unless allowed, no longer than `maxLength` characters, XML-safe,
    /// and (for single-line fields) without line breaks.
    static func check(
        _ text: String,
        field: String,
        maxLength: Int,
        allowEmpty: Bool = false,
        singleLine: Bool = false,
        into errors: inout [FieldError]
    ) {
        if !allowEmpty && text.allSatisfy(\.isWhitespace) {
            errors.append(FieldError(field: field, message: "must not be empty"))
        }
        // Characters are Unicode scalars, as JSON Schema's `maxLength` counts them (an emoji with a skin tone is
        // two); a scalar is at least one byte, so only text longer in bytes than the limit needs counting.
        if text.utf8.count > maxLength && text.unicodeScalars.count > maxLength {
            errors.append(FieldError(field: field, message: "must be at most \(maxLength) characters"))
        }
        if !isXMLSafe(text) {
            errors.append(FieldError(field: field, message: "contains control characters that XML cannot carry"))
        } else if singleLine && text.contains(where: \.isNewline) {
            errors.append(FieldError(field: field, message: "must be a single line"))
        }
    }

    /// A stakeholder group key: lower-case letters, digits and hyphens, starting with a letter or digit.
    static func isValidGroupKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, key.unicodeScalars.count <= 40 else { return false }
        let allowed: (Unicode.Scalar) -> Bool = { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return allowed(first) && first != "-" && key.unicodeScalars.allSatisfy(allowed)
    }
}
