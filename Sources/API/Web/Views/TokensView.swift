import DocumentModel

/// The API tokens page: the reader's tokens (name, beginning, created, last used, revoked), a token just created
/// with its text (shown once), and the Create token form.
struct TokensView {
    struct Issued {
        let name: String
        let token: String
    }

    struct Row {
        let name: String
        let prefix: String
        let created: String
        let lastUsed: String?
        let revoked: String?
        let revokeAction: String?
        let revokeConfirm: String
    }

    let tokens: [Row]
    let hasTokens: Bool
    let issued: Issued?
    let createAction: String
    let name: String
    let errors: [String: String]

    init(_ tokens: [TokenInfo], messages t: Messages, dates: DateText, issued: Issued?, typedName: String, errors: [String: String]) {
        // Live tokens first, newest first; revoked ones after them, kept so that their person sees what ended.
        let ordered = tokens.sorted { (a: TokenInfo, b: TokenInfo) -> Bool in
            let (liveA, liveB) = (a.revokedAt == nil, b.revokedAt == nil)
            return liveA != liveB ? liveA : a.id > b.id
        }
        self.tokens = ordered.map { token in
            let name = token.name ?? t["tokenUnnamed"]
            return Row(
                name: name, prefix: token.prefix + "…", created: dates(token.createdAt), lastUsed: token.lastUsedAt.map(dates.callAsFunction),
                revoked: token.revokedAt.map(dates.callAsFunction),
                revokeAction: token.revokedAt == nil ? "\(TokensController.path)/\(token.id)/revoke" : nil,
                revokeConfirm: t.format("tokenRevokeConfirm", ["name": name])
            )
        }
        hasTokens = !tokens.isEmpty
        self.issued = issued
        createAction = TokensController.path
        name = typedName
        self.errors = errors
    }
}
