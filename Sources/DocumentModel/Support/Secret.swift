import Crypto
import Foundation

/// The random secrets the service hands out (tokens, invitation links, session cookies) and the one form they are
/// stored in: a SHA-256 hash, so a copy of the database opens nothing.
public enum Secret {
    /// Characters of `random()`: 32 bytes in base64url without padding.
    public static let length = 43

    /// 256 bits from the system's CSPRNG, base64url without padding.
    public static func random() -> String {
        let key = SymmetricKey(size: .bits256)
        return base64URL(key.withUnsafeBytes { Data($0) })
    }

    /// SHA-256 of the secret's UTF-8 text.
    public static func hash(_ secret: String) -> Data {
        Data(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Whether the text has the shape `random()` gives (a cheap check before any database work).
    public static func looksValid<Text: StringProtocol>(_ text: Text) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy(isBase64URL)
    }

    static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            || byte == 0x5F
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
