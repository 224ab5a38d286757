import DocumentModel
import Foundation
import Testing

@Suite struct SectionStorageTests {
    @Test(arguments: ["", "one line", "ends with newline\n", "a\r\nb\r\n", "para one\n\npara two\n\n\n", "ünïcödé — “quotes” 👩‍👧"])
    func bodiesRoundTripByteForByte(body: String) async throws {
        let store = try await TestStore.make()
        let section = try await store.section("Heading", body: body)
        let read = try await store.database.section(strategyID: store.strategy.id, id: section.id, for: store.member)
        #expect(Array(read.body.utf8) == Array(body.utf8))
    }

    @Test func revisionsAreNumberedAndImmutable() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("H", body: "first")
        let second = try await store.database.updateSection(
            strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "second", message: "why", by: store.facilitator
        )
        #expect(second.revision == 2)
        let first = try await store.database.revision(strategyID: store.strategy.id, sectionID: section.id, number: 1, for: store.member)
        #expect(first.body == "first")
        #expect(first.source == .created)
        let page = try await store.database.revisions(strategyID: store.strategy.id, sectionID: section.id, after: nil, limit: 1, for: store.member)
        #expect(page.items.map(\.number) == [1])
        let next = try await store.database.revisions(
            strategyID: store.strategy.id, sectionID: section.id, after: page.nextAfter, limit: 1, for: store.member
        )
        #expect(next.items.map(\.number) == [2])
        #expect(next.items.first?.message == "why")
        #expect(next.nextAfter == nil)
    }

    @Test func staleIfMatchIsRefusedWithTheCurrentRevision() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("H", body: "v1")
        _ = try await store.database.updateSection(
            strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "v2", message: nil, by: store.facilitator
        )
        let error = await modelError {
            _ = try await store.database.updateSection(
                strategyID: store.strategy.id, id: section.id, ifMatch: 1, heading: "H", body: "v3", message: nil, by: store.facilitator
            )
        }
        #expect(error == .preconditionFailed(currentRevision: 2))
        let read = try await store.database.section(strategyID: store.strategy.id, id: section.id, for: store.member)
        #expect(read.body == "v2")
    }

    @Test func concurrentConditionalEditsLetExactlyOneWin() async throws {
        let store = try await TestStore.make()
        let section = try await store.section("H", body: "base")
        let database = store.database
        let strategyID = store.strategy.id
        let facilitator = store.facilitator
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<20 {
                group.addTask {
                    (try? await database.updateSection(
                        strategyID: strategyID, id: section.id, ifMatch: 1, heading: "H", body: "edit \(index)", message: nil,
                        by: facilitator
                    )) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let read = try await store.database.section(strategyID: strategyID, id: section.id, for: store.member)
        #expect(read.revision == 2)
    }

    @Test func storageGrowsWithTheChangeNotTheSection() async throws {
        let store = try await TestStore.make()
        let paragraphs = (0..<40).map { "Paragraph \($0): " + String(repeating: "The working group agrees on measures. ", count: 6) }
        var section = try await store.section("Long", body: paragraphs.joined(separator: "\n\n"))
        let before = try await store.database.storedBytes()
        for edit in 0..<50 {
            var changed = paragraphs
            changed[edit % 40] += " Amended \(edit)."
            section = try await store.database.updateSection(
                strategyID: store.strategy.id, id: section.id, ifMatch: .revision(section.revision), heading: "Long",
                body: changed.joined(separator: "\n\n"), message: nil, by: store.facilitator
            )
        }
        let growth = try await store.database.storedBytes() - before
        let fullCopies = 50 * paragraphs.joined(separator: "\n\n").utf8.count
        #expect(section.revision == 51)
        // One changed paragraph of forty per edit: far below a tenth of full copies (bench/ measures the target).
        #expect(growth * 10 < fullCopies, "grew \(growth) bytes for \(fullCopies) bytes of full copies")
    }

    @Test func controlCharactersAndEmptyHeadingsAreRefused() async throws {
        let store = try await TestStore.make()
        let error = await modelError { _ = try await store.section("  ", body: "bell \u{07}") }
        guard case .invalid(let fields) = error else {
            Issue.record("expected a validation error, got \(String(describing: error))")
            return
        }
        #expect(Set(fields.map(\.field)) == ["heading", "body"])
    }

    @Test func onlyCharactersXMLCannotCarryAreRefused() {
        // Allowed: tab, line breaks, text after U+E000, U+FEFF and U+FFFD (which share the lead byte 0xEF with
        // the refused U+FFFE and U+FFFF), emoji.
        for allowed in ["tab\tline\nreturn\r", "private \u{E000}", "bom \u{FEFF}", "replacement \u{FFFD}", "emoji 🧒🏽", "ｆｕｌｌ"] {
            #expect(TextRules.isXMLSafe(allowed), "\(allowed.unicodeScalars.map(\.value))")
        }
        for refused in ["nul \u{0}", "bell \u{07}", "escape \u{1B}", "unit \u{1F}", "nonchar \u{FFFE}", "nonchar \u{FFFF}x"] {
            #expect(!TextRules.isXMLSafe(refused), "\(refused.unicodeScalars.map(\.value))")
        }
    }
}
