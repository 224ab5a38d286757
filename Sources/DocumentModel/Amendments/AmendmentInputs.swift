import Foundation

/// What a member gives to propose an amendment; a nil heading keeps the base revision's.
public struct NewAmendment: Sendable {
    public var baseRevision: Int
    public var heading: String?
    public var body: String
    public var rationale: String

    public init(baseRevision: Int, heading: String?, body: String, rationale: String) {
        self.baseRevision = baseRevision
        self.heading = heading
        self.body = body
        self.rationale = rationale
    }
}

/// A facilitator's own resolution, used instead of the three-way merge for the fields it gives.
public struct AmendmentResolution: Sendable {
    public var heading: String?
    public var body: String?

    public init(heading: String? = nil, body: String? = nil) {
        self.heading = heading
        self.body = body
    }

    public var isEmpty: Bool { heading == nil && body == nil }
}

extension NewAmendment: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        SectionText.validate(heading: heading, body: body, into: &errors)
        errors.text(rationale, field: "rationale", maxLength: TextRules.maxRationaleLength)
        LinkRules.check(rationale, field: "rationale", into: &errors)
    }
}

extension AmendmentResolution: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        SectionText.validate(heading: heading, body: body, into: &errors)
    }
}

/// A facilitator's reason for rejecting an amendment.
struct AmendmentRejection: ValidatedInput {
    var reason: String

    func validate(into errors: inout FieldErrors) {
        errors.text(reason, field: "reason", maxLength: TextRules.maxRationaleLength)
        LinkRules.check(reason, field: "reason", into: &errors)
    }
}
