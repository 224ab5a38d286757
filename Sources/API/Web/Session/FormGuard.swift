import Crypto
import DocumentModel
import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery defences for every state-changing form: a token bound to the visitor's session
/// (or, before sign-in, to the form cookie), and the `Origin` of the request, which must be this service.
struct FormGuard: Sendable {
    /// The origin of `--public-url` (`https://strategy.example.org`), also accepted besides the request's own host.
    let publicOrigin: String

    /// The token forms carry: a hash of the secret it is bound to, so the page never shows the secret itself.
    static func token(boundTo secret: String) -> String {
        Secret.hash("form:" + secret).base64EncodedString()
    }

    /// Throws `WebError.formExpired` unless the token matches the visitor's.
    func check(token: String?, visitor: WebVisitor) throws {
        guard let token, Self.constantTimeEqual(token, visitor.csrfToken) else { throw WebError.formExpired }
    }

    /// `Origin` names this service (the public URL or the `Host` the request was sent to). A request without
    /// `Origin` passes only when `Sec-Fetch-Site` does not say it came from another site.
    static func sameOrigin(_ request: Request, publicOrigin: String) -> Bool {
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            return origin == publicOrigin || origin == "http://\(host)" || origin == "https://\(host)"
        }
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        return site == nil || site == "same-origin" || site == "none"
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let (a, b) = (Array(a.utf8), Array(b.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
