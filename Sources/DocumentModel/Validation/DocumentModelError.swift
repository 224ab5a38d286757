/// Every way a domain operation can refuse; the API layer maps each case to one HTTP problem.
public enum DocumentModelError: Error, Sendable, Equatable {
    /// The resource does not exist, or the caller may not know that it exists.
    case notFound(String)
    /// The caller is a member of the strategy but lacks the role (or group) for the action.
    case forbidden(String)
    /// The strategy's phase does not allow the action.
    case phaseForbids(phase: Phase, action: String)
    /// A state transition or uniqueness rule refuses the request.
    case conflict(String)
    /// The client's view (`If-Match`) is stale; carries the current revision.
    case preconditionFailed(currentRevision: Int)
    /// Well-formed input that breaks a rule; one entry per offending field.
    case invalid([FieldError])
    /// A three-way merge met passages changed on both sides; nothing was written.
    case mergeConflict(currentRevision: Int, conflicts: [MergeConflict])
    /// Suggestions to be applied together replace overlapping passages (the comments' numbers); nothing was written.
    case overlappingSuggestions([Int])
    /// Adoption needs every group's approval of the draft; these groups have not approved it.
    case notApproved(draft: Int, groups: [String])
    /// Adoption waits for every translation, and these languages (each with the sections still outdated or
    /// missing in the draft) are not complete.
    case translationsIncomplete(draft: Int, languages: [String])
    /// Too much heavy work (exports, imports, comparisons) is running or waiting; try again after `retryAfter` seconds.
    case busy(retryAfter: Int)
}

/// One field that failed validation, named by its JSON pointer-like path.
public struct FieldError: Sendable, Equatable, Codable {
    public var field: String
    public var message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension DocumentModelError {
    static func invalid(_ field: String, _ message: String) -> DocumentModelError {
        .invalid([FieldError(field: field, message: message)])
    }
}
