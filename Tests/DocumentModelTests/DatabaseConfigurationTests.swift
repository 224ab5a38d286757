import DocumentModel
import Foundation
import Testing

@Suite struct DatabaseConfigurationTests {
    @Test func productionPoolIsWALWithFullSyncAndForeignKeys() async throws {
        let store = try await TestStore.make(onDisk: true)
        let pragmas = try await store.database.pragmas()
        #expect(pragmas.journalMode == "wal")
        #expect(pragmas.synchronous == 2, "2 is FULL; GRDB leaves NORMAL (1) after opening a pool")
        #expect(pragmas.foreignKeys)
    }

    @Test func reopeningKeepsTheData() async throws {
        let store = try await TestStore.make(onDisk: true)
        let section = try await store.section("Kept")
        let reopened = try AppDatabase.open(path: try #require(store.path))
        let read = try await reopened.section(strategyID: store.strategy.id, id: section.id, for: store.member)
        #expect(read.heading == "Kept")
    }

    @Test func tokensAreNeverStoredInClear() async throws {
        let store = try await TestStore.make(onDisk: true)
        let (_, issued) = try await store.database.createAccount(name: "Someone", admin: false, by: .commandLine)
        let second = try await store.database.issueToken(accountID: issued.accountID, by: .commandLine)
        let bytes = try store.rawBytes()
        for token in [issued.token, second.token] {
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(bytes.range(of: Data(token.dropFirst(4).utf8)) == nil)
        }
        #expect(try await store.database.authenticate(token: issued.token)?.name == "Someone")
    }

    @Test func revokedAndUnknownTokensAuthenticateNobody() async throws {
        let store = try await TestStore.make()
        let (account, issued) = try await store.database.createAccount(name: "Revoked", admin: false, by: .commandLine)
        try await store.database.revokeToken(accountID: account.id, tokenID: issued.id, by: .commandLine)
        #expect(try await store.database.authenticate(token: issued.token) == nil)
        #expect(try await store.database.authenticate(token: TokenCodec.generate()) == nil)
        #expect(try await store.database.authenticate(token: "not a token") == nil)
    }

    @Test func generatedTokensHaveTheDocumentedShape() {
        let token = TokenCodec.generate()
        #expect(token.hasPrefix("stk_"))
        #expect(token.count == 4 + 43)
        #expect(TokenCodec.looksValid(token))
        #expect(token != TokenCodec.generate())
    }
}
