#!/usr/bin/env bash
# The raw SQLite commit rate with the service's pragmas (WAL, synchronous=FULL): N single-row transactions of
# about the size of a section edit, one after another, in the sqlite3 shell. Prints commits per second.
# Usage: raw_commit.sh DIRECTORY [N]
set -euo pipefail
DIR=$1
N=${2:-2000}
DB="$DIR/raw-commit.sqlite"
rm -f "$DB" "$DB-wal" "$DB-shm"
PAYLOAD=$(printf 'x%.0s' $(seq 1 1200))
{
    echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
    echo "CREATE TABLE edit (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"
    for i in $(seq 1 "$N"); do echo "BEGIN IMMEDIATE; INSERT INTO edit (body) VALUES ('$i $PAYLOAD'); COMMIT;"; done
} > "$DIR/raw-commit.sql"
START=$(date +%s.%N)
sqlite3 "$DB" < "$DIR/raw-commit.sql" > /dev/null
END=$(date +%s.%N)
python3 -c "print(round($N / ($END - $START), 1))"
