import Foundation

/// What a participant gives to comment: on a passage (`anchor` into `revision`), a whole section, or an amendment.
public struct NewComment: Sendable {
    public enum Target: Sendable {
        case section(id: Int64, revision: Int?, anchor: Range<Int>?)
        case amendment(Int)
    }

    public var target: Target
    public var kind: CommentKind
    public var body: String
    public var suggestion: String?

    public init(target: Target, kind: CommentKind, body: String, suggestion: String?) {
        self.target = target
        self.kind = kind
        self.body = body
        self.suggestion = suggestion
    }
}

/// A facilitator's disposition of a comment.
public struct CommentResolution: Sendable {
    public var disposition: Disposition
    public var response: String
    public var applySuggestion: Bool

    public init(disposition: Disposition, response: String, applySuggestion: Bool) {
        self.disposition = disposition
        self.response = response
        self.applySuggestion = applySuggestion
    }
}

extension NewComment: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        errors.text(body, field: "body", maxLength: TextRules.maxRationaleLength)
        LinkRules.check(body, field: "body", into: &errors)
        errors.text(suggestion, field: "suggestion", maxLength: TextRules.maxBodyLength, allowEmpty: true)
        LinkRules.check(suggestion, field: "suggestion", into: &errors)
    }
}

/// A reply in a comment's thread.
struct CommentReplyInput: ValidatedInput {
    var body: String

    func validate(into errors: inout FieldErrors) {
        errors.text(body, field: "body", maxLength: TextRules.maxRationaleLength)
        LinkRules.check(body, field: "body", into: &errors)
    }
}

extension CommentResolution: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        errors.text(response, field: "response", maxLength: TextRules.maxRationaleLength, allowEmpty: true)
        LinkRules.check(response, field: "response", into: &errors)
        if applySuggestion && ![.accepted, .partiallyAccepted].contains(disposition) {
            errors.add("applySuggestion", "only an accepted or partially accepted comment can have its suggestion applied")
        }
    }
}

/// Several comments' suggestions to apply to one section in one revision.
struct SuggestionBatch: ValidatedInput {
    var numbers: [Int]
    var response: String?

    func validate(into errors: inout FieldErrors) {
        if numbers.isEmpty { errors.add("comments", "must name at least one comment") }
        if Set(numbers).count != numbers.count { errors.add("comments", "names a comment twice") }
        errors.text(response, field: "response", maxLength: TextRules.maxRationaleLength, allowEmpty: true)
        LinkRules.check(response, field: "response", into: &errors)
    }
}
