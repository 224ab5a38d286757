/// A password someone chose, with its repetition: the two must match and the password must pass the policy.
public struct NewPassword: ValidatedInput {
    public var password: String
    public var repeated: String

    public init(password: String, repeated: String) {
        self.password = password
        self.repeated = repeated
    }

    public func validate(into errors: inout FieldErrors) {
        PasswordPolicy.check(password, into: &errors)
        if password != repeated { errors.add("repeatPassword", "does not match the password") }
    }
}

/// The first admin, as the first-run setup page creates them.
public struct FirstAdmin: ValidatedInput {
    public var name: String
    public var email: String
    public var password: NewPassword

    public init(name: String, email: String, password: NewPassword) {
        self.name = name
        self.email = email
        self.password = password
    }

    public func validate(into errors: inout FieldErrors) {
        NewAccount(name: name, email: email).validate(into: &errors)
        password.validate(into: &errors)
    }
}
