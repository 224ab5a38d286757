import Foundation

/// Where to go after sign-in: only a path of this service (`/app/…` or `/public/…`), never another site, so the
/// sign-in link cannot be used to send someone elsewhere (no open redirect).
enum SignInRedirect {
    static func encode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/app"
    }

    /// The local path to go to, or `/app` for anything else: absolute URLs, `//host`, `/\host`, schemes, control
    /// characters and paths outside the interface.
    static func target(_ next: String?) -> String {
        guard let next, next.hasPrefix("/app") || next.hasPrefix("/public/"), !next.hasPrefix("//"),
            !next.contains("\\"), !next.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
            next.utf8.count <= 2_000
        else { return "/app" }
        return next
    }
}
