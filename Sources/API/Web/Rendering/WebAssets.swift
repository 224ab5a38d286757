import Crypto
import Foundation

/// The one stylesheet and the one script, held in memory and served under a name that carries a hash of their
/// content (`/app/assets/app.3f2a9c1d.css`): browsers may cache them for a year, and a new build changes the name.
struct WebAssets: Sendable {
    struct Asset: Sendable {
        let path: String
        let contentType: String
        let bytes: [UInt8]
        var eTag: String { IfNoneMatch.tag(for: bytes) }
    }

    let stylesheet: Asset
    let script: Asset

    static func load() throws -> WebAssets {
        let directory = try WebResources.directory("assets")
        func asset(_ name: String, _ ext: String, _ contentType: String) throws -> Asset {
            let bytes = Array(try Data(contentsOf: directory.appendingPathComponent("\(name).\(ext)")))
            let digest = SHA256.hash(data: bytes).prefix(5).map { String(format: "%02x", $0) }.joined()
            return Asset(path: "/app/assets/\(name).\(digest).\(ext)", contentType: contentType, bytes: bytes)
        }
        return WebAssets(
            stylesheet: try asset("app", "css", "text/css; charset=utf-8"),
            script: try asset("app", "js", "text/javascript; charset=utf-8")
        )
    }

    func asset(path: String) -> Asset? {
        [stylesheet, script].first { $0.path == path }
    }
}
