import DocumentModel

/// A comment as the section page shows it beside its passage: what it quotes, where that passage stands now
/// (anchored, shifted, changed, orphaned), the comment, a suggested replacement, the disposition and the thread.
struct CommentCard {
    struct Reply {
        let author: String
        let when: String
        let body: String
    }

    let number: Int
    let id: String
    let kind: String
    let author: String
    let when: String
    let anchorStatus: String?
    let anchorClass: String?
    let quote: String?
    /// The passage's text now, when it differs from the quote (changed).
    let nowReads: String?
    let body: String
    let suggestion: String?
    let disposition: String?
    let response: String?
    let replies: [Reply]
    let hasReplies: Bool
    /// "Replies (2)", over the thread.
    let repliesCount: String?
    /// Where the passage is marked in the section's text (`#passage-N`), when it is shown there.
    var passageHref: String?
    /// For readers who may comment now: the comment's own page, where a reply is written (the section page's
    /// script opens the same form in place), and where the form posts.
    var reply: ReplyLink?

    struct ReplyLink {
        let href: String
        let action: String
        let label: String
        /// Which comment, for screen readers ("– Comment 3"), hidden on screen where the card says it.
        let which: String
    }

    init(_ comment: Comment, groups: [StakeholderGroup], _ t: Messages, _ dates: DateText, replies offered: Bool = false) {
        number = comment.number
        id = "comment-\(comment.number)"
        kind = t["kind_" + comment.kind.rawValue]
        let group = comment.group.flatMap { key in groups.first { $0.key == key }?.name }
        author = comment.authorName + (group.map { " (\($0))" } ?? "")
        when = dates(comment.createdAt)
        anchorStatus = comment.anchor.map { t["anchor_" + $0.status.rawValue] }
        anchorClass = comment.anchor.map { "badge-" + $0.status.rawValue }
        quote = comment.anchor?.quote
        nowReads = comment.anchor.flatMap { $0.status == .changed ? $0.currentText : nil }
        body = comment.body
        suggestion = comment.suggestion
        disposition = comment.disposition.map { t["disposition_" + $0.rawValue] }
        response = comment.response
        replies = Self.replies(of: comment, groups: groups, t, dates)
        hasReplies = !comment.replies.isEmpty
        repliesCount = Self.repliesCount(of: comment, t)
        reply =
            offered
            ? ReplyLink(
                href: Links.comment(comment.strategyID, comment.number), action: Links.commentReplies(comment.strategyID, comment.number),
                label: t["reply"], which: " – " + t["comment"] + " \(comment.number)"
            ) : nil
    }
}

extension CommentCard {
    /// A comment's replies, oldest first, each with its author's group.
    static func replies(of comment: Comment, groups: [StakeholderGroup], _ t: Messages, _ dates: DateText) -> [Reply] {
        comment.replies.map { reply in
            let group = reply.group.flatMap { key in groups.first { $0.key == key }?.name }
            return Reply(author: reply.authorName + (group.map { " (\($0))" } ?? ""), when: dates(reply.createdAt), body: reply.body)
        }
    }

    static func repliesCount(of comment: Comment, _ t: Messages) -> String? {
        comment.replies.isEmpty ? nil : t.format("repliesCount", ["count": "\(comment.replies.count)"])
    }
}

extension CommentCard: TemplateFields {
    /// An absent value is `false` here rather than a missing name: Mustache looks a missing name up on every level
    /// above the card, and the card's sections (`{{#quote}}`) read `false` as absent anyway.
    var templateFields: [String: Any?] {
        [
            "number": number, "id": id, "kind": kind, "author": author, "when": when, "anchorStatus": anchorStatus ?? false,
            "anchorClass": anchorClass ?? false, "quote": quote ?? false, "nowReads": nowReads ?? false, "body": body,
            "suggestion": suggestion ?? false, "disposition": disposition ?? false, "response": response ?? false, "replies": replies,
            "hasReplies": hasReplies, "repliesCount": repliesCount ?? false, "reply": reply ?? false,
            "passageHref": passageHref ?? false,
        ]
    }
}

extension CommentCard.Reply: TemplateFields {
    var templateFields: [String: Any?] { ["author": author, "when": when, "body": body] }
}

extension CommentCard.ReplyLink: TemplateFields {
    var templateFields: [String: Any?] { ["href": href, "action": action, "label": label, "which": which] }
}
