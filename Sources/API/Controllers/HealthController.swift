import Foundation
import Hummingbird

/// `GET /health` (no authentication) and `GET /openapi.yaml`.
struct HealthController {
    let openAPI: Data

    struct Health: JSONWritable {
        var status: String

        func write(to json: inout JSONWriter) {
            json.object { json in json.field("status", status) }
        }
    }

    /// Routes on the router's own context: they answer without an account.
    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/health") { _, _ in JSONResponse.make(Health(status: "ok")) }
        let document = openAPI
        routes.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(bytes: document))
            )
        }
        return routes
    }
}
