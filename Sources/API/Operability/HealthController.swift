import DocumentModel
import Foundation
import Hummingbird

/// `GET /health` (the process answers), `GET /health/ready` (the database answers too), `GET /metrics` (Prometheus
/// text: aggregate counts and timings by route template, nothing a request sent) and `GET /openapi.yaml`, all
/// without authentication.
struct HealthController {
    let openAPI: Data
    let database: AppDatabase

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
        routes.get("/health/ready") { [database] _, context in
            do {
                try database.ping()
            } catch {
                context.logger.error("readiness check failed", metadata: ["error": "\(error)"])
                throw Problem(
                    status: .serviceUnavailable, slug: "not-ready", title: "Not ready", detail: "the database does not answer"
                )
            }
            return JSONResponse.make(Health(status: "ready"))
        }
        routes.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: ServiceMetrics.exposition()))
            )
        }
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
