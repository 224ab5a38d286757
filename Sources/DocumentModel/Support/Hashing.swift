import Crypto
import Foundation

/// SHA-256 helpers shared by the content-addressed body store and the activity chain.
enum Hashing {
    static func sha256(_ text: String) -> Data {
        sha256(text.utf8[...])
    }

    static func sha256(_ utf8: Substring.UTF8View) -> Data {
        sha256(utf8) { Data($0) }
    }

    /// Hands the digest's 32 bytes to `body` without copying them into a collection first (an import hashes
    /// thousands of chunks, and building `Data` from the digest byte by byte cost more than the hashing).
    static func sha256<Result>(_ utf8: Substring.UTF8View, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var hasher = SHA256()
        if utf8.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.update(data: Array(utf8))
        }
        return hasher.finalize().withUnsafeBytes(body)
    }

    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count * 2)
        for byte in data {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
