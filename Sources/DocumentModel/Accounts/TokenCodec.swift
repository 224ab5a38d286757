import Crypto
import Foundation

/// Makes bearer tokens and the hashes they are stored as; the clear text is never stored.
public enum TokenCodec {
    /// Every token starts with this, so leaked tokens are easy to recognise (and to scan for).
    public static let prefix = "stk_"

    /// 32 random bytes from the system's CSPRNG, base64url without padding, behind `prefix`.
    public static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        return prefix + base64URL(data)
    }

    /// SHA-256 of the token's UTF-8 text: the only form a token takes in the database.
    public static func hash(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }

    /// Whether the text has the shape of a token at all (cheap check before any database work).
    public static func looksValid(_ token: String) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count == prefix.utf8.count + 43
            && token.utf8.dropFirst(prefix.utf8.count).allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
