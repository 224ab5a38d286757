import Hummingbird

/// The interface's cookies: the session (`strategy_session`) and, before sign-in, the secret that sign-in and
/// invitation forms are bound to (`strategy_form`). Both `HttpOnly`, `SameSite=Lax`, `Secure` behind https.
struct WebCookies: Sendable {
    static let session = "strategy_session"
    static let form = "strategy_form"
    /// The language a reader chose in the menu (a catalog's tag), for a year; an account's own choice comes first.
    static let language = "strategy_lang"
    let secure: Bool

    func language(_ tag: String) -> Cookie {
        Cookie(name: Self.language, value: tag, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func session(_ token: String) -> Cookie {
        // No Max-Age: the server ends the session (idle 8 h, at most 30 days); the browser forgets it on exit.
        Cookie(name: Self.session, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func form(_ secret: String) -> Cookie {
        Cookie(name: Self.form, value: secret, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Makes the browser drop the session cookie (sign-out, or a session the server no longer knows).
    var clearedSession: Cookie {
        Cookie(name: Self.session, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
