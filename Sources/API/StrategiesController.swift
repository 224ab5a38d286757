import DocumentModel
import Foundation
import Hummingbird

/// Strategies and their memberships.
struct StrategiesController {
    let database: AppDatabase

    func register(in routes: RouteTable) {
        routes.add(.post, "/strategies", create)
        routes.add(.get, "/strategies", list)
        routes.add(.get, "/strategies/{strategy}", get)
        routes.add(.patch, "/strategies/{strategy}", update)
        routes.add(.get, "/strategies/{strategy}/members", members)
        routes.add(.put, "/strategies/{strategy}/members/{account}", setMember)
        routes.add(.delete, "/strategies/{strategy}/members/{account}", removeMember)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAdmin()
        let body = try await JSONBodyReader.decode(CreateStrategyRequest.self, from: request, context: context)
        let groups = body.groups?.map { StakeholderGroup(key: $0.key, name: $0.name ?? Self.displayName(for: $0.key)) }
        let strategy = try await database.createStrategy(
            NewStrategy(title: body.title, summary: body.summary ?? "", groups: groups), by: account
        )
        return try JSONResponse.make(
            StrategyResponse(strategy), status: .created, headers: [.location: "/strategies/\(strategy.id)"]
        )
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let paging = try Paging(request)
        let page = try await database.strategies(visibleTo: account, after: paging.after, limit: paging.limit)
        return try JSONResponse.make(
            ListPage(items: page.items.map(StrategyResponse.init), nextCursor: Paging.encode(page.nextAfter))
        )
    }

    @Sendable func get(request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await database.strategy(id: try context.parameters.id("strategy"), for: try context.requireAccount())
        return try JSONResponse.make(StrategyResponse(access.strategy))
    }

    @Sendable func update(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let id = try context.parameters.id("strategy")
        let body = try await JSONBodyReader.decode(UpdateStrategyRequest.self, from: request, context: context) {
            _ = try await database.strategy(id: id, for: account)
        }
        var phase: Phase?
        if let text = body.phase {
            guard let value = Phase(rawValue: text) else {
                _ = try await database.strategy(id: id, for: account)
                throw Problem.invalid(field: "phase", "must be one of \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            phase = value
        }
        let strategy = try await database.updateStrategy(id: id, title: body.title, summary: body.summary, phase: phase, by: account)
        return try JSONResponse.make(StrategyResponse(strategy))
    }

    @Sendable func members(request: Request, context: AppRequestContext) async throws -> Response {
        let members = try await database.members(strategyID: try context.parameters.id("strategy"), for: try context.requireAccount())
        return try JSONResponse.make(ListPage(items: members.map(MemberResponse.init), nextCursor: nil))
    }

    @Sendable func setMember(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        let strategyID = try context.parameters.id("strategy")
        let body = try await JSONBodyReader.decode(MemberRequest.self, from: request, context: context) {
            _ = try await database.strategy(id: strategyID, for: account)
        }
        guard let role = Role(rawValue: body.role) else {
            throw Problem.invalid(field: "role", "must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (membership, change) = try await database.setMember(
            strategyID: strategyID, accountID: try context.parameters.id("account"), role: role, group: body.group, by: account
        )
        return try JSONResponse.make(
            MemberResponse(membership), status: change == .created ? .created : .ok,
            headers: [.location: "/strategies/\(strategyID)/members/\(membership.accountID)"]
        )
    }

    @Sendable func removeMember(request: Request, context: AppRequestContext) async throws -> Response {
        try await database.removeMember(
            strategyID: try context.parameters.id("strategy"), accountID: try context.parameters.id("account"),
            by: try context.requireAccount()
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

    static let fields: Set<String> = ["title", "summary", "groups"]
    static let nestedFields: [String: Set<String>] = ["groups": ["key", "name"]]
    var title: String
    var summary: String?
    var groups: [Group]?
}

struct UpdateStrategyRequest: RequestBody {
    static let fields: Set<String> = ["title", "summary", "phase"]
    var title: String?
    var summary: String?
    var phase: String?
}

struct MemberRequest: RequestBody {
    static let fields: Set<String> = ["role", "group"]
    var role: String
    var group: String?
}

struct StrategyResponse: Encodable, Sendable {
    var id: Int64
    var title: String
    var summary: String
    var phase: String
    var groups: [StakeholderGroup]
    var createdAt: Date
    /// Present once the strategy is adopted: the draft every group approved.
    var adoptedDraft: Int?

    init(_ strategy: Strategy) {
        id = strategy.id
        title = strategy.title
        summary = strategy.summary
        phase = strategy.phase.rawValue
        groups = strategy.groups
        createdAt = strategy.createdAt
        adoptedDraft = strategy.adoptedDraft
    }
}

struct MemberResponse: Encodable, Sendable {
    var account: Int64
    var name: String
    var role: String
    var group: String?

    init(_ membership: Membership) {
        account = membership.accountID
        name = membership.accountName
        role = membership.role.rawValue
        group = membership.group
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(group, forKey: .group)
    }

    enum CodingKeys: String, CodingKey { case account, name, role, group }
}
