import GRDB

extension AppDatabase {
    /// The schema, one named migration at a time. A landed migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-backbone") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
