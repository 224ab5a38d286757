import Foundation
import HummingbirdBcrypt

/// Hashes and checks passwords with bcrypt (hummingbird-auth's).
///
/// bcrypt reads only the first 72 bytes of its input, so the password is first reduced to its SHA-256 in base64
/// (44 bytes): every character of a long passphrase counts.
public struct PasswordHasher: Sendable {
    /// log2 of bcrypt's rounds: 12 costs about a quarter of a second of one core, which is what makes a stolen
    /// hash slow to guess. Tests use bcrypt's minimum, 4.
    public let cost: UInt8

    public init(cost: UInt8 = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String {
        Bcrypt.hash(Self.prehash(password), cost: cost)
    }

    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(Self.prehash(password), hash: hash)
    }

    /// Spends the time a `verify` takes, for a sign-in that names an unknown email: its answer must take as long
    /// as a wrong password's.
    func spendVerifyTime(_ password: String) {
        _ = hash(password)
    }

    static func prehash(_ password: String) -> String {
        Secret.hash(password).base64EncodedString()
    }
}
