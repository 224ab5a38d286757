import DocumentModel

/// A signatory's form for their own group: a **Note** (required to object) and the buttons **Approve**, **Object**
/// and **Abstain**, for a draft or for a section at its current revision.
struct SignoffFormView {
    struct Option {
        let value: String
        let label: String
        let primary: Bool
    }

    let action: String
    let group: String
    /// For a section: the revision the decision is about.
    let revision: Int?
    let options: [Option]
    var note = ""
    var error: String?

    init(action: String, group: String, revision: Int?, _ t: Messages) {
        self.action = action
        self.group = group
        self.revision = revision
        options = SignoffDecision.allCases.map {
            Option(value: $0.rawValue, label: t["signoffChoice_" + $0.rawValue], primary: $0 == .approve)
        }
    }

    /// The form for a signatory of a group, nil for anyone else (or when the phase takes no sign-offs).
    static func offered(
        to access: Access, action: String, revision: Int?, _ t: Messages
    ) -> SignoffFormView? {
        guard access.may(.signOff), let key = access.membership?.group else { return nil }
        let name = access.strategy.groups.first { $0.key == key }?.name ?? key
        return SignoffFormView(action: action, group: name, revision: revision, t)
    }
}
