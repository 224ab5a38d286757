import ArgumentParser
import Foundation

/// `strategy`: the service and its administration tools.
@main
struct StrategyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strategy",
        abstract: "A collaborative strategy-drafting service: versioned sections, amendments, comments, sign-off.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, AccountCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self,
            DiffCommand.self,
            MergeCommand.self, ExportCommand.self, ImportCommand.self,
        ]
    )

    static func main() async {
        if let status = FastFileCommands.exitStatus(for: Array(CommandLine.arguments.dropFirst())) {
            Foundation.exit(status)
        }
        await Self.main(nil)
    }
}

/// The database option every command that opens the store shares.
struct DatabaseOptions: ParsableArguments {
    static let defaultPath = "strategy.sqlite"

    @Option(name: .customLong("database"), help: "Path of the SQLite database file, created if missing (default: strategy.sqlite).")
    var explicitPath: String?

    var database: String { explicitPath ?? Self.defaultPath }
}
