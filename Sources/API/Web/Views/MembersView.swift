import DocumentModel

/// The Members page: each member with their role and group; for those who may manage members, a form per member
/// and one to add a person; and one sentence on what each role does.
struct MembersView {
    typealias Option = SelectOption

    struct Row {
        let name: String
        let role: String
        let group: String?
        /// For managers: the member's own form (role, group, remove).
        let manage: Manage?
    }

    struct Manage {
        let id: String
        let action: String
        let removeAction: String
        let removeConfirm: String
        let roles: [Option]
        let groups: [Option]
        let languages: [LanguageBox]
        let error: String?
    }

    /// One of the strategy's target languages as a checkbox of a translator's languages.
    struct LanguageBox {
        let id: String
        let tag: String
        let label: String
        let checked: Bool
    }

    struct RoleText {
        let name: String
        let sentence: String
    }

    /// What a refused Add form sends back.
    struct Typed {
        var person = ""
        var role = Role.member.rawValue
        var group = ""
        var languages: [String] = []
    }

    let strategyTitle: String
    let strategyHref: String
    let members: [Row]
    let roles: [RoleText]
    /// For managers: the Add form.
    let addAction: String?
    let person: String
    let addRoles: [Option]
    let addGroups: [Option]
    let addLanguages: [LanguageBox]
    let hasAddLanguages: Bool
    let errors: [String: String]

    init(access: Access, members: [Membership], messages t: Messages, typed: Typed, errors: [String: String]) {
        let strategy = access.strategy
        let manages = access.may(.manageMembers)
        strategyTitle = strategy.title
        strategyHref = Links.strategy(strategy.id)
        let groupName = { (key: String?) in key.flatMap { key in strategy.groups.first { $0.key == key }?.name ?? key } }
        func roles(_ selected: String) -> [Option] {
            Role.allCases.map { Option(value: $0.rawValue, label: t["role_" + $0.rawValue], selected: $0.rawValue == selected) }
        }
        func groups(_ selected: String) -> [Option] {
            [Option(value: "", label: t["noGroup"], selected: selected.isEmpty)]
                + strategy.groups.map { Option(value: $0.key, label: $0.name, selected: $0.key == selected) }
        }
        func languageBoxes(_ prefix: String, _ checked: [String]) -> [LanguageBox] {
            strategy.translations.map {
                LanguageBox(id: "\(prefix)-lang-\($0)", tag: $0, label: LanguageNames.endonym($0), checked: checked.contains($0))
            }
        }
        self.members = members.map { member in
            let languages = member.languages.map(LanguageNames.endonym).joined(separator: ", ")
            return Row(
                name: member.accountName, role: t["role_" + member.role.rawValue] + (languages.isEmpty ? "" : " (\(languages))"),
                group: groupName(member.group),
                manage: manages
                    ? Manage(
                        id: "member-\(member.accountID)", action: Links.members(strategy.id) + "/\(member.accountID)",
                        removeAction: Links.members(strategy.id) + "/\(member.accountID)/remove",
                        removeConfirm: t.format("memberRemoveConfirm", ["name": member.accountName]),
                        roles: roles(member.role.rawValue), groups: groups(member.group ?? ""),
                        languages: languageBoxes("member-\(member.accountID)", member.languages), error: errors["member-\(member.accountID)"]
                    ) : nil
            )
        }
        self.roles = Role.allCases.map { RoleText(name: t["role_" + $0.rawValue], sentence: t["roleExplained_" + $0.rawValue]) }
        addAction = manages ? Links.members(strategy.id) : nil
        person = typed.person
        addRoles = roles(typed.role)
        addGroups = groups(typed.group)
        addLanguages = languageBoxes("add", typed.languages)
        hasAddLanguages = !addLanguages.isEmpty
        self.errors = errors
    }
}
