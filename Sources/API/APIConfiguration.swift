/// What the HTTP layer needs to know about its deployment.
public struct APIConfiguration: Sendable {
    public static let defaultBodyLimit = 1 << 20

    public var host: String
    public var port: Int
    /// Request bodies above this many bytes are refused with 413 before any decoding.
    public var bodyLimit: Int
    /// DocBook documents sent to `POST /strategies/import` above this many bytes are refused before parsing.
    public var importLimit: Int
    /// Where problem `type` URIs point.
    public var problemBaseURI: String

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        bodyLimit: Int = APIConfiguration.defaultBodyLimit,
        importLimit: Int = 16 << 20,
        problemBaseURI: String = "https://strategy.example.org/problems/"
    ) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.importLimit = importLimit
        self.problemBaseURI = problemBaseURI
    }
}
