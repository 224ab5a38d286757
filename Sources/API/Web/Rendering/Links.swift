import Foundation

/// The paths of the interface's pages, written once.
enum Links {
    /// RFC 3986's unreserved and reserved characters, and `%` for escapes already made: everything else in `text`
    /// (spaces, non-ASCII letters, `"`, `<`, `{`…) is percent-encoded, so the result is a valid URI reference.
    static func uriReference(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: uriCharacters) ?? "/app"
    }

    private static let uriCharacters = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        .union(CharacterSet(charactersIn: "-._~:/?#[]@!$&'()*+,;=%"))

    static func strategy(_ id: Int64) -> String { "/app/strategies/\(id)" }
    static func section(_ strategy: Int64, _ section: Int64) -> String { "\(Self.strategy(strategy))/sections/\(section)" }
    static func revision(_ strategy: Int64, _ section: Int64, _ number: Int) -> String {
        "\(Self.section(strategy, section))/revisions/\(number)"
    }
    static func sectionComments(_ strategy: Int64, _ section: Int64) -> String { "\(Self.section(strategy, section))/comments" }
    static func comment(_ strategy: Int64, _ number: Int) -> String { "\(Self.strategy(strategy))/comments/\(number)" }
    static func commentReplies(_ strategy: Int64, _ number: Int) -> String { "\(Self.strategy(strategy))/comments/\(number)/replies" }
    static func proposeAmendment(_ strategy: Int64, _ section: Int64) -> String { "\(Self.section(strategy, section))/amendments/new" }
    static func events(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/events" }
    static func amendment(_ strategy: Int64, _ number: Int) -> String { "\(Self.strategy(strategy))/amendments/\(number)" }
    static func drafts(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/drafts" }
    static func draft(_ strategy: Int64, _ number: Int) -> String { "\(drafts(strategy))/\(number)" }
    static func export(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/export" }
    static func desk(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/desk" }
    static func participation(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/participation" }
    static func members(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/members" }
    static func outline(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/outline" }
    static func phase(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/phase" }
    static func compare(_ strategy: Int64, _ from: Int, _ to: Int) -> String { "\(drafts(strategy))/\(from)/compare/\(to)" }
    static func activity(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/activity" }
    static func publication(_ strategy: Int64) -> String { "\(Self.strategy(strategy))/publication" }
    static func publicPage(_ slug: String) -> String { "/public/\(slug)" }
}
