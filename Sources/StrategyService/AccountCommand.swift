import ArgumentParser
import DocumentModel
import Foundation

/// `strategy account add|invite|list`: administration without the HTTP API (e.g. to create the first admin).
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create, invite and list accounts.", subcommands: [Add.self, Invite.self, List.self]
    )

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account for a person and print their one-time invitation link (valid 7 days) as the last line.",
            discussion:
                "Inviting an email that already has an account prints a new link for that account and voids its earlier ones; an account whose person has chosen a password gets none (they sign in with it)."
        )
        @Argument(help: "The person's email; they sign in with it.") var email: String
        @Option(help: "The account's display name.") var name: String
        @Flag(help: "Make the account an administrator.") var admin = false
        @Option(name: .customLong("public-url"), help: "The address people open the service at.")
        var publicURL = "http://127.0.0.1:8080"
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            let (account, invitation) = try await database.invite(email: email, name: name, admin: admin, by: .commandLine)
            print("account \(account.id) \(account.name) <\(account.email ?? email)>\(account.admin ? " (admin)" : "")")
            print("invitation valid until \(Timestamp.rfc3339(invitation.expiresAt)); send this link to the person:")
            print(ServeCommand.link(publicURL, "/app/invite/\(invitation.token)"))
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account; its token is printed once, as the last line."
        )
        @Argument(help: "The account's display name.") var name: String
        @Flag(help: "Make the account an administrator.") var admin = false
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            let (account, token) = try await database.createAccount(name: name, admin: admin, by: .commandLine)
            print("account \(account.id) \(account.name)\(account.admin ? " (admin)" : "")")
            print(token.token)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts: id, admin flag, name.")
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            var after: Int64?
            repeat {
                let page = try await database.accounts(after: after, limit: 200)
                for account in page.items { print("\(account.id)\t\(account.admin ? "admin" : "-")\t\(account.name)") }
                after = page.nextAfter
            } while after != nil
        }
    }
}

/// `strategy token issue|revoke`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Issue and revoke API tokens.", subcommands: [Issue.self, Revoke.self, List.self]
    )

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new token for an account; printed once, as the last line.")
        @Argument(help: "The account id.") var account: Int64
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            let issued = try await database.issueToken(accountID: account, by: .commandLine)
            print("token \(issued.id) for account \(account)")
            print(issued.token)
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token; effective on the next request.")
        @Argument(help: "The account id.") var account: Int64
        @Argument(help: "The token id (see `strategy token list`).") var token: Int64
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            try await database.revokeToken(accountID: account, tokenID: token, by: .commandLine)
            print("revoked token \(token) of account \(account)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an account's tokens: id, prefix, state.")
        @Argument(help: "The account id.") var account: Int64
        @OptionGroup var store: DatabaseOptions

        func run() async throws {
            let database = try AppDatabase.open(path: store.database)
            for token in try await database.tokens(accountID: account) {
                print("\(token.id)\t\(token.prefix)…\t\(token.revokedAt == nil ? "active" : "revoked")")
            }
        }
    }
}

/// `strategy restore`: puts a backup in place of the database, never under a running server.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the database with a backup (refused while a server uses the database)."
    )
    @Argument(help: "The backup file, as `strategy backup` wrote it.") var backup: String
    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw ValidationError("\(backup) does not exist") }
        do {
            try AppDatabase.restore(from: backup, to: store.database)
        } catch let inUse as ServingLock.InUse {
            throw ValidationError(inUse.description)
        } catch DocumentModelError.invalid(let errors) {
            throw ValidationError(errors.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
        }
        print("restored \(store.database) from \(backup)")
    }
}

/// `strategy backup`: a consistent copy of the database, safe while the service runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the database to a new file.")
    @Argument(help: "Destination file (must not exist).") var destination: String
    @OptionGroup var store: DatabaseOptions

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw ValidationError("\(destination) exists already")
        }
        let database = try AppDatabase.open(path: store.database)
        try database.backup(to: destination)
        print("backed up \(store.database) to \(destination)")
    }
}
