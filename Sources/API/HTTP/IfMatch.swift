import DocumentModel
import Hummingbird

/// `If-Match` (RFC 9110 §13.1.1) for resources whose entity tag is `"<revision>"`: `*` matches any current
/// revision, a list matches if any of its strong tags does, and a weak tag (`W/"3"`) never matches, since a
/// write needs a strong comparison. A header of only weak or malformed tags therefore matches nothing: the store
/// answers 412 with the current revision.
enum IfMatch {
    /// What the client claims to have seen: 428 without the header.
    static func revision(_ request: Request, resource: String = "a section") throws -> RevisionMatch {
        guard let header = optional(request) else {
            throw Problem(
                status: .preconditionRequired, slug: "precondition-required", title: "Precondition required",
                detail: "changing \(resource) needs If-Match with its current ETag"
            )
        }
        return header
    }

    /// The header's condition, if the request has one (every `If-Match` line counts).
    static func optional(_ request: Request) -> RevisionMatch? {
        let lines = request.headers[values: .ifMatch]
        guard !lines.isEmpty else { return nil }
        return parse(lines.joined(separator: ","))
    }

    static func parse(_ header: String) -> RevisionMatch {
        var revisions: [Int] = []
        for tag in header.split(separator: ",") {
            let tag = tag.trimmingCharacters(in: .whitespaces)
            if tag == "*" { return .any }
            guard tag.count >= 3, tag.hasPrefix("\""), tag.hasSuffix("\""), let revision = Int(tag.dropFirst().dropLast()),
                revision >= 0
            else { continue }
            revisions.append(revision)
        }
        return .oneOf(revisions)
    }
}
