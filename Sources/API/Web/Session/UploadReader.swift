import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The one way a page reads a form that uploads a file (`multipart/form-data`), in the order `FormReader` keeps
/// for every other form: its origin (403), its media type (415), its size (413), the anti-forgery token (403),
/// then its fields (400). The file is handed on as bytes; what it holds is for the domain to judge.
struct UploadReader: Sendable {
    let formGuard: FormGuard
    /// Bytes the whole form may send: the file's own limit and room for its other fields and part headers.
    let limit: Int

    /// The fields of a form, by name, and the file, if one was chosen (a browser sends an empty part otherwise).
    struct Upload {
        var fields: [String: String]
        var file: [UInt8]?
    }

    /// Room for the fields beside the file and the parts' headers and boundaries.
    static let overhead = 64 * 1024

    init(formGuard: FormGuard, fileLimit: Int) {
        self.formGuard = formGuard
        limit = fileLimit + Self.overhead
    }

    func read(_ request: Request, visitor: WebVisitor, file fileField: String) async throws -> Upload {
        guard FormGuard.sameOrigin(request, publicOrigin: formGuard.publicOrigin) else { throw WebError.formExpired }
        guard let boundary = request.headers[.contentType].flatMap(Self.boundary) else { throw WebError.notAForm }
        let buffer = try await FormReader.collect(request, limit: limit)
        let parts: [MultipartPart]
        do {
            parts = try Self.parts(of: buffer, boundary: boundary)
        } catch {
            throw WebError.badForm
        }
        // The token first: a forged or stale form is refused as one, whatever else it holds.
        try formGuard.check(token: parts.firstPart(named: "csrf").map { String(buffer: $0.body) }, visitor: visitor)
        var upload = Upload(fields: [:], file: nil)
        for part in parts {
            guard let name = part.name else { throw WebError.badForm }
            if name == fileField {
                upload.file = part.body.readableBytes > 0 ? Array(part.body.readableBytesView) : nil
            } else {
                guard let text = String(validating: part.body.readableBytesView, as: UTF8.self) else { throw WebError.badForm }
                upload.fields[name] = text
            }
        }
        return upload
    }

    /// The `boundary` parameter of a `multipart/form-data` media type (RFC 7578), unquoted; nil for anything else.
    static func boundary(of contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            // RFC 2046: one to seventy characters.
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// Every part of the body, as MultipartKit's parser delivers them.
    static func parts(of buffer: ByteBuffer, boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var body = ByteBuffer()
        parser.onHeader = { field, value in headers.replaceOrAdd(name: field, value: value) }
        parser.onBody = { chunk in body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: body))
            headers = HTTPHeaders()
            body = ByteBuffer()
        }
        try parser.execute(buffer)
        return parts
    }
}
