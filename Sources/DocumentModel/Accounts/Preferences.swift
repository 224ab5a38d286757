import Foundation

/// How a person reads the interface: its language (a catalog's tag such as `sq`) and their time zone.
public struct Preferences: ValidatedInput {
    /// Nil: follow the browser's `Accept-Language`.
    public var language: String?
    /// An IANA identifier such as `Europe/Tirane`; nil: UTC.
    public var timeZone: String?

    public init(language: String?, timeZone: String?) {
        self.language = language
        self.timeZone = timeZone
    }

    public func validate(into errors: inout FieldErrors) {
        if let language, !Self.isLanguageTag(language) {
            errors.add("language", "must be a language tag such as en, sq or sr-Latn")
        }
        if let timeZone, timeZone.utf8.count > 64 || TimeZone(identifier: timeZone) == nil {
            errors.add("timeZone", "must be a time zone such as Europe/Belgrade")
        }
    }

    /// Letters, digits and hyphens, starting with two or three letters (BCP 47's shape, not its registry).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count <= 20, let first = parts.first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

extension AppDatabase {
    /// Saves a person's own reading preferences.
    public func setPreferences(accountID: Int64, _ preferences: Preferences) async throws {
        try preferences.requireValid()
        try await write { db in
            try db.run(
                "UPDATE account SET language = ?, timeZone = ? WHERE id = ?", [preferences.language, preferences.timeZone, accountID]
            )
            guard db.changesCount > 0 else { throw DocumentModelError.notFound("account") }
        }
    }
}
