/// The edit script as JSON (no Foundation): `{"edits":[{"kind":"equal","before":[0,3],"after":[0,3]},…]}`,
/// ranges half-open token indices.
public enum EditScriptJSON {
    public static func format(_ script: EditScript) -> String {
        var out = "{\"edits\":["
        for (index, edit) in script.edits.enumerated() {
            if index > 0 { out += "," }
            out += "{\"after\":[\(edit.after.lowerBound),\(edit.after.upperBound)],"
            out += "\"before\":[\(edit.before.lowerBound),\(edit.before.upperBound)],\"kind\":\"\(edit.kind.rawValue)\"}"
        }
        out += "]}\n"
        return out
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
