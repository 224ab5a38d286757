import DocumentModel
import Hummingbird
import NIOCore

/// The context of every page that needs a signed-in person. Made from `AppRequestContext` once the session
/// middleware has run; without a session it throws `WebError.notSignedIn`, which sends the visitor to sign in.
struct SignedInContext: ChildRequestContext {
    typealias ParentContext = AppRequestContext
    var coreContext: CoreRequestContextStorage
    let account: Account
    let visitor: WebVisitor
    let bodyLimit: Int
    /// The connection, for event streams that end when it closes.
    let channel: any Channel

    init(context: AppRequestContext) throws {
        guard let visitor = context.visitor, let account = visitor.account else { throw WebError.notSignedIn }
        self.coreContext = context.coreContext
        self.account = account
        self.visitor = visitor
        self.bodyLimit = context.bodyLimit
        self.channel = context.channel
    }

    var maxUploadSize: Int { bodyLimit }
}
