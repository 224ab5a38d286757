/// What a facilitator gives to cut a draft.
struct NewDraft: ValidatedInput {
    var title: String
    var note: String?

    func validate(into errors: inout FieldErrors) {
        errors.text(title, field: "title", maxLength: TextRules.maxTitleLength, singleLine: true)
        errors.text(note, field: "note", maxLength: TextRules.maxMessageLength, allowEmpty: true)
        LinkRules.check(note, field: "note", into: &errors)
    }
}
