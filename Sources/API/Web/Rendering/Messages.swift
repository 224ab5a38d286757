import Foundation

/// The words of the interface in one language, looked up by key; a template reads them as `{{t.key}}`.
struct Messages: Sendable {
    /// The catalog's language tag (`en`), for `<html lang>`.
    let language: String
    let table: [String: String]

    subscript(key: String) -> String {
        table[key] ?? key
    }

    /// The message with each `{name}` replaced by its argument, as given (templates escape what they print).
    func format(_ key: String, _ arguments: [String: String]) -> String {
        var text = self[key]
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A passage of a conflict as shown in a table: an empty one says so ("(nothing)"), rather than an empty cell.
    func orNothing(_ passage: String) -> String {
        passage.allSatisfy(\.isWhitespace) ? self["passageNothing"] : passage
    }
}
