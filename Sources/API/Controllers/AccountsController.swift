import DocumentModel
import Foundation
import Hummingbird

/// Accounts and their tokens; `GET /me`.
struct AccountsController {
    let database: AppDatabase
    /// Where invitation links point.
    let publicURL: String

    var routes: RouteCollection<AuthenticatedContext> {
        let routes = RouteCollection(context: AuthenticatedContext.self)
        routes.on("/me", method: .get, use: me)
        routes.on("/accounts", method: .post, use: create)
        routes.on("/accounts", method: .get, use: list)
        routes.on("/accounts/{account}", method: .get, use: get)
        routes.on("/accounts/{account}/tokens", method: .get, use: tokens)
        routes.on("/accounts/{account}/tokens", method: .post, use: issueToken)
        routes.on("/accounts/{account}/tokens/{token}", method: .delete, use: revokeToken)
        routes.on("/accounts/{account}/invitations", method: .post, use: invite)
        return routes
    }

    @Sendable func me(request: Request, context: AuthenticatedContext) async throws -> Response {
        let account = context.account
        let memberships = try await database.memberships(accountID: account.id)
        return JSONResponse.make(
            MeResponse(
                id: account.id, name: account.name, admin: account.admin,
                memberships: memberships.map { .init(strategy: $0.strategyID, role: $0.role.rawValue, group: $0.group) }
            )
        )
    }

    @Sendable func create(request: Request, context: AuthenticatedContext) async throws -> Response {
        let admin = try context.requireAdmin()
        let body = try await RequestPipeline.input(checking: .admin(context)) {
            try await JSONBodyReader.decode(CreateAccountRequest.self, from: request, context: context)
        }
        let (account, token) = try await database.createAccount(
            name: body.name, admin: body.admin ?? false, email: body.email, by: Actor(accountID: admin.id, group: nil)
        )
        return JSONResponse.make(
            CreatedAccountResponse(
                id: account.id, name: account.name, admin: account.admin, email: account.email, token: token.token, tokenId: token.id
            ),
            status: .created, headers: [.location: "/accounts/\(account.id)"]
        )
    }

    @Sendable func list(request: Request, context: AuthenticatedContext) async throws -> Response {
        _ = try context.requireAdmin()
        let paging = try Paging(request)
        let page = try await database.accounts(after: paging.after, limit: paging.limit)
        return JSONResponse.make(
            ListPage(items: page.items.map(AccountResponse.init), nextCursor: Paging.encode(page.nextAfter))
        )
    }

    /// One account (the account itself or an admin): what `Location` names after `POST /accounts`.
    @Sendable func get(request: Request, context: AuthenticatedContext) async throws -> Response {
        let accountID = try selfOrAdmin(request, context)
        guard let account = try await database.account(id: accountID) else { throw DocumentModelError.notFound("account") }
        return JSONResponse.make(AccountResponse(account))
    }

    @Sendable func tokens(request: Request, context: AuthenticatedContext) async throws -> Response {
        let accountID = try selfOrAdmin(request, context)
        let tokens = try await database.tokens(accountID: accountID)
        return JSONResponse.make(ListPage(items: tokens.map(TokenInfoResponse.init), nextCursor: nil))
    }

    @Sendable func issueToken(request: Request, context: AuthenticatedContext) async throws -> Response {
        let accountID = try selfOrAdmin(request, context)
        let caller = context.account
        let body = try await JSONBodyReader.decodeIfPresent(TokenRequest.self, from: request, context: context)
        let issued = try await database.issueToken(accountID: accountID, name: body?.name, by: Actor(accountID: caller.id, group: nil))
        return JSONResponse.make(
            TokenResponse(id: issued.id, token: issued.token), status: .created,
            headers: [.location: "/accounts/\(accountID)/tokens/\(issued.id)"]
        )
    }

    @Sendable func revokeToken(request: Request, context: AuthenticatedContext) async throws -> Response {
        let accountID = try selfOrAdmin(request, context)
        let caller = context.account
        let tokenID = try context.parameters.id("token")
        try await database.revokeToken(accountID: accountID, tokenID: tokenID, by: Actor(accountID: caller.id, group: nil))
        return JSONResponse.noContent()
    }

