import Foundation
import GRDB

/// Group sign-off on drafts and on section revisions, and adoption on a draft every group approves.
extension AppDatabase {
    /// Records a signatory's decision on a draft for their group; it replaces the group's earlier decision as the
    /// current one, and both stay in the history.
    public func signOffDraft(strategyID: Int64, draft: Int, _ new: NewSignoff, by account: Account) async throws -> SignoffSummary {
        // The draft must exist (404) before the decision is judged (422).
        let errors = new.validate()
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .signOff)
            let group = try Self.signingGroup(access, new)
            guard try db.value(Bool.self, "SELECT 1 FROM draft WHERE strategyId = ? AND number = ?", [strategyID, draft]) != nil
            else { throw DocumentModelError.notFound("draft") }
            guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
            try db.run(
                """
                INSERT INTO draftSignoff (strategyId, draftNumber, groupKey, decision, note, accountId, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [strategyID, draft, group, new.decision.rawValue, new.note, account.id, Date()]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: Actor(accountID: account.id, group: group), action: .draftSignedOff,
                subject: "draft/\(draft)", detail: ["group": group, "decision": new.decision.rawValue]
            )
        }
        return try await draftSignoffs(strategyID: strategyID, draft: draft, for: account)
    }

    public func draftSignoffs(strategyID: Int64, draft: Int, for account: Account) async throws -> SignoffSummary {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            guard try db.value(Bool.self, "SELECT 1 FROM draft WHERE strategyId = ? AND number = ?", [strategyID, draft]) != nil
            else { throw DocumentModelError.notFound("draft") }
            return try Self.loadDraftSignoffs(db, strategy: access.strategy, draft: draft)
        }
    }

    static func loadDraftSignoffs(_ db: Database, strategy: Strategy, draft: Int) throws -> SignoffSummary {
        let history = try db.rows(
            """
            SELECT draftSignoff.*, account.name AS accountName FROM draftSignoff JOIN account ON account.id = draftSignoff.accountId
            WHERE strategyId = ? AND draftNumber = ? ORDER BY draftSignoff.id
            """, [strategy.id, draft]
        ).map { signoff($0, revision: nil) }
        return summary(groups: strategy.groups, history: history, currentRevision: nil)
    }

    /// Records a group's decision on a section revision, which must be the current one: signing off a text the
    /// section no longer has would approve words nobody reads any more.
    public func signOffSection(
        strategyID: Int64, sectionID: Int64, revision: Int, _ new: NewSignoff, by account: Account
    ) async throws -> SignoffSummary {
        var errors = FieldErrors()
        new.validate(into: &errors)
        if revision < 1 { errors.add("revision", "must be a revision number, from 1") }
        let problems = errors.all
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .signOff)
            let group = try Self.signingGroup(access, new)
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            guard problems.isEmpty else { throw DocumentModelError.invalid(problems) }
            if section.removed { throw DocumentModelError.conflict("section \(sectionID) has been removed from the strategy") }
            guard revision <= section.revision else {
                throw DocumentModelError.invalid("revision", "section \(sectionID) has revisions 1 to \(section.revision)")
            }
            guard revision == section.revision else {
                throw DocumentModelError.conflict(
                    "revision \(revision) is no longer current: section \(sectionID) is at revision \(section.revision); sign off what it now says"
                )
            }
            try db.run(
                """
                INSERT INTO sectionSignoff (strategyId, sectionId, revision, groupKey, decision, note, accountId, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [strategyID, sectionID, revision, group, new.decision.rawValue, new.note, account.id, Date()]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: Actor(accountID: account.id, group: group), action: .sectionSignedOff,
                subject: "section/\(sectionID)", detail: ["group": group, "decision": new.decision.rawValue, "revision": String(revision)]
            )
        }
        return try await sectionSignoffs(strategyID: strategyID, sectionID: sectionID, for: account)
    }

    /// Each group's current decision on the section; it is `stale` once the section has a newer revision.
    public func sectionSignoffs(strategyID: Int64, sectionID: Int64, for account: Account) async throws -> SignoffSummary {
        try read { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            let history = try db.rows(
                """
                SELECT sectionSignoff.*, account.name AS accountName FROM sectionSignoff
                JOIN account ON account.id = sectionSignoff.accountId
                WHERE sectionId = ? AND strategyId = ? ORDER BY sectionSignoff.id
                """, [sectionID, strategyID]
            ).map { Self.signoff($0, revision: $0["revision"]) }
            return Self.summary(groups: access.strategy.groups, history: history, currentRevision: section.revision)
        }
    }

    /// Adopts the strategy on its latest draft (facilitator, final review) when every group's current decision on
    /// that draft is to approve; from then on the strategy is read-only.
    public func adopt(strategyID: Int64, draft: Int, by account: Account) async throws -> Strategy {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .adopt)
            let latest = try db.value(Int.self, "SELECT MAX(number) FROM draft WHERE strategyId = ?", [strategyID])
            guard let latest, (1...latest).contains(draft) else {
                throw DocumentModelError.invalid("draft", "this strategy has no draft \(draft)")
            }
            guard draft == latest else {
                throw DocumentModelError.conflict("draft \(draft) is not the latest: adopt draft \(latest), or cut a new one")
            }
            let signoffs = try Self.loadDraftSignoffs(db, strategy: access.strategy, draft: draft)
            guard signoffs.allApprove else { throw DocumentModelError.notApproved(draft: draft, groups: signoffs.notApproving) }
            if access.strategy.requireTranslations {
                let incomplete = try Self.incompleteTranslations(db, strategy: access.strategy, draft: draft)
                guard incomplete.isEmpty else {
                    throw DocumentModelError.translationsIncomplete(
                        draft: draft, languages: incomplete.map { "\($0.language) (\($0.sections.joined(separator: ", ")))" }
                    )
                }
            }
            try db.run(
                "UPDATE strategy SET phase = ?, adoptedDraft = ?, version = version + 1 WHERE id = ?", [Phase.adopted.rawValue, draft, strategyID]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .strategyAdopted, subject: "strategy/\(strategyID)",
                detail: ["draft": String(draft), "previousPhase": access.strategy.phase.rawValue]
            )
            var strategy = access.strategy
            strategy.phase = .adopted
            strategy.adoptedDraft = draft
            return strategy
        }
    }

    /// The group a sign-off speaks for: the signatory's own. Naming another group is refused; an admin, who
    /// belongs to no group, must name one.
    /// The signatory's own group; naming another is refused. (The access policy has already made sure the caller
    /// is a signatory of a group, admin or not.)
    private static func signingGroup(_ access: Access, _ new: NewSignoff) throws -> String {
        guard let own = access.membership?.group else {
            throw DocumentModelError.forbidden("a sign-off speaks for a stakeholder group, and you sign for none")
        }
        if let named = new.group, named != own {
            throw DocumentModelError.forbidden("you sign off for \(own) only, not for \(named)")
        }
        return own
    }

    private static func signoff(_ row: Row, revision: Int?) -> Signoff {
        Signoff(
            id: row["id"], group: row["groupKey"], decision: SignoffDecision(rawValue: row["decision"]) ?? .abstain,
            note: row["note"], accountID: row["accountId"], accountName: row["accountName"], createdAt: row["createdAt"],
            revision: revision
        )
    }

    private static func summary(groups: [StakeholderGroup], history: [Signoff], currentRevision: Int?) -> SignoffSummary {
        var latest: [String: Signoff] = [:]
        for signoff in history { latest[signoff.group] = signoff }
        return SignoffSummary(
            groups: groups.map { group in
                let current = latest[group.key]
                let stale = currentRevision.map { revision in (current?.revision).map { $0 < revision } ?? false } ?? false
                return GroupSignoff(group: group, current: current, stale: stale)
            },
            history: history, currentRevision: currentRevision
        )
    }
}
