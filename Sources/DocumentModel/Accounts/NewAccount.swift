/// What an admin (or the command line) gives to create an account.
struct NewAccount: ValidatedInput {
    var name: String

    func validate(into errors: inout FieldErrors) {
        errors.text(name, field: "name", maxLength: TextRules.maxNameLength, singleLine: true)
    }
}
