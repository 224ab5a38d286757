import DocumentModel
import Foundation

/// Who is looking at a page: the signed-in account (if any), the form token their forms carry, and how they
/// read (language, time zone). Made by `WebSessionMiddleware` for every request to the interface.
struct WebVisitor: Sendable {
    let account: Account?
    /// The session cookie's secret, while signed in.
    let sessionToken: String?
    let csrfToken: String
    let messages: Messages
    let dates: DateText
}
