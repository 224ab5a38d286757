/// Input a client sends to the domain, which checks its own fields before anything is read or written.
///
/// Validation is the third step of every write (authenticate → authorize → validate → act): see
/// `AppDatabase.authorizeThenValidate`, which makes sure an invalid input never tells a caller more than
/// its access allows.
public protocol ValidatedInput: Sendable {
    /// Adds an entry to `errors` for every field that breaks a rule.
    func validate(into errors: inout FieldErrors)
}

extension ValidatedInput {
    /// Every rule the input breaks; empty when it is valid.
    public func validate() -> [FieldError] {
        var errors = FieldErrors()
        validate(into: &errors)
        return errors.all
    }

    /// Throws `DocumentModelError.invalid` with every rule the input breaks. For inputs outside any strategy;
    /// inside one, `AppDatabase.authorizeThenValidate` authorizes first.
    public func requireValid() throws {
        let errors = validate()
        guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
    }
}
