import DocumentModel
import Foundation
import Hummingbird

/// Each group's sign-off on drafts and on section revisions, and adoption on a draft every group approved.
struct SignoffsController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies/{strategy}/drafts/{draft}/signoffs", method: .post, use: signOffDraft)
        routes.on("/strategies/{strategy}/drafts/{draft}/signoffs", method: .get, use: draftSignoffs)
        routes.on("/strategies/{strategy}/sections/{section}/signoffs", method: .post, use: signOffSection)
        routes.on("/strategies/{strategy}/sections/{section}/signoffs", method: .get, use: sectionSignoffs)
        routes.on("/strategies/{strategy}/adopt", method: .post, use: adopt)
        return routes
    }

    @Sendable func signOffDraft(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let draft = try context.parameters.number("draft")
        let gate = AccessGate.strategy(strategyID, .signOff, in: database, for: account).and {
            _ = try await database.draftSignoffs(strategyID: strategyID, draft: draft, for: account)
        }
        let signoff = try await RequestPipeline.input(checking: gate) {
            try await JSONBodyReader.decode(SignoffRequest.self, from: request, context: context).newSignoff()
        }
        let summary = try await database.signOffDraft(strategyID: strategyID, draft: draft, signoff, by: account)
        return JSONResponse.make(
            SignoffSummaryResponse(summary: summary), status: .created,
            headers: [.location: "/strategies/\(strategyID)/drafts/\(draft)/signoffs"]
        )
    }

    @Sendable func draftSignoffs(request: Request, context: AuthenticatedContext) async throws -> Response {
        let summary = try await database.draftSignoffs(
            strategyID: try context.parameters.id("strategy"), draft: try context.parameters.number("draft"),
            for: context.account
        )
        return JSONResponse.make(SignoffSummaryResponse(summary: summary))
    }

    @Sendable func signOffSection(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let gate = AccessGate.strategy(strategyID, .signOff, in: database, for: account).and {
            _ = try await database.sectionSignoffs(strategyID: strategyID, sectionID: sectionID, for: account)
        }
        let (revision, signoff) = try await RequestPipeline.input(checking: gate) {
            let body = try await JSONBodyReader.decode(SignoffRequest.self, from: request, context: context)
            guard let revision = body.revision else {
                throw Problem.invalid(field: "revision", "is required: the revision you sign off")
            }
            return (revision, try body.newSignoff())
        }
        let summary = try await database.signOffSection(
            strategyID: strategyID, sectionID: sectionID, revision: revision, signoff, by: account
        )
        return JSONResponse.make(
            SignoffSummaryResponse(summary: summary), status: .created,
            headers: [.location: "/strategies/\(strategyID)/sections/\(sectionID)/signoffs"]
        )
    }

    @Sendable func sectionSignoffs(request: Request, context: AuthenticatedContext) async throws -> Response {
        let summary = try await database.sectionSignoffs(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            for: context.account
        )
        return JSONResponse.make(SignoffSummaryResponse(summary: summary))
    }

    @Sendable func adopt(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let body = try await RequestPipeline.input(checking: .strategy(strategyID, .adopt, in: database, for: account)) {
            try await JSONBodyReader.decode(AdoptRequest.self, from: request, context: context)
        }
        let strategy = try await database.adopt(strategyID: strategyID, draft: body.draft, by: account)
        return JSONResponse.make(StrategyResponse(strategy))
    }

}

struct SignoffRequest: RequestBody {
    static let fields: Set<String> = ["decision", "note", "group", "revision"]
    var decision: String
    var note: String?
    var group: String?
    var revision: Int?

    func newSignoff() throws -> NewSignoff {
        guard let decision = SignoffDecision(rawValue: decision) else {
            throw Problem.invalid(
                field: "decision", "must be one of \(SignoffDecision.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return NewSignoff(decision: decision, note: note, group: group)
    }
}

struct AdoptRequest: RequestBody {
    static let fields: Set<String> = ["draft"]
    var draft: Int
}

struct SignoffSummaryResponse: JSONWritable {
    var summary: SignoffSummary

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("allApprove", summary.allApprove)
            json.field("currentRevision", summary.currentRevision)
            json.key("groups")
            json.array(summary.groups) { json, group in
                json.object { json in
                    json.key("current")
                    if let current = group.current { Self.write(current, to: &json) } else { json.null() }
                    json.field("decision", group.current?.decision.rawValue)
                    json.field("group", group.group.key)
                    json.field("name", group.group.name)
                    json.field("stale", group.stale)
                }
            }
            json.key("history")
            json.array(summary.history) { json, signoff in Self.write(signoff, to: &json) }
        }
    }

    static func write(_ signoff: Signoff, to json: inout JSONWriter) {
        json.object { json in
            json.person("by", id: signoff.accountID, name: signoff.accountName)
            json.field("createdAt", signoff.createdAt)
            json.field("decision", signoff.decision.rawValue)
            json.field("group", signoff.group)
            json.field("note", signoff.note)
            json.field("revision", signoff.revision)
        }
    }
}
