import Foundation
import Hummingbird
import NIOCore

/// The one way a page reads a submitted HTML form (`application/x-www-form-urlencoded`), in a fixed order:
/// the request's origin (403), its media type (415), its size (413), then the anti-forgery token (403) — all
/// before a field is decoded (400). A forged, stale or oversized form is refused before anything is done.
struct FormReader: Sendable {
    /// Forms of a few short fields (sign-in, passwords, buttons) never need more than this.
    static let shortLimit = 16 * 1024

    /// How much a form may send.
    enum Size {
        /// Short fields only: `shortLimit` (or the configured limit, if lower).
        case short
        /// A form with texts (comments, amendments, edits, reasons): the configured limit.
        case text
    }

    let formGuard: FormGuard
    /// Bytes a form with texts may send (`serve --form-limit`).
    let textLimit: Int

    func limit(_ size: Size) -> Int {
        switch size {
        case .short: min(Self.shortLimit, textLimit)
        case .text: textLimit
        }
    }

    func read<Form: Decodable>(_ type: Form.Type, from request: Request, visitor: WebVisitor, size: Size = .short) async throws -> Form {
        let fields = try await checkedBody(of: request, visitor: visitor, limit: limit(size))
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: Self.unixLineBreaks(fields))
        } catch {
            throw WebError.badForm
        }
    }

    /// For forms that are only a button: checks the origin, size and token, and decodes nothing.
    func check(_ request: Request, visitor: WebVisitor) async throws {
        _ = try await checkedBody(of: request, visitor: visitor, limit: limit(.short))
    }

    private func checkedBody(of request: Request, visitor: WebVisitor, limit: Int) async throws -> String {
        guard FormGuard.sameOrigin(request, publicOrigin: formGuard.publicOrigin) else { throw WebError.formExpired }
        guard let contentType = request.headers[.contentType]?.lowercased(),
            contentType.hasPrefix("application/x-www-form-urlencoded")
        else { throw WebError.notAForm }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw WebError.formTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw WebError.formTooLarge(limit: limit)
        }
        let body = String(buffer: buffer)
        try formGuard.check(token: Self.token(in: body), visitor: visitor)
        return body
    }

    /// The value of the `csrf` field, read without decoding the rest of the form.
    static func token(in body: String) -> String? {
        for pair in body.split(separator: "&") where pair.hasPrefix("csrf=") {
            return String(pair.dropFirst(5)).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    /// Browsers send a textarea's line breaks as CR LF (HTML's form submission rules); the texts of a strategy
    /// break lines with LF alone, as the API takes them. Both are percent-encoded in a form body, where a CR typed
    /// as text would be `%250D`, so the encoded breaks are rewritten before decoding.
    static func unixLineBreaks(_ body: String) -> String {
        body.replacingOccurrences(of: "%0D%0A", with: "%0A", options: .caseInsensitive)
            .replacingOccurrences(of: "%0D", with: "%0A", options: .caseInsensitive)
    }
}
