import Foundation

/// What a password must be: long enough, and not one that attackers try first.
public enum PasswordPolicy {
    public static let minLength = 12
    /// Far beyond any passphrase; bounds the work a request can ask for.
    public static let maxLength = 1_000

    /// The reasons `password` is refused, as field errors of `field`; none when it is acceptable.
    public static func check(_ password: String, field: String = "password", into errors: inout FieldErrors) {
        let length = password.count
        if length < minLength {
            errors.add(field, "must be at least \(minLength) characters")
        } else if length > maxLength {
            errors.add(field, "must be at most \(maxLength) characters")
        } else if isCommon(password) {
            errors.add(field, "is one of the most common passwords; choose another")
        }
    }

    /// A listed common password, or one made of a listed word padded with digits and symbols, one repeated
    /// character, or a run along the keyboard or the alphabet.
    static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if CommonPasswords.all.contains(lowered) { return true }
        let core = lowered.trimmingCharacters(in: CharacterSet.letters.inverted)
        if CommonPasswords.words.contains(core) { return true }
        if Set(lowered).count <= 2 { return true }
        return CommonPasswords.runs.contains { $0.contains(lowered) }
    }
}
