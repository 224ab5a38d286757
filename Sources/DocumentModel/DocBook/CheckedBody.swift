/// A section body as the store takes it: checked by `TextRules`, and when valid cut into hashed chunks. An
/// import makes one per section while the parser is still reading the rest of the document.
struct CheckedBody: Sendable, Equatable {
    let errors: [FieldError]
    /// Nil when the body is refused.
    let prepared: BodyStore.PreparedBody?

    init(_ body: String, field: String) {
        var errors = FieldErrors()
        errors.text(body, field: field, maxLength: TextRules.maxBodyLength, allowEmpty: true)
        self.errors = errors.all
        prepared = errors.isEmpty ? BodyStore.prepare(body) : nil
    }
}
