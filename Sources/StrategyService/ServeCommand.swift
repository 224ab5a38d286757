import API
import ArgumentParser
import DocumentModel
import Hummingbird
import Logging

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

    func run() async throws {
        if demo {
            try await DemoCommand.runDemo(
                databasePath: store.explicitPath ?? DemoCommand.defaultPath, host: host, port: port, bodyLimit: bodyLimit
            )
        } else {
            try await Self.serve(databasePath: store.database, host: host, port: port, bodyLimit: bodyLimit)
        }
    }

    static func serve(databasePath: String, host: String, port: Int, bodyLimit: Int, database: AppDatabase? = nil) async throws {
        LoggingBootstrap.once()
        let logger = Logger(label: "strategy")
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
        let app = try buildApplication(
            database: database, configuration: APIConfiguration(host: host, port: port, bodyLimit: bodyLimit), logger: logger
        )
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}

enum LoggingBootstrap {
    /// Logs go to standard error so that commands can print results on standard output. A static `let` runs
    /// its initializer once, thread-safely: no mutable global is needed to remember that it did.
    private static let bootstrapped: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)

    static func once() {
        _ = bootstrapped
    }
}
