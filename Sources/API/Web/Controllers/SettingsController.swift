import DocumentModel
import Foundation
import Hummingbird

/// `/app/settings`: the reader's language and time zone, and their password.
struct SettingsController {
    let database: AppDatabase
    let renderer: WebRenderer
    let forms: FormReader

    var routes: RouteCollection<SignedInContext> {
        let routes = RouteCollection(context: SignedInContext.self)
        routes.get("/app/settings", use: page)
        routes.post("/app/settings", use: savePreferences)
        routes.post("/app/settings/password", use: changePassword)
        return routes
    }

    typealias Option = SelectOption

    struct SettingsView {
        let languages: [Option]
        let timeZones: [Option]
        let errors: [String: String]
    }

    func view(_ context: SignedInContext, errors: [String: String] = [:]) -> SettingsView {
        let (t, account) = (context.visitor.messages, context.account)
        var languages = [Option(value: "", label: t["languageFromBrowser"], selected: account.language == nil)]
        for tag in renderer.catalog.tags {
            languages.append(
                Option(
                    value: tag, label: renderer.catalog[tag]?["languageName"] ?? tag,
                    selected: account.language?.lowercased() == tag.lowercased()
                )
            )
        }
        let zones = TimeZone.knownTimeZoneIdentifiers.sorted()
        let current = account.timeZone ?? "UTC"
        return SettingsView(
            languages: languages,
            timeZones: (zones.contains("UTC") ? zones : ["UTC"] + zones).map { Option(value: $0, label: $0, selected: $0 == current) },
            errors: errors
        )
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let t = context.visitor.messages
        let notice = request.uri.queryParameters["saved"] != nil ? t["settingsSaved"] : nil
        return renderer.page(.settings, title: t["settingsTitle"], view(context), for: context.visitor, notice: notice)
    }

    struct PreferencesForm: Decodable {
        var language: String?
        var timeZone: String?
    }

    @Sendable func savePreferences(request: Request, context: SignedInContext) async throws -> Response {
        let form = try await forms.read(PreferencesForm.self, from: request, visitor: context.visitor)
        let preferences = Preferences(
            language: form.language.flatMap { $0.isEmpty ? nil : $0 }, timeZone: form.timeZone.flatMap { $0.isEmpty ? nil : $0 }
        )
        do {
            try await database.setPreferences(accountID: context.account.id, preferences)
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            let view = view(context, errors: FieldMessages(errors, t).byField)
            return renderer.page(.settings, title: t["settingsTitle"], view, for: context.visitor, status: .unprocessableContent)
        }
        return WebRenderer.redirect(to: "/app/settings?saved=1")
    }

    struct PasswordForm: Decodable {
        var currentPassword: String?
        var password: String?
        var repeatPassword: String?
    }

    @Sendable func changePassword(request: Request, context: SignedInContext) async throws -> Response {
        let form = try await forms.read(PasswordForm.self, from: request, visitor: context.visitor)
        guard let session = context.visitor.sessionToken else { throw WebError.notSignedIn }
        do {
            try await database.changePassword(
                accountID: context.account.id, current: form.currentPassword ?? "",
                new: NewPassword(password: form.password ?? "", repeated: form.repeatPassword ?? ""), keeping: session
            )
        } catch DocumentModelError.invalid(let errors) {
            let t = context.visitor.messages
            let view = view(context, errors: FieldMessages(errors, t).byField)
            return renderer.page(.settings, title: t["settingsTitle"], view, for: context.visitor, status: .unprocessableContent)
        }
        return WebRenderer.redirect(to: "/app/settings?saved=1")
    }
}
