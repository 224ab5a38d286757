import DocumentModel
import Foundation
import Hummingbird

/// Each group's sign-off on drafts and on section revisions, and adoption on a draft every group approved.
struct SignoffsController {
    let database: AppDatabase

    func register(in routes: RouteTable) {
        routes.add(.post, "/strategies/{strategy}/drafts/{draft}/signoffs", signOffDraft)
        routes.add(.get, "/strategies/{strategy}/drafts/{draft}/signoffs", draftSignoffs)
        routes.add(.post, "/strategies/{strategy}/sections/{section}/signoffs", signOffSection)
        routes.add(.get, "/strategies/{strategy}/sections/{section}/signoffs", sectionSignoffs)
        routes.add(.post, "/strategies/{strategy}/adopt", adopt)
    }

    @Sendable func signOffDraft(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let draft = try context.parameters.number("draft")
        let body = try await JSONBodyReader.decode(SignoffRequest.self, from: request, context: context) {
            _ = try await database.draftSignoffs(strategyID: strategyID, draft: draft, for: account)
        }
        let summary = try await database.signOffDraft(
            strategyID: strategyID, draft: draft, try await signoff(body, strategyID: strategyID, account: account), by: account
        )
        return JSONResponse.make(
            writing: SignoffSummaryResponse(summary: summary), status: .created,
            headers: [.location: "/strategies/\(strategyID)/drafts/\(draft)/signoffs"]
        )
    }

    @Sendable func draftSignoffs(request: Request, context: AppRequestContext) async throws -> Response {
        let summary = try await database.draftSignoffs(
            strategyID: try context.parameters.id("strategy"), draft: try context.parameters.number("draft"),
            for: try context.requireAccount()
        )
        return JSONResponse.make(writing: SignoffSummaryResponse(summary: summary))
    }

    @Sendable func signOffSection(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let sectionID = try context.parameters.id("section")
        let body = try await JSONBodyReader.decode(SignoffRequest.self, from: request, context: context) {
            _ = try await database.sectionSignoffs(strategyID: strategyID, sectionID: sectionID, for: account)
        }
        guard let revision = body.revision else {
            _ = try await database.sectionSignoffs(strategyID: strategyID, sectionID: sectionID, for: account)
            throw Problem.invalid(field: "revision", "is required: the revision you sign off")
        }
        let summary = try await database.signOffSection(
            strategyID: strategyID, sectionID: sectionID, revision: revision,
            try await signoff(body, strategyID: strategyID, account: account), by: account
        )
        return JSONResponse.make(
            writing: SignoffSummaryResponse(summary: summary), status: .created,
            headers: [.location: "/strategies/\(strategyID)/sections/\(sectionID)/signoffs"]
        )
    }

    @Sendable func sectionSignoffs(request: Request, context: AppRequestContext) async throws -> Response {
        let summary = try await database.sectionSignoffs(
            strategyID: try context.parameters.id("strategy"), sectionID: try context.parameters.id("section"),
            for: try context.requireAccount()
        )
        return JSONResponse.make(writing: SignoffSummaryResponse(summary: summary))
    }

    @Sendable func adopt(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let body = try await JSONBodyReader.decode(AdoptRequest.self, from: request, context: context) {
            _ = try await database.strategy(id: strategyID, for: account)
        }
        let strategy = try await database.adopt(strategyID: strategyID, draft: body.draft, by: account)
        return try JSONResponse.make(StrategyResponse(strategy))
    }

    private func signoff(_ body: SignoffRequest, strategyID: Int64, account: Account) async throws -> NewSignoff {
        guard let decision = SignoffDecision(rawValue: body.decision) else {
            _ = try await database.strategy(id: strategyID, for: account)
            throw Problem.invalid(
                field: "decision", "must be one of \(SignoffDecision.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return NewSignoff(decision: decision, note: body.note, group: body.group)
    }
}

struct SignoffRequest: RequestBody {
    static let fields: Set<String> = ["decision", "note", "group", "revision"]
    var decision: String
    var note: String?
    var group: String?
    var revision: Int?
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
            json.key("by")
            json.object { json in
                json.field("id", signoff.accountID)
                json.field("name", signoff.accountName)
            }
            json.field("createdAt", signoff.createdAt)
            json.field("decision", signoff.decision.rawValue)
            json.field("group", signoff.group)
            json.field("note", signoff.note)
            json.field("revision", signoff.revision)
        }
    }
}
