import DocumentModel
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Assembles the router: middlewares first (they also wrap the not-found responder), then every controller.
///
/// `/health…`, `/metrics` and `/openapi.yaml` answer anyone, whatever `Authorization` says; every other route of the JSON API
/// runs with an `AuthenticatedContext`, behind the bearer-token middleware of its group. The browser interface
/// (`/`, `/app…`, `/public/…`) is a group of its own with cookie sessions: a header a proxy adds does not
/// concern it.
public func buildRouter(database: AppDatabase, configuration: APIConfiguration) throws -> Router<AppRequestContext> {
    // HEAD is answered wherever GET is, with GET's headers and no body (RFC 9110 §9.3.2).
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let allowed = AllowedMethods()
    let renderer = try WebRenderer.load()
    router.addMiddleware {
        // Requests by route template and status, their durations, and how many are open (`GET /metrics`).
        MetricsMiddleware()
        RequestLogMiddleware()
        ProblemMiddleware(baseURI: configuration.problemBaseURI, allowed: allowed, pages: WebFallbackPages(renderer: renderer))
    }
    router.addRoutes(HealthController(openAPI: try OpenAPIDocument.load(), database: database).routes)
    let authenticated = router.group()
        .add(middleware: AuthenticationMiddleware(database: database, bodyLimit: configuration.bodyLimit))
        .group(context: AuthenticatedContext.self)
    authenticated.addRoutes(AccountsController(database: database, publicURL: configuration.publicURL).routes)
    authenticated.addRoutes(StrategiesController(database: database).routes)
    authenticated.addRoutes(SectionsController(database: database).routes)
    authenticated.addRoutes(RedlineController(database: database).routes)
    authenticated.addRoutes(AmendmentsController(database: database).routes)
    authenticated.addRoutes(DraftsController(database: database).routes)
    authenticated.addRoutes(CommentsController(database: database).routes)
    authenticated.addRoutes(SignoffsController(database: database).routes)
    authenticated.addRoutes(TranslationsController(database: database, importLimit: configuration.importLimit).routes)
    authenticated.addRoutes(DocBookController(database: database, importLimit: configuration.importLimit).routes)
    authenticated.addRoutes(ActivityController(database: database).routes)
    // One count of open streams per account, whether they follow with a token or with the session cookie.
    let events = EventsController(database: database, streams: EventStreams())
    authenticated.addRoutes(events.routes)
    authenticated.addRoutes(PublicationController(database: database, publicURL: configuration.publicURL).routes)
    WebInterface(database: database, configuration: configuration, renderer: renderer, events: events).add(to: router)
    allowed.load(from: router)
    return router
}

/// The whole HTTP application, as `strategy serve` runs it and as tests drive it.
/// `onServerRunning` is called with the listening channel once the server has bound its port.
public func buildApplication(
    database: AppDatabase, configuration: APIConfiguration, logger: Logger = Logger(label: "strategy"),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(database: database, configuration: configuration)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(60))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "strategy"),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The hand-kept OpenAPI 3.1 document shipped with the API module.
public enum OpenAPIDocument {
    public static func load() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
