import DocumentModel
import Hummingbird

/// Publishing an adopted strategy at `/public/{slug}` (facilitators), and taking it down.
struct PublicationController {
    let database: AppDatabase
    let publicURL: String

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/publication", method: .get, use: get)
        routes.on("/strategies/{strategy}/publication", method: .post, use: publish)
        routes.on("/strategies/{strategy}/publication", method: .delete, use: unpublish)
        return routes
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        guard let publication = try database.publication(strategyID: strategyID, for: context.account) else {
            throw DocumentModelError.notFound("publication")
        }
        return JSONResponse.make(PublicationResponse(publication, publicURL: publicURL))
    }

    @Sendable func publish(request: Request, context: AuthenticatedContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let (publication, created) = try await database.publish(strategyID: strategyID, by: context.account)
        return JSONResponse.make(
            PublicationResponse(publication, publicURL: publicURL), status: created ? .created : .ok,
            headers: [.location: "/strategies/\(strategyID)/publication"]
        )
    }

    @Sendable func unpublish(request: Request, context: AuthenticatedContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        try await database.unpublish(strategyID: strategyID, by: context.account)
        return JSONResponse.noContent()
    }
}

struct PublicationResponse: JSONWritable {
    var slug: String
    var url: String
    var publishedAt: String

    init(_ publication: Publication, publicURL: String) {
        slug = publication.slug
        url = publicURL + "/public/" + publication.slug
        publishedAt = Timestamp.rfc3339(publication.publishedAt)
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("publishedAt", publishedAt)
            json.field("slug", slug)
            json.field("url", url)
        }
    }
}