    /// A one-time link with which the account's person chooses a password (admin); `email` sets the address first.
    @Sendable func invite(request: Request, context: AuthenticatedContext) async throws -> Response {
        let admin = try context.requireAdmin()
        let accountID = try context.parameters.id("account")
        let body = try await RequestPipeline.input(checking: .admin(context)) {
            try await JSONBodyReader.decodeIfPresent(InvitationRequest.self, from: request, context: context)
        }
        let invitation = try await database.invite(accountID: accountID, email: body?.email, by: Actor(accountID: admin.id, group: nil))
        return JSONResponse.make(
            InvitationResponse(url: publicURL + "/app/invite/" + invitation.token, expiresAt: invitation.expiresAt), status: .created
        )
    }

    /// The account in the path, if the caller is that account or an admin.
    private func selfOrAdmin(_ request: Request, _ context: AuthenticatedContext) throws -> Int64 {
        let caller = context.account
        let accountID = try context.parameters.id("account")
        guard caller.admin || caller.id == accountID else {
            throw Problem(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: "only the account itself or an admin may do this")
        }
        return accountID
    }
}

struct CreateAccountRequest: RequestBody {
    static let fields: Set<String> = ["name", "admin", "email"]
    var name: String
    var admin: Bool?
    var email: String?
}

struct TokenRequest: RequestBody {
    static let fields: Set<String> = ["name"]
    var name: String?
}

struct InvitationRequest: RequestBody {
    static let fields: Set<String> = ["email"]
    var email: String?
}

struct InvitationResponse: JSONWritable {
    var url: String
    var expiresAt: Date

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("expiresAt", expiresAt)
            json.field("url", url)
        }
    }
}

struct AccountResponse: JSONWritable {
    var id: Int64
    var name: String
    var admin: Bool
    var createdAt: Date
    var email: String?

    init(_ account: Account) {
        id = account.id
        name = account.name
        admin = account.admin
        createdAt = account.createdAt
        email = account.email
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("admin", admin)
            json.field("createdAt", createdAt)
            if let email { json.field("email", email) }
            json.field("id", id)
            json.field("name", name)
        }
    }
}

struct CreatedAccountResponse: JSONWritable {
    var id: Int64
    var name: String
    var admin: Bool
    var email: String?
    /// Shown once: only its hash is stored.
    var token: String
    var tokenId: Int64

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("admin", admin)
            if let email { json.field("email", email) }
            json.field("id", id)
            json.field("name", name)
            json.field("token", token)
            json.field("tokenId", tokenId)
        }
    }
}

struct TokenResponse: JSONWritable {
    var id: Int64
    var token: String

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("id", id)
            json.field("token", token)
        }
    }
}

struct TokenInfoResponse: JSONWritable {
    var id: Int64
    var prefix: String
    var createdAt: Date
    var revokedAt: Date?
    var name: String?
    var lastUsedAt: Date?

    init(_ info: TokenInfo) {
        id = info.id
        prefix = info.prefix
        createdAt = info.createdAt
        revokedAt = info.revokedAt
        name = info.name
        lastUsedAt = info.lastUsedAt
    }

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("createdAt", createdAt)
            json.field("id", id)
            json.field("lastUsedAt", lastUsedAt)
            json.field("name", name)
            json.field("prefix", prefix)
            json.field("revokedAt", revokedAt)
        }
    }
}

struct MeResponse: JSONWritable {
    struct MembershipEntry: Sendable {
        var strategy: Int64
        var role: String
        var group: String?
    }

    var id: Int64
    var name: String
    var admin: Bool
    var memberships: [MembershipEntry]

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.field("admin", admin)
            json.field("id", id)
            json.key("memberships")
            json.array(memberships) { json, membership in
                json.object { json in
                    // A membership without a group has no `group` key (as the encoder it replaces wrote it).
                    if let group = membership.group { json.field("group", group) }
                    json.field("role", membership.role)
                    json.field("strategy", membership.strategy)
                }
            }
            json.field("name", name)
        }
    }
}
