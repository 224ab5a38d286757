/// What the amendment page offers its reader: **Support**, **Withdraw**, **Accept**, **Reject** (with a **Reason**),
/// each only to whoever may take it now; and, after an accept that conflicts, each conflict region as base /
/// current / proposed with an editor prefilled with the current text (**Resolved text**, **Accept resolved text**).
struct AmendmentDecisionView {
    struct Region {
        let field: String
        let base: String
        let current: String
        let proposed: String
    }

    /// The conflicts to resolve, against `revision`.
    struct Resolution {
        let revision: Int
        let regions: [Region]
        let resolvedHeading: String
        let resolvedBody: String
        /// Whether the heading is among the conflicts (its own field then).
        let headingConflicts: Bool
        /// Set when the section moved on while the facilitator resolved.
        let movedOn: String?
        var error: String?
        /// `desk` when the accept was pressed on the desk: the resolved accept goes back there too.
        let from: String?
    }

    let supportAction: String?
    let withdrawAction: String?
    let acceptAction: String?
    let rejectAction: String?
    var reason = ""
    var reasonError: String?
    var resolution: Resolution?
    /// Whether anything is offered at all (stored: templates read stored properties).
    let hasActions: Bool

    init(supportAction: String?, withdrawAction: String?, acceptAction: String?, rejectAction: String?) {
        self.supportAction = supportAction
        self.withdrawAction = withdrawAction
        self.acceptAction = acceptAction
        self.rejectAction = rejectAction
        hasActions = supportAction != nil || withdrawAction != nil || acceptAction != nil || rejectAction != nil
    }
}
