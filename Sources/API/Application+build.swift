import DocumentModel
import Foundation
import Hummingbird
import Logging

/// Assembles the router: middlewares first (they also wrap the not-found responder), then every controller.
public func buildRouter(database: AppDatabase, configuration: APIConfiguration) throws -> (Router<AppRequestContext>, RouteTable) {
    Problem.baseURI = configuration.problemBaseURI
    let router = Router(context: AppRequestContext.self)
    let routes = RouteTable(router: router)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ProblemMiddleware(routes: routes))
    router.add(middleware: AuthenticationMiddleware(database: database, bodyLimit: configuration.bodyLimit))
    HealthController(openAPI: try OpenAPIDocument.load()).register(in: routes)
    AccountsController(database: database).register(in: routes)
    StrategiesController(database: database).register(in: routes)
    SectionsController(database: database).register(in: routes)
    RedlineController(database: database).register(in: routes)
    AmendmentsController(database: database).register(in: routes)
    DraftsController(database: database).register(in: routes)
    CommentsController(database: database).register(in: routes)
    SignoffsController(database: database).register(in: routes)
    DocBookController(database: database, importLimit: configuration.importLimit).register(in: routes)
    ActivityController(database: database).register(in: routes)
    return (router, routes)
}

/// The whole HTTP application, as `strategy serve` runs it and as tests drive it.
public func buildApplication(
    database: AppDatabase, configuration: APIConfiguration, logger: Logger = Logger(label: "strategy")
) throws -> some ApplicationProtocol {
    let (router, _) = try buildRouter(database: database, configuration: configuration)
    return Application(
        router: router,
        server: .http1(configuration: .init(additionalChannelHandlers: [ExpectContinueHandler()], idleTimeout: .seconds(60))),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "strategy"),
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
