import DocumentModel
import Hummingbird
import NIOCore

/// The context of every route that needs a caller, made from `AppRequestContext` once authentication has run.
///
/// Its account is never optional: an anonymous request to such a route is answered 401 before any handler runs,
/// so handlers cannot forget to ask.
public struct AuthenticatedContext: ChildRequestContext {
    public typealias ParentContext = AppRequestContext
    public var coreContext: CoreRequestContextStorage
    /// The account whose bearer token came with the request.
    public let account: Account
    /// The body limit for this server.
    public let bodyLimit: Int
    /// The connection, for `100 Continue`.
    let channel: any Channel

    public init(context: AppRequestContext) throws {
        guard let account = context.account else { throw Problem.unauthorized() }
        self.coreContext = context.coreContext
        self.account = account
        self.bodyLimit = context.bodyLimit
        self.channel = context.channel
    }

    public var maxUploadSize: Int { bodyLimit }

    /// The caller's account if it is an admin; 403 otherwise.
    func requireAdmin() throws -> Account {
        try Self.requireAdmin(account)
    }

    static func requireAdmin(_ account: Account) throws -> Account {
        guard account.admin else {
            throw Problem(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: "only an admin may do this")
        }
        return account
    }
}
