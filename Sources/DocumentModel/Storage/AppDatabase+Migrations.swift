import GRDB

extension AppDatabase {
    /// The schema, one named migration at a time. A landed migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-backbone") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        admin INTEGER NOT NULL DEFAULT 0,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE TABLE token (
                        id INTEGER PRIMARY KEY,
                        accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        hash BLOB NOT NULL UNIQUE,
                        prefix TEXT NOT NULL,
                        createdAt DATETIME NOT NULL,
                        revokedAt DATETIME
                    );
                    CREATE INDEX token_account ON token(accountId);

                    CREATE TABLE strategy (
                        id INTEGER PRIMARY KEY,
                        title TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        phase TEXT NOT NULL,
                        createdAt DATETIME NOT NULL
                    );
                    CREATE TABLE stakeholderGroup (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
                        key TEXT NOT NULL,
                        name TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        PRIMARY KEY (strategyId, key)
                    ) WITHOUT ROWID;
                    CREATE TABLE membership (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
                        accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        role TEXT NOT NULL,
                        groupKey TEXT,
                        PRIMARY KEY (strategyId, accountId),
                        FOREIGN KEY (strategyId, groupKey) REFERENCES stakeholderGroup(strategyId, key)
                    ) WITHOUT ROWID;
                    CREATE INDEX membership_account ON membership(accountId);

                    -- A body is stored as an ordered list of content-addressed chunks (sentences and line ends),
                    -- so a revision costs the chunks it changes plus a compact list of ids, not a copy of the section.
                    CREATE TABLE textChunk (
                        id INTEGER PRIMARY KEY,
                        sha256 BLOB NOT NULL UNIQUE,
                        text TEXT NOT NULL
                    );
                    CREATE TABLE section (
                        id INTEGER PRIMARY KEY,
                        strategyId INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
                        parentId INTEGER REFERENCES section(id),
                        position INTEGER NOT NULL,
                        currentRevision INTEGER NOT NULL,
                        removedAt DATETIME
                    );
                    CREATE INDEX section_strategy ON section(strategyId, parentId, position);
                    CREATE TABLE revision (
                        sectionId INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        heading TEXT NOT NULL,
                        -- The body's chunk ids, each as an unsigned LEB128 varint.
                        chunkIds BLOB NOT NULL,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        groupKey TEXT,
                        message TEXT,
                        source TEXT NOT NULL,
                        sourceRef INTEGER,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (sectionId, number)
                    ) WITHOUT ROWID;

                    CREATE TABLE activity (
                        id INTEGER PRIMARY KEY,
                        strategyId INTEGER REFERENCES strategy(id),
                        accountId INTEGER,
                        groupKey TEXT,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        -- RFC 3339 text with milliseconds: exactly the bytes that were hashed.
                        createdAt TEXT NOT NULL,
                        previousHash BLOB NOT NULL,
                        hash BLOB NOT NULL
                    );
                    CREATE INDEX activity_strategy ON activity(strategyId, id);
                    -- The log is append-only: the database itself refuses edits and deletions.
                    CREATE TRIGGER activity_no_update BEFORE UPDATE ON activity
                        BEGIN SELECT RAISE(ABORT, 'activity log is append-only'); END;
                    CREATE TRIGGER activity_no_delete BEFORE DELETE ON activity
                        BEGIN SELECT RAISE(ABORT, 'activity log is append-only'); END;
                    """)
        }
        migrator.registerMigration("v2-drafting") { db in
            try db.execute(
                sql: """
                    CREATE TABLE amendment (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
                        number INTEGER NOT NULL,
                        sectionId INTEGER NOT NULL REFERENCES section(id),
                        baseRevision INTEGER NOT NULL,
                        heading TEXT NOT NULL,
                        -- The proposed body, stored like revisions' bodies (shared chunks).
                        chunkIds BLOB NOT NULL,
                        rationale TEXT NOT NULL,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        groupKey TEXT,
                        status TEXT NOT NULL,
                        -- The section revision the amendment was last merged against, whether that merge was clean, and
                        -- the passages of that revision it changes (varint start/end pairs): collisions are read from
                        -- these without diffing again. Refreshed whenever the section gets a new revision.
                        checkedRevision INTEGER NOT NULL,
                        mergeable INTEGER NOT NULL,
                        footprint BLOB NOT NULL,
                        decidedBy INTEGER REFERENCES account(id),
                        decidedAt DATETIME,
                        reason TEXT,
                        acceptedRevision INTEGER,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (strategyId, number)
                    ) WITHOUT ROWID;
                    CREATE INDEX amendment_section ON amendment(sectionId, status);
                    CREATE TABLE amendmentSupport (
                        strategyId INTEGER NOT NULL,
                        number INTEGER NOT NULL,
                        accountId INTEGER NOT NULL REFERENCES account(id),
                        groupKey TEXT,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (strategyId, number, accountId),
                        FOREIGN KEY (strategyId, number) REFERENCES amendment(strategyId, number)
                    ) WITHOUT ROWID;

                    CREATE TABLE draft (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id),
                        number INTEGER NOT NULL,
                        title TEXT NOT NULL,
                        note TEXT,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (strategyId, number)
                    ) WITHOUT ROWID;
                    -- One row per live section at the time of the draft: where it stood and which revision it had.
                    CREATE TABLE draftSection (
                        strategyId INTEGER NOT NULL,
                        draftNumber INTEGER NOT NULL,
                        sectionId INTEGER NOT NULL REFERENCES section(id),
                        parentId INTEGER,
                        position INTEGER NOT NULL,
                        ordinal INTEGER NOT NULL,
                        outlineNumber TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        PRIMARY KEY (strategyId, draftNumber, sectionId),
                        FOREIGN KEY (strategyId, draftNumber) REFERENCES draft(strategyId, number)
                    ) WITHOUT ROWID;
                    -- Drafts are immutable: the database itself refuses changes to a cut draft.
                    CREATE TRIGGER draft_no_update BEFORE UPDATE ON draft
                        BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;
                    CREATE TRIGGER draft_no_delete BEFORE DELETE ON draft
                        BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;
                    CREATE TRIGGER draftSection_no_update BEFORE UPDATE ON draftSection
                        BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;
                    CREATE TRIGGER draftSection_no_delete BEFORE DELETE ON draftSection
                        BEGIN SELECT RAISE(ABORT, 'drafts are immutable'); END;
                    """)
        }
        migrator.registerMigration("v3-docbook") { db in
            // The `xml:id` a section was imported with, so that export → import → export gives the same bytes;
            // sections created here have none and export as `section-<id>`.
            try db.execute(
                sql: """
                    ALTER TABLE section ADD COLUMN anchor TEXT;
                    CREATE UNIQUE INDEX section_anchor ON section(strategyId, anchor) WHERE anchor IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v4-review") { db in
            try db.execute(
                sql: """
                    -- A comment quotes the passage it was written on (offsets into one revision's body, plus the quoted
                    -- text and some context), so it can be followed onto later revisions and is never lost. The
                    -- tracked* columns cache where the passage stands on `trackedRevision`, so a read maps it only
                    -- from there onwards, not from the revision it was written on.
                    CREATE TABLE comment (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id),
                        number INTEGER NOT NULL,
                        sectionId INTEGER NOT NULL REFERENCES section(id),
                        amendmentNumber INTEGER,
                        revision INTEGER,
                        anchorStart INTEGER,
                        anchorEnd INTEGER,
                        quote TEXT,
                        contextBefore TEXT,
                        contextAfter TEXT,
                        kind TEXT NOT NULL,
                        body TEXT NOT NULL,
                        suggestion TEXT,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        groupKey TEXT,
                        status TEXT NOT NULL,
                        disposition TEXT,
                        response TEXT,
                        resolvedBy INTEGER REFERENCES account(id),
                        resolvedAt DATETIME,
                        appliedRevision INTEGER,
                        trackedRevision INTEGER,
                        trackedStatus TEXT,
                        trackedStart INTEGER,
                        trackedEnd INTEGER,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (strategyId, number),
                        FOREIGN KEY (strategyId, amendmentNumber) REFERENCES amendment(strategyId, number)
                    ) WITHOUT ROWID;
                    CREATE INDEX comment_section ON comment(sectionId, number);
                    CREATE TABLE commentReply (
                        strategyId INTEGER NOT NULL,
                        commentNumber INTEGER NOT NULL,
                        id INTEGER NOT NULL,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        groupKey TEXT,
                        body TEXT NOT NULL,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (strategyId, commentNumber, id),
                        FOREIGN KEY (strategyId, commentNumber) REFERENCES comment(strategyId, number)
                    ) WITHOUT ROWID;

                    -- Sign-offs are appended, never changed: a group's current decision is its latest row.
                    CREATE TABLE draftSignoff (
                        id INTEGER PRIMARY KEY,
                        strategyId INTEGER NOT NULL,
                        draftNumber INTEGER NOT NULL,
                        groupKey TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        note TEXT,
                        accountId INTEGER NOT NULL REFERENCES account(id),
                        createdAt DATETIME NOT NULL,
                        FOREIGN KEY (strategyId, draftNumber) REFERENCES draft(strategyId, number),
                        FOREIGN KEY (strategyId, groupKey) REFERENCES stakeholderGroup(strategyId, key)
                    );
                    CREATE INDEX draftSignoff_draft ON draftSignoff(strategyId, draftNumber, groupKey, id);
                    CREATE TABLE sectionSignoff (
                        id INTEGER PRIMARY KEY,
                        strategyId INTEGER NOT NULL,
                        sectionId INTEGER NOT NULL REFERENCES section(id),
                        revision INTEGER NOT NULL,
                        groupKey TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        note TEXT,
                        accountId INTEGER NOT NULL REFERENCES account(id),
                        createdAt DATETIME NOT NULL,
                        FOREIGN KEY (strategyId, groupKey) REFERENCES stakeholderGroup(strategyId, key)
                    );
                    CREATE INDEX sectionSignoff_section ON sectionSignoff(sectionId, groupKey, id);
                    CREATE TRIGGER draftSignoff_no_update BEFORE UPDATE ON draftSignoff
                        BEGIN SELECT RAISE(ABORT, 'sign-offs are kept as history'); END;
                    CREATE TRIGGER sectionSignoff_no_update BEFORE UPDATE ON sectionSignoff
                        BEGIN SELECT RAISE(ABORT, 'sign-offs are kept as history'); END;

                    ALTER TABLE strategy ADD COLUMN adoptedDraft INTEGER;
                    """)
        }
        migrator.registerMigration("v5-batch-slots") { db in
            // The integers 0..<4096 (`ChunkBatch.batchSize`): a batch of digests travels as one blob, and joining
            // this table slices it. Counting the same rows with a recursive CTE cost twice the index lookups.
            try db.execute(
                sql: """
                    CREATE TABLE batchSlot (i INTEGER PRIMARY KEY);
                    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 4096)
                    INSERT INTO batchSlot SELECT i FROM n;
                    """)
        }
        migrator.registerMigration("v6-web") { db in
            // Sign-in for people in a browser: an optional unique email (kept lower-case, so the index is the
            // uniqueness rule), a bcrypt password hash, the reader's language and time zone. Invitations and
            // sessions are stored as SHA-256 hashes of their secrets, like tokens. An invitation without an
            // account is the first-run setup link, which creates the first admin.
            try db.execute(
                sql: """
                    ALTER TABLE account ADD COLUMN email TEXT;
                    ALTER TABLE account ADD COLUMN passwordHash TEXT;
                    ALTER TABLE account ADD COLUMN language TEXT;
                    ALTER TABLE account ADD COLUMN timeZone TEXT;
                    CREATE UNIQUE INDEX account_email ON account(email) WHERE email IS NOT NULL;

                    CREATE TABLE invitation (
                        id INTEGER PRIMARY KEY,
                        accountId INTEGER REFERENCES account(id) ON DELETE CASCADE,
                        hash BLOB NOT NULL UNIQUE,
                        createdAt DATETIME NOT NULL,
                        expiresAt DATETIME NOT NULL,
                        usedAt DATETIME
                    );
                    CREATE INDEX invitation_account ON invitation(accountId);

                    CREATE TABLE webSession (
                        hash BLOB PRIMARY KEY,
                        accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                        createdAt DATETIME NOT NULL,
                        lastSeenAt DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX webSession_account ON webSession(accountId);

                    CREATE TABLE publication (
                        strategyId INTEGER PRIMARY KEY REFERENCES strategy(id) ON DELETE CASCADE,
                        slug TEXT NOT NULL UNIQUE,
                        publishedAt DATETIME NOT NULL,
                        publishedBy INTEGER REFERENCES account(id)
                    );
                    """)
        }
        migrator.registerMigration("v7-strategy-version") { db in
            // The strategy's own entity tag: bumped by every change of its title, summary, phase or adoption, so
            // that two facilitators editing it cannot overwrite each other unseen (If-Match on PATCH).
            try db.execute(sql: "ALTER TABLE strategy ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
        }
        migrator.registerMigration("v8-invitation-voided") { db in
            // Only an account's newest link works, and none once its person has a password: earlier links are
            // voided rather than deleted, so a person who opens one is told it was replaced.
            try db.execute(
                sql: """
                    ALTER TABLE invitation ADD COLUMN voidedAt DATETIME;
                    UPDATE invitation SET voidedAt = CURRENT_TIMESTAMP
                        WHERE usedAt IS NULL AND accountId IN (SELECT id FROM account WHERE passwordHash IS NOT NULL);
                    UPDATE invitation SET voidedAt = CURRENT_TIMESTAMP
                        WHERE usedAt IS NULL AND id NOT IN (SELECT max(id) FROM invitation GROUP BY accountId);
                    """)
        }
        migrator.registerMigration("v9-people") { db in
            // An account can be deactivated (it keeps its history; it can no longer sign in or call), its last
            // sign-in is shown to admins, and a token has a name its person gave it and a time it was last used.
            try db.execute(
                sql: """
                    ALTER TABLE account ADD COLUMN deactivatedAt DATETIME;
                    ALTER TABLE account ADD COLUMN lastSignInAt DATETIME;
                    ALTER TABLE token ADD COLUMN name TEXT;
                    ALTER TABLE token ADD COLUMN lastUsedAt DATETIME;
                    """)
        }
        migrator.registerMigration("v10-translations") { db in
            // A strategy is drafted in one language and translated into others. A translation is kept per section
            // and language as revisions of units aligned to the source's blocks; `unitLayout` remembers which unit
            // each block of a source revision is, carried forward through the diff engine; `translationProgress`
            // caches each section's counts for the revision it was computed on.
            try db.execute(
                sql: """
                    ALTER TABLE strategy ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
                    ALTER TABLE strategy ADD COLUMN translations TEXT NOT NULL DEFAULT '';
                    ALTER TABLE strategy ADD COLUMN requireTranslations INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE membership ADD COLUMN languages TEXT NOT NULL DEFAULT '';
                    CREATE TABLE unitLayout (
                        sectionId INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
                        revision INTEGER NOT NULL,
                        units TEXT NOT NULL,
                        nextUnit INTEGER NOT NULL,
                        PRIMARY KEY (sectionId, revision)
                    ) WITHOUT ROWID;
                    CREATE TABLE translation (
                        sectionId INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
                        language TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        sourceRevision INTEGER NOT NULL,
                        authorId INTEGER NOT NULL REFERENCES account(id),
                        origin TEXT NOT NULL,
                        createdAt DATETIME NOT NULL,
                        PRIMARY KEY (sectionId, language, number)
                    ) WITHOUT ROWID;
                    -- Only the units a revision changed: a unit's text in revision N is its row with the largest
                    -- fromNumber <= N.
                    CREATE TABLE translationUnit (
                        sectionId INTEGER NOT NULL,
                        language TEXT NOT NULL,
                        unitId TEXT NOT NULL,
                        fromNumber INTEGER NOT NULL,
                        sourceRevision INTEGER NOT NULL,
                        sourceText TEXT NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (sectionId, language, unitId, fromNumber),
                        FOREIGN KEY (sectionId, language, fromNumber) REFERENCES translation(sectionId, language, number)
                            ON DELETE CASCADE
                    ) WITHOUT ROWID;
                    CREATE TABLE translationProgress (
                        sectionId INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
                        language TEXT NOT NULL,
                        sourceRevision INTEGER NOT NULL,
                        translationNumber INTEGER NOT NULL,
                        current INTEGER NOT NULL,
                        outdated INTEGER NOT NULL,
                        missing INTEGER NOT NULL,
                        PRIMARY KEY (sectionId, language)
                    ) WITHOUT ROWID;
                    -- A draft freezes every language: the translation revision of each section it had.
                    CREATE TABLE draftTranslation (
                        strategyId INTEGER NOT NULL,
                        draftNumber INTEGER NOT NULL,
                        sectionId INTEGER NOT NULL,
                        language TEXT NOT NULL,
                        number INTEGER NOT NULL,
                        PRIMARY KEY (strategyId, draftNumber, sectionId, language),
                        FOREIGN KEY (strategyId, draftNumber) REFERENCES draft(strategyId, number)
                    ) WITHOUT ROWID;
                    -- Exact-match translation memory across a strategy: the latest translation of each source text.
                    CREATE TABLE translationMemory (
                        strategyId INTEGER NOT NULL REFERENCES strategy(id) ON DELETE CASCADE,
                        language TEXT NOT NULL,
                        sourceHash BLOB NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (strategyId, language, sourceHash)
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }
}
