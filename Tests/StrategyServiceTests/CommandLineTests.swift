import DocumentModel
import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func accountAddPrintsTheTokenAsItsLastLine() async throws {
        let directory = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["account", "add", "Operator", "--admin", "--database", "ops.sqlite"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let token = result.output.split(separator: "\n").last.map(String.init) ?? ""
        #expect(TokenCodec.looksValid(token))
        let database = try AppDatabase.open(path: directory.appendingPathComponent("ops.sqlite").path)
        let account = try await database.authenticate(token: token)
        #expect(account?.name == "Operator" && account?.admin == true)

        let list = try CommandRunner.run(["account", "list", "--database", "ops.sqlite"], in: directory)
        #expect(list.output.contains("Operator"))
        let revoke = try CommandRunner.run(["token", "revoke", "\(account?.id ?? 0)", "1", "--database", "ops.sqlite"], in: directory)
        #expect(revoke.status == 0, "\(revoke.error)")
        #expect(try await database.authenticate(token: token) == nil)
    }

    @Test(arguments: [
        [], ["serve"], ["demo"], ["account"], ["account", "add"], ["account", "list"], ["token"], ["token", "issue"],
        ["token", "revoke"], ["token", "list"], ["backup"], ["export"], ["import"],
    ])
    func everyCommandHasHelp(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--help"], in: try CommandRunner.temporaryDirectory())
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE:"))
    }

    @Test func demoLoadsTheFixtureWithAnAccountPerGroup() async throws {
        let directory = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(["demo", "--no-serve", "--database", "demo.sqlite"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        for label in ["admin", "facilitator", "government member", "civil-society signatory", "industry member", "observer"] {
            #expect(result.output.contains(label))
        }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("demo.sqlite").path)
        let admin = try #require(try await database.accounts(after: nil, limit: 1).items.first)
        let outline = try await database.outline(strategyID: 1, for: admin)
        #expect(outline.count >= 10)
        #expect(outline.first?.heading == "Introduction")
        let again = try CommandRunner.run(["demo", "--no-serve", "--database", "demo.sqlite"], in: directory)
        #expect(again.status != 0, "a non-default demo database with data must not be overwritten")
    }

    @Test func backupCopiesAConsistentDatabase() async throws {
        let directory = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run(["account", "add", "Kept", "--database", "live.sqlite"], in: directory)
        let result = try CommandRunner.run(["backup", "copy.sqlite", "--database", "live.sqlite"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let copy = try AppDatabase.open(path: directory.appendingPathComponent("copy.sqlite").path)
        #expect(try await copy.accounts(after: nil, limit: 10).items.map(\.name) == ["Kept"])
        #expect(try CommandRunner.run(["backup", "copy.sqlite", "--database", "live.sqlite"], in: directory).status != 0)
    }

    @Test func exportThenImportGivesTheSameDocument() throws {
        let directory = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run(["demo", "--no-serve", "--database", "demo.sqlite"], in: directory)
        let export = try CommandRunner.run(["export", "--strategy", "1", "--output", "demo.xml", "--database", "demo.sqlite"], in: directory)
        #expect(export.status == 0, "\(export.error)")
        let imported = try CommandRunner.run(["import", "demo.xml", "--database", "demo.sqlite"], in: directory)
        #expect(imported.status == 0, "\(imported.error)")
        let id = imported.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let again = try CommandRunner.run(["export", "--strategy", id, "--database", "demo.sqlite"], in: directory)
        let first = try String(contentsOf: directory.appendingPathComponent("demo.xml"), encoding: .utf8)
        #expect(again.output == first && first.contains("<article"))
        #expect(try CommandRunner.run(["export", "--strategy", "99", "--database", "demo.sqlite"], in: directory).status != 0)
        try Data("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".utf8).write(to: directory.appendingPathComponent("evil.xml"))
        let evil = try CommandRunner.run(["import", "evil.xml", "--database", "demo.sqlite"], in: directory)
        #expect(evil.status != 0 && evil.error.contains("DOCTYPE") && !evil.error.contains("root:"))
    }
}
