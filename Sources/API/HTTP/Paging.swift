import Foundation
import Hummingbird

/// `?limit=` and `?cursor=` for every list. Cursors are opaque keyset positions, so paging while others
/// write never repeats or skips an item that existed when paging began.
struct Paging: Sendable {
    static let defaultLimit = 50
    static let maxLimit = 200

    var limit: Int
    var after: Int64?

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        if let text = query["limit"] {
            guard let limit = Int(String(text)), (1...Self.maxLimit).contains(limit) else {
                throw Problem.badRequest("limit must be a whole number from 1 to \(Self.maxLimit)")
            }
            self.limit = limit
        } else {
            self.limit = Self.defaultLimit
        }
        if let cursor = query["cursor"] {
            guard let after = Self.decode(String(cursor)) else { throw Problem.badRequest("the cursor is not valid") }
            self.after = after
        }
    }

    static func encode(_ after: Int64?) -> String? {
        guard let after else { return nil }
        return Data("v1:\(after)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ cursor: String) -> Int64? {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard cursor.count <= 64, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8), text.hasPrefix("v1:"),
            let value = Int64(text.dropFirst(3)), value >= 0
        else { return nil }
        return value
    }
}
