import ArgumentParser
import DocumentModel
import Foundation

/// `strategy export`: a strategy as DocBook 5, to a file or standard output.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export a strategy as a DocBook 5 article.")
    @Option(help: "The strategy's id.") var strategy: Int64
    @Option(help: "Export this draft instead of the current text.") var draft: Int?
    @Option(help: "Mark what changed since this draft (DocBook revisionflag), as a redline.") var since: Int?
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        let database = try AppDatabase.open(path: store.database)
        let bytes: [UInt8]
        do {
            bytes = try await database.exportDocBook(strategyID: strategy, draft: draft, since: since)
        } catch DocumentModelError.notFound(let what) {
            throw ValidationError(
                what == "draft"
                    ? "strategy \(strategy) has no such draft (--draft \(draft.map(String.init) ?? "-"), --since \(since.map(String.init) ?? "-"))"
                    : "there is no strategy \(strategy) in \(store.database)"
            )
        }
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}

/// `strategy import`: a new strategy from a DocBook 5 article or book.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Create a strategy from a DocBook 5 article or book; prints the new strategy's id."
    )
    @Argument(help: "The DocBook file.") var file: String
    @Flag(help: "Keep elements outside the mapping as plain text instead of refusing the document.") var lenient = false
    @Option(help: "Refuse files larger than this many bytes (default 16 MiB).") var limit = 16 << 20
    @Option(help: "The admin account the import is recorded as (default: the first admin account).") var account: Int64?
    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        if let size = attributes[.size] as? Int, size > limit { throw ValidationError("\(file) is larger than \(limit) bytes") }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let imported: DocBookImport
        do {
            imported = try DocBookImporter.read(bytes, limit: limit, lenient: lenient)
        } catch let error as DocBookImportError {
            throw ValidationError(Self.describe(error))
        }
        let database = try AppDatabase.open(path: store.database)
        let admin = try await Self.admin(account, in: database)
        let strategy: Strategy
        do {
            strategy = try await database.importStrategy(imported, by: admin)
        } catch DocumentModelError.invalid(let errors) {
            throw ValidationError(errors.map { "\($0.field): \($0.message)" }.joined(separator: "\n"))
        }
        // One write for the whole report: a document of 40,000 unmapped elements otherwise costs 40,000 system calls.
        if !imported.unmapped.isEmpty {
            let report = imported.unmapped.map { "kept as plain text: \($0)\n" }.joined()
            FileHandle.standardError.write(Data(report.utf8))
        }
        print(strategy.id)
    }

    /// Every revision names its author, so an import is recorded as an admin's.
    static func admin(_ id: Int64?, in database: AppDatabase) async throws -> Account {
        if let id {
            guard let account = try await database.account(id: id), account.admin else { throw ValidationError("account \(id) is not an admin") }
            return account
        }
        var after: Int64?
        repeat {
            let page = try await database.accounts(after: after, limit: 200)
            if let admin = page.items.first(where: \.admin) { return admin }
            after = page.nextAfter
        } while after != nil
        throw ValidationError("there is no admin account yet: create one with `strategy account add NAME --admin`")
    }

    static func describe(_ error: DocBookImportError) -> String {
        switch error {
        case .tooLarge(let limit): "the document is larger than \(limit) bytes"
        case .doctype: "the document has a DOCTYPE; DTDs and entities are never processed, so it is refused"
        case .malformed(let message): "not well-formed XML: \(message)"
        case .notDocBook(let message): message
        case .limitExceeded(let message): message
        case .unmapped(let paths):
            "elements outside the mapping (use --lenient to keep them as plain text):\n" + paths.prefix(50).joined(separator: "\n")
        }
    }
}
