import DocumentModel
import Hummingbird
import NIOCore

/// The router's context: what every request has before a route is chosen. Routes that need a caller get an
/// `AuthenticatedContext` made from it.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account whose bearer token came with the request, once `AuthenticationMiddleware` has run.
    public var account: Account?
    /// The body limit for this server, set from configuration by the authentication middleware.
    public var bodyLimit: Int = APIConfiguration.defaultBodyLimit
    /// Who looks at a page of the browser interface, once `WebSessionMiddleware` has run (nil for the JSON API).
    var visitor: WebVisitor?
    /// The peer's IP address, which sign-in throttling counts failures by.
    public let remoteAddress: String?
    /// The connection, for the one interim response the service sends (`100 Continue`, see `ExpectContinue`).
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
        self.channel = source.channel
    }

    public var maxUploadSize: Int { bodyLimit }
}
