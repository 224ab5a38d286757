import Foundation

/// The rules for an account's email: what is accepted, and the one form it is stored and looked up in.
public enum EmailAddress {
    public static let maxLength = 254
    static let maxLocalPartLength = 64
    static let maxLabelLength = 63

    /// Lower-cased and trimmed, so `Ana@Example.org` and `ana@example.org ` are the same person.
    public static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// An RFC 5322 addr-spec in its dot-atom form, the only one mail systems hand out to people: a local part of
    /// atext (letters and digits, also non-ASCII ones as RFC 6531 allows, and ``!#$%&'*+-/=?^_`{|}~``) in
    /// dot-separated runs, `@`, and a domain of at least two labels of letters, digits and inner hyphens
    /// (internationalised labels in Unicode or as `xn--`), at most 254 bytes (RFC 5321's path limit). Quoted local
    /// parts, comments, angle brackets and address literals are refused: none belongs in an account's address, and
    /// each is a way to smuggle markup or a second address. Whether the address receives mail only mail can tell.
    public static func isPlausible(_ text: String) -> Bool {
        let text = normalized(text)
        guard text.utf8.count <= maxLength else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, isDotAtom(parts[0]), parts[0].utf8.count <= maxLocalPartLength else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isDomainLabel) else { return false }
        // A top-level domain is never all digits: `a@1.2.3.4` is an address literal without its brackets.
        return !(labels.last!.allSatisfy(\.isASCII) && labels.last!.allSatisfy(\.isNumber))
    }

    static func isDotAtom(_ localPart: Substring) -> Bool {
        let runs = localPart.split(separator: ".", omittingEmptySubsequences: false)
        return runs.allSatisfy { run in !run.isEmpty && run.unicodeScalars.allSatisfy(isAtext) }
    }

    static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
    }

    static func isDomainLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.utf8.count <= maxLabelLength, label.first != "-", label.last != "-" else { return false }
        return label.unicodeScalars.allSatisfy { scalar in
            scalar == "-"
                || (scalar.isASCII
                    ? scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                        || scalar.properties.generalCategory == .nonspacingMark)
        }
    }
}
