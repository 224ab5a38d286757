/// The rules for acting on one amendment, beyond the action's role and phase: the write checks them and the
/// amendment page asks them, so a page offers exactly what the write would allow.
extension Access {
    /// Throws unless this caller may support `amendment` now. Support is another stakeholder group's voice for
    /// a proposal (PRODUCT.md): not the author's own, not twice, not from the author's group, only while open.
    public func requireMaySupport(_ amendment: Amendment) throws {
        try require(.supportAmendment)
        try AppDatabase.requireOpen(amendment, to: "supported")
        if amendment.authorID == account.id {
            throw DocumentModelError.conflict("the author of amendment \(amendment.number) cannot support it as well")
        }
        if let group = amendment.group, group == membership?.group {
            throw DocumentModelError.forbidden("support for an amendment comes from groups other than its author's")
        }
        if amendment.supporters.contains(where: { $0.accountID == account.id }) {
            throw DocumentModelError.conflict("you already support amendment \(amendment.number)")
        }
    }

    /// Throws unless this caller may withdraw `amendment` now: its author, while it is open.
    public func requireMayWithdraw(_ amendment: Amendment) throws {
        try require(.withdrawAmendment)
        guard amendment.authorID == account.id else {
            throw DocumentModelError.forbidden("only the author of amendment \(amendment.number) may withdraw it")
        }
        try AppDatabase.requireOpen(amendment, to: "withdrawn")
    }

    public func maySupport(_ amendment: Amendment) -> Bool { (try? requireMaySupport(amendment)) != nil }
    public func mayWithdraw(_ amendment: Amendment) -> Bool { (try? requireMayWithdraw(amendment)) != nil }
    /// Whether a facilitator may accept or reject `amendment` now.
    public func mayDecide(_ amendment: Amendment) -> Bool { amendment.status == .open && may(.decideAmendment) }
}
