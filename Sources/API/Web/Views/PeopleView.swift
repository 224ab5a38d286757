import DocumentModel

/// The People page: every account with where it stands and what an administrator can do with it, a link just
/// issued (shown once), and the Invite someone form.
struct PeopleView {
    /// An invitation link just issued: the page is the only place it is ever shown.
    struct Link {
        let name: String
        let url: String
        let expires: String
    }

    struct Row {
        let name: String
        let email: String?
        let admin: Bool
        let lastSignIn: String?
        let status: String
        let deactivated: Bool
        /// The forms this row offers (each nil when it does not apply).
        let resendAction: String?
        let withdrawAction: String?
        let deactivateAction: String?
        let deactivateConfirm: String
        let reactivateAction: String?
    }

    /// What a refused Invite form sends back.
    struct Typed {
        var name = ""
        var email = ""
        var admin = false
    }

    let people: [Row]
    let link: Link?
    let inviteAction: String
    let typed: Typed
    let errors: [String: String]

    init(
        _ people: [PersonSummary], me: Account, messages t: Messages, dates: DateText, link: Link?, typed: Typed,
        errors: [String: String]
    ) {
        let base = PeopleController.path
        self.people = people.map { person in
            let account = person.account
            let status: String
            if let deactivated = person.deactivatedAt {
                status = t.format("personDeactivated", ["date": dates(deactivated)])
            } else {
                switch person.invitation {
                case .pending(let expiresAt): status = t.format("personInvitationPending", ["date": dates(expiresAt)])
                case .expired: status = t["personInvitationExpired"]
                case .none: status = person.hasPassword ? t["personActive"] : t["personNotInvited"]
                }
            }
            let active = person.deactivatedAt == nil
            let pending = if case .pending = person.invitation { true } else { false }
            return Row(
                name: account.name, email: account.email, admin: account.admin, lastSignIn: person.lastSignInAt.map(dates.callAsFunction),
                status: status, deactivated: !active,
                resendAction: active && !person.hasPassword && account.email != nil ? "\(base)/\(account.id)/invitation" : nil,
                withdrawAction: active && pending ? "\(base)/\(account.id)/invitation/withdraw" : nil,
                deactivateAction: active && account.id != me.id ? "\(base)/\(account.id)/deactivate" : nil,
                deactivateConfirm: t.format("personDeactivateConfirm", ["name": account.name]),
                reactivateAction: active ? nil : "\(base)/\(account.id)/reactivate"
            )
        }
        self.link = link
        inviteAction = base
        self.typed = typed
        self.errors = errors
    }
}
