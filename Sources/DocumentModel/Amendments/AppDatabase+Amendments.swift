import Foundation
import GRDB

extension AppDatabase {
    /// Proposes an amendment to a section against one of its revisions (member, signatory or facilitator).
    ///
    /// The merge check runs before the write, on the caller's thread: the single writer only stores the result,
    /// and merges again only if the section got a new revision in between.
    public func proposeAmendment(
        strategyID: Int64, sectionID: Int64, _ new: NewAmendment, by account: Account
    ) async throws -> Amendment {
        try authorizeThenValidate(new, strategyID: strategyID, action: .proposeAmendment, by: account)
        let prepared = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .proposeAmendment)
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            if section.removed { throw DocumentModelError.conflict("the section has been removed from the strategy") }
            guard (1...section.revision).contains(new.baseRevision) else {
                throw DocumentModelError.invalid("baseRevision", "must be a revision of this section, from 1 to \(section.revision)")
            }
            let base = try Self.revisionText(db, sectionID: sectionID, number: new.baseRevision)
            let proposed = SectionText(heading: new.heading ?? base.heading, body: new.body)
            guard proposed != base else {
                throw DocumentModelError.invalid("body", "is identical to revision \(new.baseRevision): an amendment must change something")
            }
            let merge = AmendmentMerge(base: base, current: SectionText(heading: section.heading, body: section.body), proposed: proposed)
            return (revision: section.revision, base: base, proposed: proposed, merge: merge)
        }
        let number = try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .proposeAmendment)
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            if section.removed { throw DocumentModelError.conflict("the section has been removed from the strategy") }
            var merge = prepared.merge
            if section.revision != prepared.revision {
                merge = AmendmentMerge(
                    base: prepared.base, current: SectionText(heading: section.heading, body: section.body), proposed: prepared.proposed
                )
            }
            let number = (try db.value(Int.self, "SELECT MAX(number) FROM amendment WHERE strategyId = ?", [strategyID]) ?? 0) + 1
            try db.run(
                """
                INSERT INTO amendment (strategyId, number, sectionId, baseRevision, heading, chunkIds, rationale, authorId,
                    groupKey, status, checkedRevision, mergeable, footprint, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)
                """,
                [
                    strategyID, number, sectionID, new.baseRevision, prepared.proposed.heading,
                    try BodyStore.store(new.body, in: db), new.rationale, account.id, access.actor.group, section.revision,
                    merge.merged != nil, merge.footprint.encoded, Date(),
                ]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .amendmentProposed, subject: "amendment/\(number)",
                detail: ["section": String(sectionID), "baseRevision": String(new.baseRevision)]
            )
            return number
        }
        return try read { db in try Self.loadAmendment(db, strategyID: strategyID, number: number) }
    }

    public func amendment(strategyID: Int64, number: Int, for account: Account) async throws -> Amendment {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadAmendment(db, strategyID: strategyID, number: number)
        }
    }

    /// A page of the strategy's amendments by number, filtered by section, status (or `conflicting`) and group.
    public func amendments(
        strategyID: Int64, filter: AmendmentFilter, after: Int64?, limit: Int, for account: Account
    ) async throws -> Page<Amendment> {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let status = filter.status == "conflicting" ? "open" : filter.status
            let numbers = try db.values(
                Int.self,
                """
                SELECT number FROM amendment
                WHERE strategyId = ? AND number > ? AND (? IS NULL OR sectionId = ?) AND (? IS NULL OR status = ?)
                  AND (? IS NULL OR groupKey = ?) AND (? = 0 OR mergeable = 0)
                ORDER BY number LIMIT ?
                """,
                [
                    strategyID, after ?? 0, filter.sectionID, filter.sectionID, status, status, filter.group, filter.group,
                    filter.status == "conflicting", limit + 1,
                ]
            )
            let items = try numbers.prefix(limit).map { try Self.loadAmendment(db, strategyID: strategyID, number: $0) }
            return Page(items: items, nextAfter: numbers.count > limit ? items.last.map { Int64($0.number) } : nil)
        }
    }

    /// The open amendments that change a passage this one changes, with the passage in the current text.
    public func collisions(strategyID: Int64, number: Int, for account: Account) async throws -> [AmendmentCollision] {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let amendment = try Self.loadAmendment(db, strategyID: strategyID, number: number)
            guard amendment.status == .open else { return [] }
            let current = try Self.loadSection(db, strategyID: strategyID, id: amendment.sectionID)
            return try Self.collisions(db, strategyID: strategyID, number: number, current: current)
        }
    }

    /// The open amendments colliding with amendment `number`, each with the passage of `current` they both change.
    static func collisions(_ db: Database, strategyID: Int64, number: Int, current: Section) throws -> [AmendmentCollision] {
        let bytes = Array(current.body.utf8)
        return try collidingAmendments(db, strategyID: strategyID, number: number).map { other in
            let passage: String
            var range = other.overlap.range
            if other.overlap.heading {
                passage = current.heading
                range = 0..<current.heading.utf8.count
            } else {
                let clamped = min(range.lowerBound, bytes.count)..<min(range.upperBound, bytes.count)
                passage = String(decoding: bytes[clamped], as: UTF8.self)
            }
            return AmendmentCollision(
                number: other.number, authorName: other.authorName, group: other.group, passage: passage,
                start: range.lowerBound, end: range.upperBound, field: other.overlap.heading ? "heading" : "body"
            )
        }
    }

    /// Adds the caller's support (once per account; not for the author's own amendment).
    public func supportAmendment(strategyID: Int64, number: Int, by account: Account) async throws -> Amendment {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .supportAmendment)
            try access.requireMaySupport(try Self.loadAmendment(db, strategyID: strategyID, number: number))
            try db.run(
                "INSERT INTO amendmentSupport (strategyId, number, accountId, groupKey, createdAt) VALUES (?, ?, ?, ?, ?)",
                [strategyID, number, account.id, access.actor.group, Date()]
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .amendmentSupported, subject: "amendment/\(number)"
            )
            return try Self.loadAmendment(db, strategyID: strategyID, number: number)
        }
    }

    /// Withdraws an open amendment (its author only).
    public func withdrawAmendment(strategyID: Int64, number: Int, by account: Account) async throws -> Amendment {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .withdrawAmendment)
            try access.requireMayWithdraw(try Self.loadAmendment(db, strategyID: strategyID, number: number))
            try Self.close(db, strategyID: strategyID, number: number, status: .withdrawn, by: account, reason: nil, revision: nil)
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .amendmentWithdrawn, subject: "amendment/\(number)"
            )
            return try Self.loadAmendment(db, strategyID: strategyID, number: number)
        }
    }

    /// Rejects an open amendment with a reason (facilitator).
    public func rejectAmendment(strategyID: Int64, number: Int, reason: String, by account: Account) async throws -> Amendment {
        try authorizeThenValidate(AmendmentRejection(reason: reason), strategyID: strategyID, action: .decideAmendment, by: account)
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .decideAmendment)
            let amendment = try Self.loadAmendment(db, strategyID: strategyID, number: number)
            try Self.requireOpen(amendment, to: "rejected")
            try Self.close(db, strategyID: strategyID, number: number, status: .rejected, by: account, reason: reason, revision: nil)
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .amendmentRejected, subject: "amendment/\(number)",
                detail: ["reason": reason]
            )
            return try Self.loadAmendment(db, strategyID: strategyID, number: number)
        }
    }

    /// Accepts an open amendment (facilitator): merges it three ways into the current text and records the result
    /// as a revision whose source names the amendment. On conflict nothing is written; the facilitator may accept
    /// again with a resolution (`If-Match` then names the revision it was resolved against).
    ///
    /// The merge is computed before the write, on the caller's thread; inside the single writer the section's
    /// revision is checked again, and only if another write got there first is the merge redone against the new
    /// text. So concurrent accepts are serialised without a lost update, and the writer does no diffing.
    public func acceptAmendment(
        strategyID: Int64, number: Int, resolution: AmendmentResolution, ifMatch: RevisionMatch?, by account: Account
    ) async throws -> (amendment: Amendment, section: Section) {
        let errors = resolution.validate()
        let prepared = try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .decideAmendment)
            guard errors.isEmpty else { throw DocumentModelError.invalid(errors) }
            let amendment = try Self.loadAmendment(db, strategyID: strategyID, number: number, withCollisions: false)
            let current = try Self.loadSection(db, strategyID: strategyID, id: amendment.sectionID)
            let merged = try Self.merge(amendment, into: current, resolution: resolution, ifMatch: ifMatch)
            // The section's other open amendments, merged into the text this accept will write.
            let refresh = try Self.prepareRefresh(db, strategyID: strategyID, sectionID: amendment.sectionID, for: merged, except: [number])
            return (amendment: amendment, merge: merged, revision: current.revision, refresh: refresh)
        }
        let (section, decidedAt) = try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .decideAmendment)
            let status = try db.value(String.self, "SELECT status FROM amendment WHERE strategyId = ? AND number = ?", [strategyID, number])
            var amendment = prepared.amendment
            amendment.status = status.flatMap(AmendmentStatus.init) ?? .open
            try Self.requireOpen(amendment, to: "accepted")
            let (current, chunkIDs) = try Self.loadSectionForUpdate(db, strategyID: strategyID, id: amendment.sectionID)
            let merged =
                current.revision == prepared.revision
                ? prepared.merge
                : try Self.merge(amendment, into: current, resolution: resolution, ifMatch: ifMatch)
            var section = current
            if merged.heading != current.heading || merged.body != current.body {
                let revision = current.revision + 1
                let now = Date()
                try Self.insertRevision(
                    db, sectionID: current.id, number: revision, heading: merged.heading, body: merged.body, actor: access.actor,
                    message: "Amendment \(number)", source: .amendment(number), known: chunkIDs, at: now
                )
                try db.run("UPDATE section SET currentRevision = ? WHERE id = ?", [revision, current.id])
                section.heading = merged.heading
                section.body = merged.body
                section.revision = revision
                section.updatedAt = now
                section.updatedBy = account.id
            }
            let decidedAt = try Self.close(
                db, strategyID: strategyID, number: number, status: .accepted, by: account, reason: nil, revision: section.revision
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .amendmentAccepted, subject: "amendment/\(number)",
                detail: [
                    "section": String(current.id), "revision": String(section.revision),
                    "resolved": resolution.isEmpty ? "merge" : "facilitator",
                ]
            )
            if section.revision != current.revision {
                try Self.refreshOpenAmendments(db, strategyID: strategyID, section: section, actor: access.actor, prepared: prepared.refresh)
            }
            return (section, decidedAt)
        }
        // The amendment as it now stands, without reading back what was just written.
        var accepted = prepared.amendment
        accepted.status = .accepted
        accepted.acceptedRevision = section.revision
        accepted.decidedBy = account.id
        accepted.decidedAt = decidedAt
        accepted.collidesWith = []
        return (accepted, section)
    }

    /// The text accepting `amendment` gives `current`, or the refusal: not open, section removed, stale `If-Match`,
    /// or a merge conflict.
    static func merge(
        _ amendment: Amendment, into current: Section, resolution: AmendmentResolution, ifMatch: RevisionMatch?
    ) throws -> SectionText {
        try requireOpen(amendment, to: "accepted")
        if current.removed { throw DocumentModelError.conflict("the section of amendment \(amendment.number) has been removed") }
        if let ifMatch { try requireCurrent(current, ifMatch: ifMatch) }
        let merge = AmendmentMerge(
            base: SectionText(heading: amendment.baseHeading, body: amendment.baseBody),
            current: SectionText(heading: current.heading, body: current.body),
            proposed: SectionText(heading: amendment.heading, body: amendment.body), resolution: resolution,
            withFootprint: false
        )
        guard let merged = merge.merged else {
            throw DocumentModelError.mergeConflict(currentRevision: current.revision, conflicts: merge.conflicts)
        }
        return merged
    }
}
