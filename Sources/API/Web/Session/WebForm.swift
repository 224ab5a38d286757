import Foundation
import Hummingbird

/// Reads a submitted HTML form (`application/x-www-form-urlencoded`) into `Form`, after checking its token and
/// origin: a form from another site, or a stale page, is refused before anything is decoded or done.
enum WebForm {
    static func read<Form: Decodable & TokenCarrying>(
        _ type: Form.Type, from request: Request, visitor: WebVisitor, guard formGuard: FormGuard, limit: Int
    ) async throws -> Form {
        guard let contentType = request.headers[.contentType]?.lowercased(),
            contentType.hasPrefix("application/x-www-form-urlencoded")
        else { throw WebError.badForm }
        let buffer = try await request.body.collect(upTo: limit)
        let form: Form
        do {
            form = try URLEncodedFormDecoder().decode(Form.self, from: Self.unixLineBreaks(String(buffer: buffer)))
        } catch {
            // A form without its token is a forged or stale one before it is a malformed one.
            try formGuard.check(token: nil, request: request, visitor: visitor)
            throw WebError.badForm
        }
        try formGuard.check(token: form.csrf, request: request, visitor: visitor)
        return form
    }
}

extension WebForm {
    /// Browsers send a textarea's line breaks as CR LF (HTML's form submission rules); the texts of a strategy
    /// break lines with LF alone, as the API takes them. Both are percent-encoded in a form body, where a CR typed
    /// as text would be `%250D`, so the encoded breaks are rewritten before decoding.
    static func unixLineBreaks(_ body: String) -> String {
        body.replacingOccurrences(of: "%0D%0A", with: "%0A", options: .caseInsensitive)
            .replacingOccurrences(of: "%0D", with: "%0A", options: .caseInsensitive)
    }
}

/// A form that carries the anti-forgery token (the hidden field `csrf`).
protocol TokenCarrying {
    var csrf: String? { get }
}
