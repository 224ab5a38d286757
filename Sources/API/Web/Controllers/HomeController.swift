import DocumentModel
import Hummingbird

/// `/app`: the strategies a person takes part in, and what waits for them in each.
struct HomeController {
    let database: AppDatabase
    let renderer: WebRenderer

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app", use: home)
        return routes
    }

    @Sendable func home(request: Request, context: SignedInContext) async throws -> Response {
        let t = context.visitor.messages
        let overviews = try await database.overview(for: context.account)
        return renderer.page(
            .home, title: t["homeTitle"],
            HomeView(overviews, account: context.account, mayImport: try database.mayImport(context.account), messages: t),
            for: context.visitor
        )
    }
}
