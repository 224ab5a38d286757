/// Escaping for the HTML our formatters write themselves (templates escape on their own).
enum HTMLText {
    static func escape(_ text: some StringProtocol, into out: inout String, lineBreaks: Bool = false) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n" where lineBreaks: out += "<br>"
            case "\r" where lineBreaks: break
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        escape(text, into: &out)
        return out
    }
}
