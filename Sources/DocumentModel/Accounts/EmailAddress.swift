import Foundation

/// The rules for an account's email: what is accepted, and the one form it is stored and looked up in.
public enum EmailAddress {
    public static let maxLength = 254

    /// Lower-cased and trimmed, so `Ana@Example.org` and `ana@example.org ` are the same person.
    public static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// One `@` between a non-empty local part and a dotted domain, no white space or control characters, at most
    /// 254 bytes (RFC 5321's path limit). Whether the address receives mail only an invitation can tell.
    public static func isPlausible(_ text: String) -> Bool {
        let text = normalized(text)
        guard text.utf8.count <= maxLength, !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F })
        else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
