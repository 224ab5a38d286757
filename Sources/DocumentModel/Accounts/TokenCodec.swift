import Foundation

/// Makes bearer tokens and the hashes they are stored as; the clear text is never stored.
public enum TokenCodec {
    /// Every token starts with this, so leaked tokens are easy to recognise (and to scan for).
    public static let prefix = "stk_"

    /// A `Secret` behind `prefix`.
    public static func generate() -> String {
        prefix + Secret.random()
    }

    /// SHA-256 of the token's UTF-8 text: the only form a token takes in the database.
    public static func hash(_ token: String) -> Data {
        Secret.hash(token)
    }

    /// Whether the text has the shape of a token at all (cheap check before any database work).
    public static func looksValid(_ token: String) -> Bool {
        token.hasPrefix(prefix) && Secret.looksValid(token.dropFirst(prefix.count))
    }
}
