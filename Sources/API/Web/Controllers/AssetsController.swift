import Hummingbird

/// The stylesheet and the script, under names that change with their content, cached for a year; `GET /` sends
/// a browser to the interface.
struct AssetsController {
    let assets: WebAssets

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/") { _, _ in WebRenderer.redirect(to: "/app") }
        routes.get("/app/assets/{file}") { request, _ in
            guard let asset = assets.asset(path: request.uri.path) else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable", .eTag: asset.eTag],
                body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes))
            )
        }
        return routes
    }
}
