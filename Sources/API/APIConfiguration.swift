import Foundation

/// What the HTTP layer needs to know about its deployment.
public struct APIConfiguration: Sendable {
    public static let defaultBodyLimit = 1 << 20
    /// A section text at the API's 1 MiB limit, percent-encoded as browsers send it (up to three bytes for one
    /// of UTF-8), still fits.
    public static let defaultFormLimit = 4 << 20

    public var host: String
    public var port: Int
    /// Request bodies above this many bytes are refused with 413 before any decoding.
    public var bodyLimit: Int
    /// HTML forms with texts (comments, amendments, edits) above this many bytes get a 413 page; forms of short
    /// fields take at most 16 KiB (`FormReader`).
    public var formLimit: Int
    /// DocBook documents sent to `POST /strategies/import` above this many bytes are refused before parsing.
    public var importLimit: Int
    /// Where problem `type` URIs point.
    public var problemBaseURI: String
    /// The address people reach the service at: invitation links are built on it, and behind `https` the
    /// interface's cookies are `Secure`.
    public var publicURL: String
    /// Reverse proxies in front of the service: a request from one of these addresses is from the client its
    /// `X-Forwarded-For` names (sign-in throttling counts by it); nobody else's `X-Forwarded-For` is believed.
    public var trustedProxies: [String]

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        bodyLimit: Int = APIConfiguration.defaultBodyLimit,
        formLimit: Int = APIConfiguration.defaultFormLimit,
        importLimit: Int = 16 << 20,
        problemBaseURI: String = "https://strategy.example.org/problems/",
        publicURL: String = "http://127.0.0.1:8080",
        trustedProxies: [String] = []
    ) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.formLimit = formLimit
        self.importLimit = importLimit
        self.problemBaseURI = problemBaseURI
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        self.trustedProxies = trustedProxies
    }

    /// `scheme://host[:port]` of `publicURL`, as browsers send it in `Origin`.
    var publicOrigin: String {
        guard let url = URL(string: publicURL), let scheme = url.scheme, let host = url.host else { return publicURL }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }
}
