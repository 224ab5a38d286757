import DocumentModel
import Hummingbird

/// Resolves `Authorization: Bearer …` to an account on every request (so revocation is immediate).
///
/// A malformed, unknown or revoked token is refused with 401 here, identically in all three cases; a
/// request without a token passes through anonymous, and handlers that need an account ask for it.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase
    let bodyLimit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.bodyLimit = bodyLimit
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].utf8.count == 6, parts[0].lowercased() == "bearer",
                let account = try await database.authenticate(token: String(parts[1].filter { $0 != " " }))
            else { throw Problem.unauthorized() }
            context.account = account
        }
        return try await next(request, context)
    }
}
