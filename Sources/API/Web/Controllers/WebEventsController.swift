import Hummingbird

/// `/app/strategies/{id}/events`: the strategy's live activity for the pages' script, signed in with the session
/// cookie (`EventSource` cannot send a bearer token). The same stream, check and limit as the API's.
struct WebEventsController {
    let events: EventsController

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/events", use: stream)
        return routes
    }

    @Sendable func stream(request: Request, context: SignedInContext) async throws -> Response {
        try await events.stream(
            strategyID: try context.parameters.id("strategy"), for: context.account, request: request, channel: context.channel
        )
    }
}
