import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Conditional GET (RFC 9110 §13.1.2): a client that sends the entity tag it holds in `If-None-Match` gets
/// 304 Not Modified, with no body, when the tag is still current. The comparison is weak (`W/"3"` matches
/// `"3"`), and `*` matches any current representation.
enum IfNoneMatch {
    static func matches(_ request: Request, eTag: String) -> Bool {
        let lines = request.headers[values: .ifNoneMatch]
        guard !lines.isEmpty else { return false }
        let opaque = Self.opaque(eTag)
        for tag in lines.joined(separator: ",").split(separator: ",") {
            let tag = tag.trimmingCharacters(in: .whitespaces)
            if tag == "*" || Self.opaque(tag) == opaque { return true }
        }
        return false
    }

    /// The 304 for `response` when the request's `If-None-Match` names its `ETag`; nil otherwise. Only for GET
    /// and HEAD: any other method with a matching `If-None-Match` would be a 412, and none of ours reads it.
    static func notModified(_ request: Request, response: Response) -> Response? {
        guard request.method == .get || request.method == .head, response.status == .ok,
            let eTag = response.headers[.eTag], matches(request, eTag: eTag)
        else { return nil }
        // RFC 9110 §15.4.5: the headers a 200 would have carried that describe caching, not the body.
        var headers = HTTPFields()
        for name in [HTTPField.Name.eTag, .cacheControl, .contentLocation, .date, .expires, .vary] {
            if let value = response.headers[name] { headers[name] = value }
        }
        return Response(status: .notModified, headers: headers)
    }

    /// A strong entity tag for bytes that are the whole representation (a rendered page).
    static func tag(for bytes: some Sequence<UInt8>) -> String {
        var hash = SHA256()
        hash.update(data: Array(bytes))
        let digest = hash.finalize().prefix(16)
        return "\""
            + Data(digest).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "") + "\""
    }

    private static func opaque(_ tag: some StringProtocol) -> Substring {
        let tag = Substring(tag)
        return tag.hasPrefix("W/") ? tag.dropFirst(2) : tag
    }
}

/// Answers a page's conditional GET: every page carries a tag of its bytes (`WebRenderer.html`), so a reader who
/// already has the current one gets 304.
struct ConditionalGetMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        return IfNoneMatch.notModified(request, response: response) ?? response
    }
}
