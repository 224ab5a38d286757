import DocumentModel
import Hummingbird

/// Moving a strategy to its next phase (facilitators): a page that names what the next phase allows and forbids
/// and asks to confirm, then the move. Adoption is not a phase move: it is done on the latest draft's page.
struct PhaseController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/strategies/{strategy}/phase", use: confirm)
        routes.post("/app/strategies/{strategy}/phase", use: move)
        return routes
    }

    struct ConfirmView {
        let strategyTitle: String
        let strategyHref: String
        let action: String
        let from: String
        let to: String
        let toValue: String
        let consequences: String
    }

    /// The next phase a facilitator may move to from here, if any (final review ends with adoption instead).
    static func next(after phase: Phase) -> Phase? {
        guard let next = phase.next, next != .adopted else { return nil }
        return next
    }

    @Sendable func confirm(request: Request, context: SignedInContext) async throws -> Response {
        let t = context.visitor.messages
        let strategyID = try context.parameters.id("strategy")
        let access = try database.authorize(strategyID: strategyID, action: .editStrategy, for: context.account)
        let strategy = access.strategy
        guard let next = Self.next(after: strategy.phase) else { return WebRenderer.redirect(to: Links.strategy(strategyID)) }
        let view = ConfirmView(
            strategyTitle: strategy.title, strategyHref: Links.strategy(strategyID), action: Links.phase(strategyID),
            from: t["phase_" + strategy.phase.rawValue], to: t["phase_" + next.rawValue], toValue: next.rawValue,
            consequences: t["phaseConsequences_" + next.rawValue]
        )
        return renderer.page(.phase, title: t.format("phaseMoveTitle", ["phase": view.to]), view, for: context.visitor)
    }

    struct MoveForm: Decodable {
        /// The phase the confirmation named: a page left open while someone else moved the phase moves nothing.
        var phase: String?
    }

    @Sendable func move(request: Request, context: SignedInContext) async throws -> Response {
        let strategyID = try context.parameters.id("strategy")
        let form = try await forms.read(MoveForm.self, from: request, visitor: context.visitor)
        guard let phase = form.phase.flatMap(Phase.init(rawValue:)) else { throw WebError.badForm }
        _ = try await database.updateStrategy(id: strategyID, title: nil, summary: nil, phase: phase, by: context.account)
        return WebRenderer.redirect(to: Links.strategy(strategyID) + "?notice=phaseMoved")
    }
}
