/// A reply the service could not take yet (empty, too long), shown again in its comment's thread with why.
struct ReplyDraft {
    let comment: Int
    let body: String
    let error: String
}
