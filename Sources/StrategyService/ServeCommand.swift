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
    @Flag(help: "Load the demo strategy first (as `strategy demo` does) and print its tokens.") var demo = false
    @Option(
        name: .customLong("public-url"),
        help: "The address people open the service at (links in invitations; https makes cookies Secure)."
    )
    var publicURL = ServeCommand.defaultPublicURL
    @Option(name: .customLong("log-format"), help: "text (default) or json: one JSON object per line on standard error.")
    var logFormat = LogFormat.text

    static let defaultPublicURL = "http://127.0.0.1:8080"

    /// `base` and `path` joined by exactly one slash.
    static func link(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
    }

    func run() async throws {
        if demo {
            try await DemoCommand.runDemo(
                databasePath: store.explicitPath ?? DemoCommand.defaultPath, host: host, port: port, bodyLimit: bodyLimit,
                publicURL: publicURL
            )
        } else {
            LoggingBootstrap.once(format: logFormat)
            try await Self.serve(databasePath: store.database, host: host, port: port, bodyLimit: bodyLimit, publicURL: publicURL)
        }
    }

    static func serve(
        databasePath: String, host: String, port: Int, bodyLimit: Int, publicURL: String, database: AppDatabase? = nil
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
        guard (1...1 << 30).contains(bodyLimit) else { throw ValidationError("--body-limit must be between 1 and 2^30") }
        guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            throw ValidationError("--public-url must be an http or https address such as https://strategy.example.org")
        }
        // First run: nobody can sign in until an admin exists, so the operator gets a link that creates one.
        if let setup = try await database.setupInvitationIfNoAdmin() {
            print("No administrator yet. Open this link (once, within 7 days) to create the first one:")
            print(link(publicURL, "/app/setup/\(setup.token)"))
            fflush(nil)
        }
        let app = try buildApplication(
            database: database,
            configuration: APIConfiguration(host: host, port: port, bodyLimit: bodyLimit, publicURL: publicURL),
            logger: logger
        )
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
