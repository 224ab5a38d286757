import HTTPTypes
import Hummingbird

/// Builds JSON responses: every body is a `JSONWritable`, written straight into bytes by `JSONWriter` with its keys
/// in sorted order (checked in debug builds).
enum JSONResponse {
    static func make(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: value.jsonBytes())))
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
