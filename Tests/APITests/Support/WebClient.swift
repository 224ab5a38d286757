import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A browser's part in a test: keeps the cookies the service sets, sends them back, and fills in forms with the
/// token the last page carried, as a browser submitting that page's form would.
struct WebClient {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    /// The anti-forgery token of the last page that had a form.
    var csrf: String?

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    @discardableResult
    mutating func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, path, headers: headers, body: nil)
    }

    /// Posts `fields` as a URL-encoded form, with the page's token unless the fields name their own `csrf`.
    @discardableResult
    mutating func post(_ path: String, _ fields: [String: String], headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = fields
        if fields["csrf"] == nil, let csrf { fields["csrf"] = csrf }
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.post, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts fields that may repeat a name (`comments[]` checked twice), in order, with the page's token.
    @discardableResult
    mutating func post(_ path: String, pairs: [(String, String)]) async throws -> TestResponse {
        let fields = (csrf.map { [("csrf", $0)] } ?? []) + pairs
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(
            .post, path, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body)
        )
    }

    /// Posts a `multipart/form-data` form, as a browser sends one with a file input: the page's token, `fields`,
    /// and `file` (an empty part, as browsers send when no file was chosen, if nil).
    @discardableResult
    mutating func upload(
        _ path: String, _ fields: [String: String], file: (field: String, name: String, bytes: [UInt8])?, fileField: String = "document"
    ) async throws -> TestResponse {
        let boundary = "----WebKitFormBoundary\(UUID().uuidString.prefix(16))"
        var body = ByteBuffer()
        var fields = fields
        if fields["csrf"] == nil, let csrf { fields["csrf"] = csrf }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        let (field, filename, bytes) = file ?? (fileField, "", [])
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n"
                + "Content-Type: \(file == nil ? "application/octet-stream" : "application/xml")\r\n\r\n"
        )
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)--\r\n")
        return try await send(.post, path, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    private mutating func send(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for setCookie in response.headers[values: .setCookie] {
            let pair = setCookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || setCookie.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        if let token = Self.formToken(in: String(buffer: response.body)) { csrf = token }
        return response
    }

    static func formToken(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }
}
