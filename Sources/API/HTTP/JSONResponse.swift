import Foundation
import HTTPTypes
import Hummingbird

/// Builds JSON responses with the service's encoder and explicit status and headers.
enum JSONResponse {
    static func make(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        let data = try JSONCoding.encoder.encode(value)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func make(
        writing value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        var json = JSONWriter()
        value.write(to: &json)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }

    static func noContent() -> Response {
        Response(status: .noContent)
    }

    static func eTag(_ revision: Int) -> String { "\"\(revision)\"" }
}

/// The body of every list: one page of items and the cursor to the next page.
struct ListPage<Item: Sendable>: Sendable {
    var items: [Item]
    var nextCursor: String?
}

extension ListPage: JSONWritable where Item: JSONWritable {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("items")
            json.array(items) { json, item in item.write(to: &json) }
            json.field("nextCursor", nextCursor)
        }
    }
}

extension ListPage: Encodable where Item: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        // nextCursor is always present, null on the last page.
        try container.encode(nextCursor, forKey: .nextCursor)
    }

    enum CodingKeys: String, CodingKey { case items, nextCursor }
}
