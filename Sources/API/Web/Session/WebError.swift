/// Ways a page refuses that the domain's errors do not cover; `WebErrorMiddleware` turns each into a page.
enum WebError: Error, Equatable {
    /// The page needs a signed-in person: they are sent to sign in, and back afterwards.
    case notSignedIn
    /// The form's token or origin did not match (a stale page, or a forged request).
    case formExpired
    /// Too many failed sign-ins; try again after this many seconds.
    case throttled(seconds: Int)
    /// The request's body is not a form this page takes.
    case badForm
    /// The request's body is not `application/x-www-form-urlencoded`.
    case notAForm
    /// The form sent more than this many bytes.
    case formTooLarge(limit: Int)
}
