import DocumentModel

/// The outline editor: the sections as a nested list, each with its rename field, its four one-step moves (a move
/// that has nowhere to go is disabled) and its removal; and the Add section form.
struct OutlineView {
    struct Step {
        let value: String
        let label: String
        let enabled: Bool
        /// The button pressed last, focused again after the page reloads so that a keyboard user can press it again.
        let autofocus: Bool
    }

    struct Node {
        let id: String
        let number: String
        let heading: String
        let href: String
        /// After a move whose button has nowhere to go now, the section's heading link takes the focus instead.
        let autofocusLink: Bool
        let revision: Int
        let renameAction: String
        let moveAction: String
        let removeAction: String
        let removeConfirm: String
        let steps: [Step]
        let error: String?
        let children: [Node]
        let hasChildren: Bool
    }

    typealias Option = SelectOption

    /// What a refused Add form sends back.
    struct Typed {
        var heading = ""
        var body = ""
        var parent = ""
        var position = ""
    }

    let strategyTitle: String
    let strategyHref: String
    let sections: [Node]
    let hasSections: Bool
    let addAction: String
    let parents: [Option]
    let typed: Typed
    let errors: [String: String]
    /// Right after Add section: the Heading field takes the focus for the next one.
    let focusForm: Bool

    init(
        strategy: Strategy, outline: [SectionOutline], messages t: Messages, focus: (Int64, OutlineStep?)?, typed: Typed,
        errors: [String: String], focusForm: Bool = false
    ) {
        self.focusForm = focusForm
        strategyTitle = strategy.title
        strategyHref = Links.strategy(strategy.id)
        var children: [Int64?: [SectionOutline]] = [:]
        for section in outline { children[section.parentID, default: []].append(section) }
        func descendants(_ id: Int64) -> Int {
            (children[id] ?? []).reduce(0) { $0 + 1 + descendants($1.id) }
        }
        func build(_ parentID: Int64?) -> [Node] {
            (children[parentID] ?? []).map { section in
                let base = Links.outline(strategy.id) + "/\(section.id)"
                let title = section.number + " " + section.heading
                let steps = OutlineStep.allCases.map { step in
                    let enabled = step.move(of: section.id, in: outline) != nil
                    return Step(
                        value: step.rawValue, label: t["outlineStep_" + step.rawValue], enabled: enabled,
                        autofocus: enabled && focus?.0 == section.id && focus?.1 == step
                    )
                }
                let focused = focus?.0 == section.id
                let below = descendants(section.id)
                let kids = build(section.id)
                return Node(
                    id: "section-\(section.id)", number: section.number, heading: section.heading,
                    href: Links.section(strategy.id, section.id), autofocusLink: focused && !steps.contains(where: \.autofocus),
                    revision: section.revision, renameAction: base + "/rename",
                    moveAction: base + "/move", removeAction: base + "/remove",
                    removeConfirm: below == 0
                        ? t.format("outlineRemoveConfirm", ["section": title])
                        : t.plural("outlineRemoveConfirmWithSubsections", count: below, ["section": title]),
                    steps: steps, error: errors["section-\(section.id)"], children: kids, hasChildren: !kids.isEmpty
                )
            }
        }
        sections = build(nil)
        hasSections = !outline.isEmpty
        addAction = Links.outline(strategy.id)
        parents =
            [Option(value: "", label: t["outlineTopLevel"], selected: typed.parent.isEmpty)]
            + outline.map { Option(value: "\($0.id)", label: $0.number + " " + $0.heading, selected: typed.parent == "\($0.id)") }
        self.typed = typed
        self.errors = errors
    }
}
