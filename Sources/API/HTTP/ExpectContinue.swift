import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// `Expect: 100-continue` (RFC 9110 §10.1.1), answered only when the body is about to be read: after
/// authentication (a middleware, before any handler), after authorization where an operation checks it first,
/// and after the declared length passed the size check. A client that would be refused learns it before
/// uploading; curl and others wait a second for the interim response and then send anyway.
enum ExpectContinue {
    static func sendIfExpected(_ request: Request, on channel: any Channel) {
        guard request.headers[.expect]?.lowercased() == "100-continue" else { return }
        channel.writeAndFlush(HTTPResponsePart.head(HTTPResponse(status: .continue)), promise: nil)
    }
}
