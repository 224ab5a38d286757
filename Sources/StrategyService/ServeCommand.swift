import API
import ArgumentParser
import DocumentModel
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// `strategy serve`: runs the HTTP service until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the service (JSON over HTTP) on a SQLite file."
    )

    @OptionGroup var store: DatabaseOptions
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(name: .customLong("body-limit"), help: "Largest request body accepted, in bytes.")
    var bodyLimit = APIConfiguration.defaultBodyLimit
    @Option(
        name: .customLong("form-limit"),
        help: "Largest HTML form with texts accepted, in bytes (forms of short fields take at most 16 KiB)."
    )
    var formLimit = APIConfiguration.defaultFormLimit
    @Flag(help: "Load the demo strategy first (as `strategy demo` does) and print its tokens.") var demo = false
    @Option(
        name: .customLong("public-url"),
        help: "The address people open the service at (links in invitations; https makes cookies Secure). Default: http://HOST:PORT."
    )
    var publicURL: String?
    @Option(
        name: .customLong("trusted-proxy"),
        help: "The address of a reverse proxy in front of the service, whose X-Forwarded-For names the client (repeatable)."
    )
    var trustedProxies: [String] = []
    @Option(name: .customLong("log-format"), help: "text (default) or json: one JSON object per line on standard error.")
    var logFormat = LogFormat.text

    /// `base` and `path` joined by exactly one slash.
    static func link(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }

    func run() async throws {
        guard (1...1 << 30).contains(bodyLimit) else { throw ValidationError("--body-limit must be between 1 and 2^30") }
        guard (1024...1 << 30).contains(formLimit) else { throw ValidationError("--form-limit must be between 1024 and 2^30") }
        if let publicURL {
            guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                throw ValidationError("--public-url must be an http or https address such as https://strategy.example.org")
            }
        }
        for proxy in trustedProxies where !ClientAddress.isIPAddress(proxy) {
            throw ValidationError("--trusted-proxy must be an IP address such as 10.0.0.2 (got \(proxy))")
        }
        let configuration = APIConfiguration(
            host: host, port: port, bodyLimit: bodyLimit, formLimit: formLimit,
            publicURL: publicURL ?? "http://\(host):\(port)", trustedProxies: trustedProxies
        )
        if demo {
            try await DemoCommand.runDemo(
                databasePath: store.explicitPath ?? DemoCommand.defaultPath, configuration: configuration,
                publicURLGiven: publicURL != nil
            )
        } else {
            LoggingBootstrap.once(format: logFormat)
            try await Self.serve(databasePath: store.database, configuration: configuration, publicURLGiven: publicURL != nil)
        }
    }

    /// Serves `databasePath` (or `database`, already open) until SIGINT or SIGTERM. Without `--public-url`, links
    /// printed name the port actually listened on (`--port 0` picks one).
    static func serve(
        databasePath: String, configuration: APIConfiguration, publicURLGiven: Bool, database: AppDatabase? = nil
    ) async throws {
        LoggingBootstrap.once()
        ServiceMetrics.bootstrapOnce()
        let logger = Logger(label: "strategy")
        // Held until `serve` returns: `strategy restore` refuses to replace the file under it.
        let servingLock = try ServingLock(database: databasePath, mode: .shared)
        defer { withExtendedLifetime(servingLock) {} }
        let database = try database ?? AppDatabase.open(path: databasePath)
        let pragmas = try await database.pragmas()
        logger.info(
            "database opened",
            metadata: [
                "path": "\(databasePath)", "journal": "\(pragmas.journalMode)", "synchronous": "\(pragmas.synchronous)",
                "foreignKeys": "\(pragmas.foreignKeys)",
            ]
        )
        // First run: nobody can sign in until an admin exists, so the operator gets a link that creates one.
        let setup = try await database.setupInvitationIfNoAdmin()
        let app = try buildApplication(database: database, configuration: configuration, logger: logger) { channel in
            guard let setup else { return }
            let port = channel.localAddress?.port ?? configuration.port
            let base = publicURLGiven ? configuration.publicURL : "http://\(configuration.host):\(port)"
            print("No administrator yet. Open this link (once, within 7 days) to create the first one:")
            print(link(base, "/app/setup/\(setup.token)"))
            fflush(nil)
        }
        // SIGTERM or SIGINT: stop accepting, let requests in flight finish for up to 7 s, then cancel them; the
        // database closes when the service returns. Work that ignores cancellation for 2 s more ends the process
        // (swift-service-lifecycle escalates to a crash), so a stop never takes more than 10 s.
        // Services stop in reverse order: the open event streams end first, so they do not hold the server up.
        var lifecycle = ServiceGroupConfiguration(
            services: [
                .init(service: app),
                .init(service: EventStreamsShutdown(feed: database.activityFeed), successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        )
        lifecycle.maximumGracefulShutdownDuration = .seconds(7)
        lifecycle.maximumCancellationDuration = .seconds(2)
        try await ServiceGroup(configuration: lifecycle).run()
    }
}

/// Ends every open event stream (`GET /strategies/{id}/events`) as soon as the server is asked to stop.
struct EventStreamsShutdown: Service {
    let feed: ActivityFeed

    func run() async throws {
        try? await gracefulShutdown()
        feed.finishAll()
    }
}

/// How `serve` writes its logs: lines for people (`text`) or one JSON object per line for log collectors.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

enum LoggingBootstrap {
    /// swift-log may be set up once per process; a demo that serves, or a test that serves twice, asks again.
    private static let done = Mutex(false)

    /// Logs go to standard error so that commands can print results on standard output.
    static func once(format: LogFormat = .text) {
        done.withLock { done in
            guard !done else { return }
            done = true
            switch format {
            case .text: LoggingSystem.bootstrap(StreamLogHandler.standardError)
            case .json: LoggingSystem.bootstrap { label in JSONLogHandler(label: label) }
            }
        }
    }
}
