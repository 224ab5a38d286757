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
    /// A reply sent back, and why. (Names distinct from the disposition form's: Mustache looks a name it does not
    /// find on the form up on the page.)
    let replyDraft: String
    let replyError: String?
    /// For facilitators, while the comment awaits a disposition.
    let disposition: DispositionFormView?
}
