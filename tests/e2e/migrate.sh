#!/bin/sh
# migrate.sh — the store's migrations (src/store/migrate.c, docs/store.md):
# a store made before copy sketches (schema 4, articles without sketches)
# gets a sketch for every article when opened for writing, and the copy
# stage then finds copies of those old articles.
NAME=migrate
. "$SL_TESTS/e2e/lib.sh"
DB="$T/old.db"

cat >"$T/a.txt" <<'TXT'
Harbour board approves ferry timetable

The harbour board of Skerrow approved a new ferry timetable on Tuesday after three months of talks with island councils. Late sailings will run on Fridays and Saturdays from June, the board said in a statement. Councillor Aila Brenn said the island had waited years for evening boats. The operator will add two crew members to cover the late runs, according to the board.
TXT
cat >"$T/b.txt" <<'TXT'
Skerrow ferry timetable approved

The harbour board of Skerrow approved a new ferry timetable on Tuesday after three months of talks with island councils. Late sailings will run on Fridays and Saturdays from June, the board said in a statement. Councillor Aila Brenn said the island had waited years for evening boats. The operator will add two crew members to cover the late runs, according to the board.
TXT
cat >"$T/c.txt" <<'TXT'
Museum reopens after repairs

The maritime museum of Eskmoor reopened on Saturday after eight months of roof repairs. Visitors queued before the doors opened, and the curator said the new gallery of ship models would stay open late in summer.
TXT

sql() {
  python3 -c "import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute(sys.argv[2]).fetchall()
c.commit()
print(r[0][0] if r else '')" "$DB" "$1"
}

section "a schema-4 store without sketches"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt"
sql "DELETE FROM copy_sketches" >/dev/null
# undo migration 6 too (source hashes, line_articles): the store as schema 4 made it
sql "DROP INDEX articles_source" >/dev/null
sql "ALTER TABLE articles DROP COLUMN source_hash" >/dev/null
sql "DROP TABLE line_articles" >/dev/null
sql "CREATE TABLE line_counts(hash INTEGER PRIMARY KEY, n INTEGER NOT NULL)" >/dev/null
sql "PRAGMA user_version = 4" >/dev/null
check "the article has no sketch" [ "$(sql 'SELECT count(*) FROM copy_sketches')" = 0 ]

section "opened for writing: migrated, sketches backfilled"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Two --date 2026-05-02 "$T/c.txt"
check "schema version 6" [ "$(sql 'PRAGMA user_version')" = 6 ]
check "every article has a sketch" \
  [ "$(sql 'SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM copy_sketches)')" = 0 ]
expect_exit 0 "$STORYLINE" --db "$DB" check

section "the old article is found as an original"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Three --date 2026-05-03 "$T/b.txt"
check "the new article is a copy of the old one" \
  [ "$(sql 'SELECT count(*) FROM copies WHERE article_id = 3 AND of_id = 1')" = 1 ]

section "a read-only open changes nothing"
sql "PRAGMA user_version = 4" >/dev/null
expect_exit 0 "$STORYLINE" --db "$DB" stories
check "still schema version 4" [ "$(sql 'PRAGMA user_version')" = 4 ]

finish
