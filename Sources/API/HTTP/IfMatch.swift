import Hummingbird

/// `If-Match` for sections, whose entity tag is `"<revision>"`.
enum IfMatch {
    /// The revision the client claims to have seen: 428 without the header. A weak, malformed or wildcard tag
    /// never matches a revision, so it gives 0 and the store answers 412 with the current revision.
    static func revision(_ request: Request) throws -> Int {
        guard let header = request.headers[.ifMatch] else {
            throw Problem(
                status: .preconditionRequired, slug: "precondition-required", title: "Precondition required",
                detail: "changing a section needs If-Match with its current ETag"
            )
        }
        return optionalRevision(header) ?? 0
    }

    static func optionalRevision(_ header: String) -> Int? {
        for tag in header.split(separator: ",") {
            let tag = tag.trimmingCharacters(in: .whitespaces)
            guard tag.count >= 3, tag.hasPrefix("\""), tag.hasSuffix("\""), let revision = Int(tag.dropFirst().dropLast()) else {
                continue
            }
            return revision
        }
        return nil
    }
}
