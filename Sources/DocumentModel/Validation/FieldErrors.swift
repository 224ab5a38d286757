/// The field errors of one input, collected in one place so every rule it breaks is reported at once.
public struct FieldErrors: Sendable, Equatable {
    public private(set) var all: [FieldError] = []

    public init() {}

    public var isEmpty: Bool { all.isEmpty }

    public mutating func add(_ field: String, _ message: String) {
        all.append(FieldError(field: field, message: message))
    }

    public mutating func add(contentsOf errors: [FieldError]) {
        all.append(contentsOf: errors)
    }

    /// Checks one text field against `TextRules`: not empty unless allowed, at most `maxLength` characters,
    /// XML-safe, and without line breaks when `singleLine`.
    public mutating func text(
        _ text: String, field: String, maxLength: Int, allowEmpty: Bool = false, singleLine: Bool = false
    ) {
        TextRules.check(text, field: field, maxLength: maxLength, allowEmpty: allowEmpty, singleLine: singleLine, into: &all)
    }

    /// As `text`, for a field the client may leave out.
    public mutating func text(
        _ text: String?, field: String, maxLength: Int, allowEmpty: Bool = false, singleLine: Bool = false
    ) {
        guard let text else { return }
        self.text(text, field: field, maxLength: maxLength, allowEmpty: allowEmpty, singleLine: singleLine)
    }

    /// Throws `DocumentModelError.invalid` with every collected error, if there is any.
    public func throwIfAny() throws {
        guard all.isEmpty else { throw DocumentModelError.invalid(all) }
    }
}
