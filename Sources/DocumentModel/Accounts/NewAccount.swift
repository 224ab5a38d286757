/// What an admin (or the command line) gives to create an account.
struct NewAccount: ValidatedInput {
    var name: String
    var email: String? = nil

    func validate(into errors: inout FieldErrors) {
        errors.text(name, field: "name", maxLength: TextRules.maxNameLength, singleLine: true)
        if let email, !EmailAddress.isPlausible(email) {
            errors.add("email", "must be an email address such as name@example.org")
        }
    }
}
