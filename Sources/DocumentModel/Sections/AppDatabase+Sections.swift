import Foundation
import GRDB

extension AppDatabase {
    /// Creates a section with its first revision (facilitator).
    public func createSection(strategyID: Int64, _ new: NewSection, by account: Account) async throws -> Section {
        try authorizeThenValidate(new, strategyID: strategyID, action: .editSections, by: account)
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
            if let parentID = new.parentID { try Self.requireLiveSection(db, strategyID: strategyID, id: parentID, field: "parent") }
            let siblings = try Self.siblingCount(db, strategyID: strategyID, parentID: new.parentID)
            let position = new.position ?? siblings + 1
            guard (1...siblings + 1).contains(position) else {
                throw DocumentModelError.invalid("position", "must be between 1 and \(siblings + 1)")
            }
            try Self.shiftSiblings(db, strategyID: strategyID, parentID: new.parentID, from: position, by: 1)
            try db.run(
                "INSERT INTO section (strategyId, parentId, position, currentRevision) VALUES (?, ?, ?, 1)", [strategyID, new.parentID, position]
            )
            let id = db.lastInsertedRowID
            try Self.insertRevision(
                db, sectionID: id, number: 1, heading: new.heading, body: new.body, actor: access.actor,
                message: new.message, source: .created
            )
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .sectionCreated, subject: "section/\(id)",
                detail: ["heading": new.heading, "revision": "1"]
            )
            return try Self.loadSection(db, strategyID: strategyID, id: id)
        }
    }

    /// The live tree in reading order, each node with its derived number.
    public func outline(strategyID: Int64, for account: Account) async throws -> [SectionOutline] {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.liveOutline(db, strategyID: strategyID)
        }
    }

    static func liveOutline(_ db: Database, strategyID: Int64) throws -> [SectionOutline] {
        let rows = try db.rows(
            """
            SELECT section.id, section.parentId, section.position, section.currentRevision,
                   revision.heading, revision.createdAt
            FROM section JOIN revision ON revision.sectionId = section.id AND revision.number = section.currentRevision
            WHERE section.strategyId = ? AND section.removedAt IS NULL
            """, [strategyID]
        )
        var byID: [Int64: Row] = [:]
        for row in rows { byID[row["id"]] = row }
        let (numbers, order) = SectionNumbering.number(
            rows.map { SectionNumbering.Node(id: $0["id"], parentID: $0["parentId"], position: $0["position"]) }
        )
        return order.compactMap { id in
            guard let row = byID[id], let number = numbers[id] else { return nil }
            return SectionOutline(
                id: id, number: number, parentID: row["parentId"], position: row["position"], heading: row["heading"],
                revision: row["currentRevision"], updatedAt: row["createdAt"]
            )
        }
    }

    /// Two revisions of one section, for a redline; `to` nil means the current one.
    public func revisionPair(
        strategyID: Int64, sectionID: Int64, from: Int, to: Int?, for account: Account
    ) async throws -> (from: Revision, to: Revision) {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            let section = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            return (
                try Self.loadRevision(db, sectionID: sectionID, number: from),
                try Self.loadRevision(db, sectionID: sectionID, number: to ?? section.revision)
            )
        }
    }

    public func section(strategyID: Int64, id: Int64, for account: Account) async throws -> Section {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            return try Self.loadSection(db, strategyID: strategyID, id: id)
        }
    }

    /// Replaces heading and body if the caller saw the current revision (`ifMatch`); one transaction.
    public func updateSection(
        strategyID: Int64, id: Int64, ifMatch: RevisionMatch, heading: String, body: String, message: String?, by account: Account
    ) async throws -> Section {
        try authorizeThenValidate(
            SectionEdit(heading: heading, body: body, message: message), strategyID: strategyID, action: .editSections, by: account
        )
        // Open amendments are merged into the new text before the write, so the single writer does not diff.
        // (One statement decides whether there is anything to prepare: most sections have no open amendment.)
        let hasOpenAmendments = try readSingleStatement { db in
            try db.value(
                Bool.self, "SELECT EXISTS (SELECT 1 FROM amendment WHERE sectionId = ? AND status = 'open' AND strategyId = ?)",
                [id, strategyID]
            ) ?? false
        }
        let refresh =
            hasOpenAmendments
            ? try read { db in
                _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
                return try Self.prepareRefresh(db, strategyID: strategyID, sectionID: id, for: SectionText(heading: heading, body: body))
            } : nil
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
            let (current, chunkIDs) = try Self.loadSectionForUpdate(db, strategyID: strategyID, id: id)
            try Self.requireCurrent(current, ifMatch: ifMatch)
            if current.heading == heading && current.body == body { return current }
            let number = current.revision + 1
            let now = Date()
            try Self.insertRevision(
                db, sectionID: id, number: number, heading: heading, body: body, actor: access.actor, message: message,
                source: .edit, known: chunkIDs, at: now
            )
            try db.run("UPDATE section SET currentRevision = ? WHERE id = ?", [number, id])
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .sectionEdited, subject: "section/\(id)",
                detail: ["revision": String(number)]
            )
            var updated = current
            updated.heading = heading
            updated.body = body
            updated.revision = number
            updated.updatedAt = now
            updated.updatedBy = account.id
            try Self.refreshOpenAmendments(db, strategyID: strategyID, section: updated, actor: access.actor, prepared: refresh)
            return updated
        }
    }

    /// Moves a section (with its subtree) to a new parent and/or position; records a structure revision.
    public func moveSection(
        strategyID: Int64, id: Int64, ifMatch: RevisionMatch, move: SectionMove, message: String?, by account: Account
    ) async throws -> Section {
        try authorizeThenValidate(RevisionMessage(message: message), strategyID: strategyID, action: .editSections, by: account)
        return try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
            return try Self.move(db, access: access, strategyID: strategyID, id: id, ifMatch: ifMatch, move: move, message: message)
        }
    }

    /// The move itself, inside the caller's write transaction, after the caller has authorized it.
    static func move(
        _ db: Database, access: Access, strategyID: Int64, id: Int64, ifMatch: RevisionMatch, move: SectionMove, message: String?
    ) throws -> Section {
        let (current, chunkIDs) = try loadSectionForUpdate(db, strategyID: strategyID, id: id)
        try requireCurrent(current, ifMatch: ifMatch)
        let newParent: Int64? = move.parentID ?? current.parentID
        if let newParent {
            try requireLiveSection(db, strategyID: strategyID, id: newParent, field: "parent")
            if try isInSubtree(db, candidate: newParent, root: id) {
                throw DocumentModelError.invalid("parent", "a section cannot move inside itself")
            }
        }
        // Take the section out of its sibling list, then insert it at its new place.
        try shiftSiblings(db, strategyID: strategyID, parentID: current.parentID, from: current.position + 1, by: -1)
        let siblings = try siblingCount(db, strategyID: strategyID, parentID: newParent, excluding: id)
        let position = move.position ?? (newParent == current.parentID ? current.position : siblings + 1)
        guard (1...siblings + 1).contains(position) else {
            throw DocumentModelError.invalid("position", "must be between 1 and \(siblings + 1)")
        }
        try shiftSiblings(db, strategyID: strategyID, parentID: newParent, from: position, by: 1, excluding: id)
        try db.run(
            "UPDATE section SET parentId = ?, position = ? WHERE id = ?", [newParent, position, id]
        )
        if newParent == current.parentID && position == current.position { return current }
        let number = current.revision + 1
        try insertRevision(
            db, sectionID: id, number: number, heading: current.heading, body: current.body, actor: access.actor,
            message: message ?? "moved from \(current.number ?? "?")", source: .structure, known: chunkIDs
        )
        try db.run("UPDATE section SET currentRevision = ? WHERE id = ?", [number, id])
        try advanceOpenAmendments(db, sectionID: id, to: number)
        let moved = try loadSection(db, strategyID: strategyID, id: id)
        try appendActivity(
            db, strategyID: strategyID, actor: access.actor, action: .sectionMoved, subject: "section/\(id)",
            detail: ["from": current.number ?? "", "to": moved.number ?? "", "revision": String(number)]
        )
        return moved
    }

    /// Takes a section and its subsections out of the tree; their history stays readable.
    public func removeSection(strategyID: Int64, id: Int64, ifMatch: RevisionMatch?, by account: Account) async throws {
        try await write { db in
            let access = try Self.authorize(db, account: account, strategyID: strategyID, action: .editSections)
            let current = try Self.loadSection(db, strategyID: strategyID, id: id)
            guard !current.removed else { throw DocumentModelError.notFound("section") }
            if let ifMatch { try Self.requireCurrent(current, ifMatch: ifMatch) }
            let subtree = try db.values(
                Int64.self,
                """
                WITH RECURSIVE subtree(id) AS (
                    SELECT ? UNION SELECT section.id FROM section JOIN subtree ON section.parentId = subtree.id
                    WHERE section.removedAt IS NULL
                ) SELECT id FROM subtree
                """, [id]
            )
            let now = Date()
            for sectionID in subtree {
                try db.run("UPDATE section SET removedAt = ? WHERE id = ?", [now, sectionID])
            }
            try Self.shiftSiblings(db, strategyID: strategyID, parentID: current.parentID, from: current.position + 1, by: -1)
            try Self.appendActivity(
                db, strategyID: strategyID, actor: access.actor, action: .sectionRemoved, subject: "section/\(id)",
                detail: ["number": current.number ?? "", "sections": String(subtree.count)]
            )
        }
    }

    public func revisions(
        strategyID: Int64, sectionID: Int64, after: Int64?, limit: Int, for account: Account
    ) async throws -> Page<Revision> {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            _ = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            let rows = try db.rows(
                """
                SELECT revision.*, account.name AS authorName FROM revision JOIN account ON account.id = revision.authorId
                WHERE sectionId = ? AND number > ? ORDER BY number LIMIT ?
                """, [sectionID, after ?? 0, limit + 1]
            )
            let revisions = try rows.prefix(limit).map { try Self.revision(db, $0) }
            return Page(items: revisions, nextAfter: rows.count > limit ? revisions.last.map { Int64($0.number) } : nil)
        }
    }

    public func revision(strategyID: Int64, sectionID: Int64, number: Int, for account: Account) async throws -> Revision {
        try read { db in
            _ = try Self.authorize(db, account: account, strategyID: strategyID, action: .read)
            _ = try Self.loadSection(db, strategyID: strategyID, id: sectionID)
            return try Self.loadRevision(db, sectionID: sectionID, number: number)
        }
    }
}
