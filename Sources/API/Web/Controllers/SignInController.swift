import DocumentModel
import Foundation
import Hummingbird

/// Signing in and out, invitation links and the first-run setup link: the pages a person sees before they are
/// signed in.
struct SignInController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader
    let cookies: WebCookies
    let throttle: SignInThrottle
    let clientAddress: ClientAddress

    var routes: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("/app/signin", use: signInPage)
        routes.post("/app/signin", use: signIn)
        routes.post("/app/signout", use: signOut)
        routes.get("/app/invite/{token}", use: invitationPage)
        routes.post("/app/invite/{token}", use: acceptInvitation)
        routes.get("/app/setup/{token}", use: setupPage)
        routes.post("/app/setup/{token}", use: completeSetup)
        return routes
    }

    // MARK: Sign in and out

    struct SignInForm: Decodable {
        var email: String?
        var password: String?
        var next: String?
    }

    @Sendable func signInPage(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let next = SignInRedirect.target(request.uri.queryParameters["next"].map(String.init))
        if visitor.account != nil { return WebRenderer.redirect(to: next) }
        let notice = request.uri.queryParameters["signedOut"] != nil ? visitor.messages["signedOutNotice"] : nil
        return renderer.page(
            .signin, title: visitor.messages["signInTitle"], SignInView(email: "", next: next, error: nil), for: visitor,
            notice: notice
        )
    }

    @Sendable func signIn(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let form = try await forms.read(SignInForm.self, from: request, visitor: visitor)
        let email = EmailAddress.normalized(form.email ?? "")
        let next = SignInRedirect.target(form.next)
        let address = clientAddress.of(peer: context.remoteAddress, headers: request.headers)
        let wait = await throttle.wait(email: email, address: address)
        if wait > 0 { throw WebError.throttled(seconds: wait) }
        guard let signedIn = try await database.signIn(email: email, password: form.password ?? "") else {
            await throttle.recordFailure(email: email, address: address)
            let view = SignInView(email: form.email ?? "", next: next, error: visitor.messages["signInFailed"])
            return renderer.page(.signin, title: visitor.messages["signInTitle"], view, for: visitor, status: .unprocessableContent)
        }
        await throttle.recordSuccess(email: email, address: address)
        var response = WebRenderer.redirect(to: next)
        response.setCookie(cookies.session(signedIn.sessionToken))
        return response
    }

    @Sendable func signOut(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        try await forms.check(request, visitor: visitor)
        if let token = visitor.sessionToken { try await database.endSession(token: token) }
        var response = WebRenderer.redirect(to: "/app/signin?signedOut=1")
        response.setCookie(cookies.clearedSession)
        return response
    }

    // MARK: Invitations

    struct PasswordForm: Decodable {
        var name: String?
        var email: String?
        var password: String?
        var repeatPassword: String?

        var newPassword: NewPassword { NewPassword(password: password ?? "", repeated: repeatPassword ?? "") }
    }

    @Sendable func invitationPage(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let token = try context.parameters.require("token")
        switch try database.invitationStatus(token: token) {
        case .valid(let account?):
            return renderer.page(
                .invite, title: visitor.messages["setPasswordTitle"],
                PasswordView(action: "/app/invite/\(token)", name: account.name, email: account.email ?? "", setup: false, errors: [:]),
                for: visitor
            )
        case let status: return linkRefused(status, visitor: visitor)
        }
    }

    @Sendable func acceptInvitation(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let token = try context.parameters.require("token")
        let form = try await forms.read(PasswordForm.self, from: request, visitor: visitor)
        let status = try database.invitationStatus(token: token)
        guard case .valid(let account?) = status else { return linkRefused(status, visitor: visitor) }
        do {
            let signedIn = try await database.acceptInvitation(token: token, password: form.newPassword)
            return signedInResponse(signedIn)
        } catch DocumentModelError.invalid(let errors) {
            let view = PasswordView(
                action: "/app/invite/\(token)", name: account.name, email: account.email ?? "", setup: false,
                errors: FieldMessages(errors, visitor.messages).byField
            )
            return renderer.page(.invite, title: visitor.messages["setPasswordTitle"], view, for: visitor, status: .unprocessableContent)
        }
    }

    @Sendable func setupPage(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let token = try context.parameters.require("token")
        let status = try database.invitationStatus(token: token)
        guard case .valid(nil) = status else { return linkRefused(status, visitor: visitor) }
        return renderer.page(
            .invite, title: visitor.messages["setupTitle"],
            PasswordView(action: "/app/setup/\(token)", name: "", email: "", setup: true, errors: [:]), for: visitor
        )
    }

    @Sendable func completeSetup(request: Request, context: AppRequestContext) async throws -> Response {
        let visitor = try context.requireVisitor()
        let token = try context.parameters.require("token")
        let form = try await forms.read(PasswordForm.self, from: request, visitor: visitor)
        let status = try database.invitationStatus(token: token)
        guard case .valid(nil) = status else { return linkRefused(status, visitor: visitor) }
        do {
            let signedIn = try await database.completeSetup(
                token: token, FirstAdmin(name: form.name ?? "", email: form.email ?? "", password: form.newPassword)
            )
            return signedInResponse(signedIn)
        } catch DocumentModelError.invalid(let errors) {
            let view = PasswordView(
                action: "/app/setup/\(token)", name: form.name ?? "", email: form.email ?? "", setup: true,
                errors: FieldMessages(errors, visitor.messages).byField
            )
            return renderer.page(.invite, title: visitor.messages["setupTitle"], view, for: visitor, status: .unprocessableContent)
        } catch DocumentModelError.conflict {
            let view = PasswordView(
                action: "/app/setup/\(token)", name: form.name ?? "", email: form.email ?? "", setup: true,
                errors: ["email": visitor.messages["emailTaken"]]
            )
            return renderer.page(.invite, title: visitor.messages["setupTitle"], view, for: visitor, status: .unprocessableContent)
        }
    }

    private func signedInResponse(_ signedIn: SignedIn) -> Response {
        var response = WebRenderer.redirect(to: "/app")
        response.setCookie(cookies.session(signedIn.sessionToken))
        return response
    }

    /// The page for a link that cannot be used: used, expired, voided (410 Gone) or unknown (404), each saying what to do.
    private func linkRefused(_ status: InvitationStatus, visitor: WebVisitor) -> Response {
        let t = visitor.messages
        let (code, message): (HTTPResponse.Status, String) =
            switch status {
            case .used: (.gone, t["linkUsed"])
            case .expired: (.gone, t["linkExpired"])
            case .voided: (.gone, t["linkVoided"])
            case .valid, .unknown: (.notFound, t["linkUnknown"])
            }
        return renderer.page(
            .error, title: t["linkRefusedTitle"], ErrorView(heading: t["linkRefusedTitle"], message: message), for: visitor, status: code)
    }
}

struct SignInView {
    let email: String
    let next: String
    let error: String?
}

struct PasswordView {
    let action: String
    let name: String
    let email: String
    /// The first-run setup asks for a name and an email too.
    let setup: Bool
    let errors: [String: String]
}

extension AppRequestContext {
    /// The visitor `WebSessionMiddleware` found; every route of the interface runs behind it.
    func requireVisitor() throws -> WebVisitor {
        guard let visitor else { throw HTTPError(.internalServerError, message: "the web session middleware did not run") }
        return visitor
    }
}
