/// `/app/strategies/{id}/comments/{n}`: one comment with its whole thread, and the reply form.
struct CommentThreadView {
    let strategyTitle: String
    let strategyHref: String
    let sectionTitle: String
    let sectionHref: String
    let number: Int
    let card: CommentCard
    /// Where a reply is posted (nil for readers who may not comment now).
    let replyAction: String?
    /// A reply sent back, and why.
    let draft: String
    let error: String?
}
