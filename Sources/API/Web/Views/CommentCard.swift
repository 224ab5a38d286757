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
    /// Where a reply is posted, for readers who may comment now.
    var replyAction: String?
    /// A reply sent back with a message, and the message.
    var replyBody = ""
    var replyError: String?

    init(_ comment: Comment, groups: [StakeholderGroup], _ t: Messages, _ dates: DateText, replyAction: String? = nil) {
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
        replies = comment.replies.map { reply in
            let group = reply.group.flatMap { key in groups.first { $0.key == key }?.name }
            return Reply(author: reply.authorName + (group.map { " (\($0))" } ?? ""), when: dates(reply.createdAt), body: reply.body)
        }
        hasReplies = !comment.replies.isEmpty
        self.replyAction = replyAction
    }
}
