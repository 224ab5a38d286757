import DocumentModel
import Hummingbird
import NIOCore

/// Per-request state: the authenticated account (if any) and the body limit.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account whose bearer token came with the request, once `AuthenticationMiddleware` has run.
    public var account: Account?
    /// The body limit for this server, set from configuration by the authentication middleware.
    public var bodyLimit: Int = APIConfiguration.defaultBodyLimit

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { bodyLimit }

    /// The caller's account, or 401 for anonymous callers.
    public func requireAccount() throws -> Account {
        guard let account else { throw Problem.unauthorized() }
        return account
    }

    /// The caller's account if it is an admin; 403 otherwise.
    public func requireAdmin() throws -> Account {
        let account = try requireAccount()
        guard account.admin else { throw Problem(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: "only an admin may do this") }
        return account
    }
}
