/// Writes RFC 4180 CSV that spreadsheets open safely.
///
/// Records end in CRLF; a field holding a comma, a quote or a line break is quoted, with quotes doubled. A cell
/// that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) gets a
/// leading apostrophe, as OWASP's CSV-injection guidance advises, so opening a matrix can never run anything.
struct CSVWriter {
    /// UTF-8 byte order mark: without it Excel reads UTF-8 as the local code page.
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func record(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(Self.neutralised(field))
        }
        bytes += [0x0D, 0x0A]
    }

    static func neutralised(_ field: String) -> String {
        guard let first = field.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first)
        else { return field }
        return "'" + field
    }

    private mutating func append(_ field: String) {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            bytes += field.utf8
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
