import Foundation

/// What a signatory gives: the decision, a note (required to object) and optionally the group, which must be theirs.
public struct NewSignoff: Sendable {
    public var decision: SignoffDecision
    public var note: String?
    public var group: String?

    public init(decision: SignoffDecision, note: String?, group: String? = nil) {
        self.decision = decision
        self.note = note
        self.group = group
    }
}

extension NewSignoff: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        errors.text(note, field: "note", maxLength: TextRules.maxRationaleLength, allowEmpty: true)
        LinkRules.check(note, field: "note", into: &errors)
        if decision == .object && (note ?? "").allSatisfy(\.isWhitespace) {
            errors.add("note", "an objection must say why")
        }
    }
}
