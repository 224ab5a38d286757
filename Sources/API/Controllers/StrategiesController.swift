import DocumentModel
import Foundation
import Hummingbird

/// Strategies and their memberships.
struct StrategiesController {
    let database: AppDatabase

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/strategies", method: .post, use: create)
        routes.on("/strategies", method: .get, use: list)
        routes.on("/strategies/{strategy}", method: .get, use: get)
        routes.on("/strategies/{strategy}", method: .patch, use: update)
        routes.on("/strategies/{strategy}/members", method: .get, use: members)
        routes.on("/strategies/{strategy}/members/{account}", method: .put, use: setMember)
        routes.on("/strategies/{strategy}/members/{account}", method: .delete, use: removeMember)
        return routes
    }

    @Sendable func create(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = try context.requireAdmin()
        let body = try await RequestPipeline.input(checking: .admin(context)) {
            try await JSONBodyReader.decode(CreateStrategyRequest.self, from: request, context: context)
        }
        let groups = body.groups?.map { StakeholderGroup(key: $0.key, name: $0.name ?? Self.displayName(for: $0.key)) }
        let strategy = try await database.createStrategy(
            NewStrategy(
                title: body.title, summary: body.summary ?? "", groups: groups, language: body.language,
                translations: body.translations
            ),
            by: account
        )
        return JSONResponse.make(
            StrategyResponse(strategy), status: .created, headers: [.location: "/strategies/\(strategy.id)"]
        )
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let paging = try Paging(request)
        let page = try await database.strategies(visibleTo: account, after: paging.after, limit: paging.limit)
        return JSONResponse.make(
            ListPage(items: page.items.map(StrategyResponse.init), nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let access = try await database.strategy(id: try context.parameters.id("strategy"), for: context.account)
        let response = JSONResponse.make(StrategyResponse(access.strategy), headers: [.eTag: "\"\(access.strategy.version)\""])
        return IfNoneMatch.notModified(request, response: response) ?? response
    }

    @Sendable func update(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.id("strategy")
        let (body, phase, ifMatch) = try await RequestPipeline.input(checking: .strategy(id, .editStrategy, in: database, for: account)) {
            let body = try await JSONBodyReader.decode(UpdateStrategyRequest.self, from: request, context: context)
            // Title and summary are text two facilitators may both be editing: If-Match is required for them. A
            // phase change names its own step (a stale one is refused with 409), so it needs none.
            let ifMatch =
                body.title != nil || body.summary != nil
                ? try IfMatch.revision(request, resource: "a strategy's title or summary") : IfMatch.optional(request)
            return (body, try body.parsedPhase(), ifMatch)
        }
        let languages = LanguageChange(
            language: body.language, translations: body.translations, requireTranslations: body.requireTranslations
        )
        let strategy = try await database.updateStrategy(
            id: id, title: body.title, summary: body.summary, phase: phase, languages: languages.isEmpty ? nil : languages,
            ifMatch: ifMatch, by: account
        )
        return JSONResponse.make(StrategyResponse(strategy), headers: [.eTag: "\"\(strategy.version)\""])
    }

    @Sendable func members(request: Request, context: AuthenticatedContext) async throws -> Response {
        let members = try await database.members(strategyID: try context.parameters.id("strategy"), for: context.account)
        return JSONResponse.make(ListPage(items: members.map(MemberResponse.init), nextCursor: nil))
    }

    @Sendable func setMember(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let strategyID = try context.parameters.id("strategy")
        let (body, role) = try await RequestPipeline.input(checking: .strategy(strategyID, .manageMembers, in: database, for: account)) {
            let body = try await JSONBodyReader.decode(MemberRequest.self, from: request, context: context)
            return (body, try body.parsedRole())
        }
        let (membership, change) = try await database.setMember(
            strategyID: strategyID, accountID: try context.parameters.id("account"), role: role, group: body.group,
            languages: body.languages ?? [], by: account
        )
        return JSONResponse.make(
            MemberResponse(membership), status: change == .created ? .created : .ok,
            headers: [.location: "/strategies/\(strategyID)/members/\(membership.accountID)"]
        )
    }

    @Sendable func removeMember(request: Request, context: AuthenticatedContext) async throws -> Response {
        try await database.removeMember(
            strategyID: try context.parameters.id("strategy"), accountID: try context.parameters.id("account"),
            by: context.account
        )
        return JSONResponse.noContent()
    }

    /// `civil-society` → `Civil society`, for groups created without a display name.
    static func displayName(for key: String) -> String {
        let words = key.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

struct CreateStrategyRequest: RequestBody {
    struct Group: Decodable, Sendable {
        var key: String
        var name: String?
    }

    static let fields: Set<String> = ["title", "summary", "groups", "language", "translations"]
    static let nestedFields: [String: Set<String>] = ["groups": ["key", "name"]]
    var title: String
    var summary: String?
    var groups: [Group]?
    var language: String?
    var translations: [String]?
}

struct UpdateStrategyRequest: RequestBody {
    static let fields: Set<String> = ["title", "summary", "phase", "language", "translations", "requireTranslations"]
    var title: String?
    var summary: String?
    var phase: String?
    var language: String?
    var translations: [String]?
    var requireTranslations: Bool?

    func parsedPhase() throws -> Phase? {
        guard let phase else { return nil }
        guard let value = Phase(rawValue: phase) else {
            throw Problem.invalid(field: "phase", "must be one of \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

struct MemberRequest: RequestBody {
    static let fields: Set<String> = ["role", "group", "languages"]
    var role: String
    var group: String?
    var languages: [String]?

    func parsedRole() throws -> Role {
        guard let value = Role(rawValue: role) else {
            throw Problem.invalid(field: "role", "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}

struct StrategyResponse: JSONWritable {
    var id: Int64
    var title: String
    var summary: String
    var phase: String
    var groups: [StakeholderGroup]
    var createdAt: Date
    /// Present once the strategy is adopted: the draft every group approved.
    var adoptedDraft: Int?
    var language: String
    var translations: [String]
    var requireTranslations: Bool

    init(_ strategy: Strategy) {
        id = strategy.id
        title = strategy.title
        summary = strategy.summary
        phase = strategy.phase.rawValue
        groups = strategy.groups
        createdAt = strategy.createdAt
        adoptedDraft = strategy.adoptedDraft
        language = strategy.language
        translations = strategy.translations
        requireTranslations = strategy.requireTranslations
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            if let adoptedDraft { json.field("adoptedDraft", adoptedDraft) }
            json.field("createdAt", createdAt)
            json.key("groups")
            json.array(groups) { json, group in
                json.object { json in
                    json.field("key", group.key)
                    json.field("name", group.name)
                }
            }
            json.field("id", id)
            json.field("language", language)
            json.field("phase", phase)
            json.field("requireTranslations", requireTranslations)
            json.field("summary", summary)
            json.field("title", title)
            json.key("translations")
            json.array(translations) { json, tag in json.string(tag) }
        }
    }
}

struct MemberResponse: JSONWritable {
    var account: Int64
    var name: String
    var role: String
    var group: String?
    var languages: [String]

    init(_ membership: Membership) {
        account = membership.accountID
        name = membership.accountName
        role = membership.role.rawValue
        group = membership.group
        languages = membership.languages
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("account", account)
            json.field("group", group)
            json.key("languages")
            json.array(languages) { json, tag in json.string(tag) }
            json.field("name", name)
            json.field("role", role)
        }
    }
}
