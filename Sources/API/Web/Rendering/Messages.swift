import DocumentModel
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

    /// The message for `count`, in the form the language's plural rules choose (`key_one`, `key_few`, or `key`
    /// itself for other), with `{count}` written as the language writes numbers.
    func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        let variant = key + "_" + PluralCategory(count, language: language).rawValue
        let number = count.formatted(.number.locale(Locale(identifier: language)))
        return format(table[variant] != nil ? variant : key, arguments.merging(["count": number]) { given, _ in given })
    }

    /// A passage of a conflict as shown in a table: an empty one says so ("(nothing)"), rather than an empty cell.
    func orNothing(_ passage: String) -> String {
        passage.allSatisfy(\.isWhitespace) ? self["passageNothing"] : passage
    }
}
