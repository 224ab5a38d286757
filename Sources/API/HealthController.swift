import Foundation
import Hummingbird

/// `GET /health` (no authentication) and `GET /openapi.yaml`.
struct HealthController {
    let openAPI: Data

    struct Health: Encodable, Sendable { var status: String }

    func register(in routes: RouteTable) {
        routes.add(.get, "/health") { _, _ in try JSONResponse.make(Health(status: "ok")) }
        let document = openAPI
        routes.add(.get, "/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(bytes: document))
            )
        }
    }
}
