import Foundation
import Hummingbird
import NIOCore

/// The one way a page reads a submitted HTML form (`application/x-www-form-urlencoded`), in a fixed order:
/// the request's origin (403), its media type (415), its size (413), the anti-forgery token (403), then its
/// encoding (UTF-8 once percent-decoded, 400) — all before a field is decoded (400). A forged, stale or oversized form is refused before anything is done.
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
        let buffer = try await Self.collect(request, limit: limit)
        let body = String(decoding: buffer.readableBytesView, as: UTF8.self)
        // The token first: a forged or stale form is refused as one, whatever else it holds.
        try formGuard.check(token: Self.token(in: body), visitor: visitor)
        guard Self.decodesAsUTF8(buffer.readableBytesView) else { throw WebError.badForm }
        return body
    }

    /// The body, refused as too large (413) by its declared length before a byte is read, or as it arrives.
    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw WebError.formTooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw WebError.formTooLarge(limit: limit)
        }
    }

    /// Whether the body, its percent-escapes decoded, is UTF-8: browsers send a form in the page's encoding, and
    /// ours are UTF-8, so anything else is not from one of our pages (and would be read as replacement characters).
    static func decodesAsUTF8(_ bytes: some Collection<UInt8>) -> Bool {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            guard byte == UInt8(ascii: "%"), index != bytes.endIndex, bytes.index(after: index) != bytes.endIndex,
                let high = hex(bytes[index]), let low = hex(bytes[bytes.index(after: index)])
            else {
                decoded.append(byte)
                continue
            }
            decoded.append(high << 4 | low)
            index = bytes.index(index, offsetBy: 2)
        }
        return String(validating: decoded, as: UTF8.self) != nil
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

/// A number a form sends as text (`revision`, `start`): absent or empty is nil; anything else that is not a
/// non-negative integer is a form no page of ours sends, refused with 400 rather than read as "absent".
enum FormNumber {
    static func parse(_ text: String?) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 0 else { throw WebError.badForm }
        return value
    }

    static func parse(_ texts: [String]?) throws -> [Int] {
        try (texts ?? []).compactMap { try parse($0) }
    }
}
