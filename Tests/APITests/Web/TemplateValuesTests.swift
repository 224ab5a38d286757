import Foundation
import Testing

@testable import API
@testable import DocumentModel

/// The view models that list their own fields for the templates list every one of them, as reflection would.
@Suite struct TemplateValuesTests {
    static func labels(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }

    @Test func listedFieldsAreTheStoredProperties() throws {
        let t = Messages(language: "en", table: [:])
        let comment = Comment(
            strategyID: 1, number: 3, sectionID: 1, amendment: nil, anchor: nil, kind: .general, body: "Body", suggestion: nil,
            authorID: 1, authorName: "A", group: nil, disposition: nil, response: nil, resolvedBy: nil, resolvedAt: nil,
            appliedRevision: nil, replies: [], createdAt: Date()
        )
        let card = CommentCard(comment, groups: [], t, DateText(language: "en", timeZone: TimeZone(identifier: "UTC")!), replies: true)
        #expect(Set(card.templateFields.keys) == Self.labels(card))
        let reply = try #require(card.reply)
        #expect(Set(reply.templateFields.keys) == Self.labels(reply))
        let shown = CommentCard.Reply(author: "A", when: "now", body: "B")
        #expect(Set(shown.templateFields.keys) == Self.labels(shown))
        let dispose = DeskView.DisposeLink(href: "/h", action: "/a", label: "Dispose", which: " 1", hasSuggestion: false)
        let item = DeskView.CommentItem(
            number: 1, href: "/c", kind: "general", author: "A", quote: nil, body: "B", suggestion: nil, anchor: nil, replies: [shown],
            repliesCount: "Replies (1)", batchForm: nil, dispose: dispose
        )
        #expect(Set(item.templateFields.keys) == Self.labels(item))
        #expect(Set(dispose.templateFields.keys) == Self.labels(dispose))
        let amendment = DeskView.AmendmentItem(
            number: 1, href: "/a", author: "A", state: "open", stateClass: "x", supporters: "", redlineHTML: nil, acceptAction: nil,
            rejectAction: nil
        )
        #expect(Set(amendment.templateFields.keys) == Self.labels(amendment))
    }
}
