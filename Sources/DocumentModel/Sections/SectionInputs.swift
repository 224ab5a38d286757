import Foundation

/// What a facilitator gives to create a section.
public struct NewSection: Sendable {
    public var heading: String
    public var body: String
    public var parentID: Int64?
    public var position: Int?
    public var message: String?

    public init(heading: String, body: String, parentID: Int64? = nil, position: Int? = nil, message: String? = nil) {
        self.heading = heading
        self.body = body
        self.parentID = parentID
        self.position = position
        self.message = message
    }
}

/// A move within the tree; `parentID` of `.some(nil)` means "to the top level".
public struct SectionMove: Sendable {
    public var parentID: Int64??
    public var position: Int?

    public init(parentID: Int64?? = nil, position: Int? = nil) {
        self.parentID = parentID
        self.position = position
    }
}

/// A new heading and body for a section, as an edit gives them.
struct SectionEdit: ValidatedInput {
    var heading: String
    var body: String
    var message: String?

    func validate(into errors: inout FieldErrors) {
        SectionText.validate(heading: heading, body: body, into: &errors)
        errors.text(message, field: "message", maxLength: TextRules.maxMessageLength, allowEmpty: true)
    }
}

/// The optional message of a structure revision (a move).
struct RevisionMessage: ValidatedInput {
    var message: String?

    func validate(into errors: inout FieldErrors) {
        errors.text(message, field: "message", maxLength: TextRules.maxMessageLength, allowEmpty: true)
    }
}

extension NewSection: ValidatedInput {
    public func validate(into errors: inout FieldErrors) {
        SectionEdit(heading: heading, body: body, message: message).validate(into: &errors)
    }
}

extension SectionText {
    /// The rules every section text follows, whoever writes it: a single-line heading and an XML-safe body.
    static func validate(heading: String?, body: String?, into errors: inout FieldErrors) {
        errors.text(heading, field: "heading", maxLength: TextRules.maxHeadingLength, singleLine: true)
        errors.text(body, field: "body", maxLength: TextRules.maxBodyLength, allowEmpty: true)
        LinkRules.check(body, field: "body", into: &errors)
    }
}
