import DocumentModel
import Hummingbird

/// The amendment page's forms: **Support**, **Withdraw**, **Reject** with a reason, and **Accept**, which merges
/// three ways; on conflict the page shows each conflict region and takes a resolved text, accepted against the
/// revision it was resolved on (if the section moved on meanwhile, the conflicts are shown again against the new
/// text: a concurrent change is never overwritten).
struct AmendmentActionsController {
    let database: AppDatabase
    let amendmentPage: AmendmentPageController
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.post("/app/strategies/{strategy}/amendments/{amendment}/support", use: support)
        routes.post("/app/strategies/{strategy}/amendments/{amendment}/withdraw", use: withdraw)
        routes.post("/app/strategies/{strategy}/amendments/{amendment}/reject", use: reject)
        routes.post("/app/strategies/{strategy}/amendments/{amendment}/accept", use: accept)
        return routes
    }

    @Sendable func support(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, number) = try (context.parameters.id("strategy"), context.parameters.number("amendment"))
        try await forms.check(request, visitor: context.visitor)
        _ = try await database.supportAmendment(strategyID: strategyID, number: number, by: context.account)
        return WebRenderer.redirect(to: Links.amendment(strategyID, number) + "?notice=amendmentSupported")
    }

    @Sendable func withdraw(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, number) = try (context.parameters.id("strategy"), context.parameters.number("amendment"))
        try await forms.check(request, visitor: context.visitor)
        _ = try await database.withdrawAmendment(strategyID: strategyID, number: number, by: context.account)
        return WebRenderer.redirect(to: Links.amendment(strategyID, number) + "?notice=amendmentWithdrawn")
    }

    struct RejectForm: Decodable {
        var reason: String?
        /// `desk` when sent from the facilitator's desk, which is where the browser goes back to.
        var from: String?
    }

    /// Where a decision leads: back to the desk when it was taken there, else to the amendment.
    static func after(_ strategyID: Int64, _ number: Int, from: String?, notice: String) -> String {
        from == "desk" ? Links.desk(strategyID) + "?notice=" + notice : Links.amendment(strategyID, number) + "?notice=" + notice
    }

    @Sendable func reject(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, number) = try (context.parameters.id("strategy"), context.parameters.number("amendment"))
        let form = try await forms.read(RejectForm.self, from: request, visitor: context.visitor, size: .text)
        do {
            _ = try await database.rejectAmendment(strategyID: strategyID, number: number, reason: form.reason ?? "", by: context.account)
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            return try await amendmentPage.render(strategyID: strategyID, number: number, context: context, status: .unprocessableContent) {
                $0.reason = form.reason ?? ""
                $0.reasonError = FieldMessages(errors, t).byField["reason"] ?? errors.first?.message
            }
        }
        return WebRenderer.redirect(to: Self.after(strategyID, number, from: form.from, notice: "amendmentRejected"))
    }

    struct AcceptForm: Decodable {
        /// With a resolution: the revision it was resolved against.
        var revision: String?
        var resolvedHeading: String?
        var resolvedBody: String?
        var from: String?
    }

    @Sendable func accept(request: Request, context: SignedInContext) async throws -> Response {
        let (strategyID, number) = try (context.parameters.id("strategy"), context.parameters.number("amendment"))
        let form = try await forms.read(AcceptForm.self, from: request, visitor: context.visitor, size: .text)
        let t = context.visitor.messages
        let resolving = form.resolvedBody != nil || form.resolvedHeading != nil
        let resolvedOn = try FormNumber.parse(form.revision)
        do {
            let resolution = AmendmentResolution(heading: form.resolvedHeading, body: form.resolvedBody)
            _ = try await database.acceptAmendment(
                strategyID: strategyID, number: number, resolution: resolving ? resolution : AmendmentResolution(),
                ifMatch: resolving ? .revision(resolvedOn ?? 0) : nil, by: context.account
            )
            return WebRenderer.redirect(to: Self.after(strategyID, number, from: form.from, notice: "amendmentAccepted"))
        } catch DocumentModelError.mergeConflict(let revision, let conflicts) {
            return try await resolve(strategyID, number, context, revision: revision, conflicts: conflicts, form: form, movedOn: nil)
        } catch DocumentModelError.preconditionFailed(let current) where resolving {
            // Someone saved the section while the conflict was being resolved: show the conflicts against the new
            // text, keeping what was typed, rather than writing over the other change.
            let (revision, conflicts) = try await database.mergeConflicts(strategyID: strategyID, number: number, for: context.account)
            let note = t.format("resolutionMovedOn", ["from": "\(resolvedOn ?? 0)", "n": "\(current)"])
            return try await resolve(strategyID, number, context, revision: revision, conflicts: conflicts, form: form, movedOn: note)
        } catch DocumentModelError.invalid(let errors) where resolving {
            let (revision, conflicts) = try await database.mergeConflicts(strategyID: strategyID, number: number, for: context.account)
            var form = form
            form.revision = "\(revision)"
            return try await resolve(
                strategyID, number, context, revision: revision, conflicts: conflicts, form: form, movedOn: nil,
                error: errors.first.map { t.table[$0.message] ?? $0.message }
            )
        }
    }

    /// The amendment page with the conflicts to resolve and an editor: prefilled with the current text, or with
    /// what the facilitator already typed.
    func resolve(
        _ strategyID: Int64, _ number: Int, _ context: SignedInContext, revision: Int, conflicts: [MergeConflict], form: AcceptForm,
        movedOn: String?, error: String? = nil
    ) async throws -> Response {
        let t = context.visitor.messages
        let amendment = try await database.amendment(strategyID: strategyID, number: number, for: context.account)
        let section = try await database.section(strategyID: strategyID, id: amendment.sectionID, for: context.account)
        let resolution = AmendmentDecisionView.Resolution(
            revision: section.revision,
            regions: conflicts.map {
                .init(
                    field: t["conflictIn_" + $0.field], base: t.orNothing($0.base), current: t.orNothing($0.current),
                    proposed: t.orNothing($0.proposed))
            },
            resolvedHeading: form.resolvedHeading ?? section.heading, resolvedBody: form.resolvedBody ?? section.body,
            headingConflicts: conflicts.contains { $0.field == "heading" } || form.resolvedHeading != nil, movedOn: movedOn, error: error,
            from: form.from == "desk" ? "desk" : nil
        )
        return try await amendmentPage.render(strategyID: strategyID, number: number, context: context, status: .conflict) {
            $0.resolution = resolution
        }
    }
}
