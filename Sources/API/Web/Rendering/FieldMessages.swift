import DocumentModel

/// The domain's field errors in the reader's language, keyed by field for the form that shows each beside its
/// input. The domain states its rules in English; a catalog translates one by giving the English text as a key
/// (`"must be at least 12 characters": "…"`), and a rule it lacks is shown in English rather than not at all.
struct FieldMessages {
    let byField: [String: String]

    init(_ errors: [FieldError], _ messages: Messages) {
        var byField: [String: String] = [:]
        for error in errors where byField[error.field] == nil {
            byField[error.field] = messages.table[error.message] ?? error.message
        }
        self.byField = byField
    }
}
