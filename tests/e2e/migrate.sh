#!/bin/sh
# migrate.sh — the store's migrations (src/store/migrate.c, docs/store.md):
# a store made before copy sketches (schema 4, articles without sketches)
# gets a sketch for every article when opened for writing, and the copy
# stage then finds copies of those old articles; a store with a row per
# fact (schema 6) gets them packed one row per article (migration 7), and
# reads back the same items, and each article lists its short lines in its
# row (line_articles loses its index by article); and every old store gets
# the index of stories by last day and the copy index on disk (migration 8),
# the grouper's index of stories by term (migration 9) and each article's
# vector moved from its row to article_terms (migration 10), and its copy
# sketch's sentence lists packed (migration 11); stories_split.sh checks
# migration 12; every centroid at 12 bytes a term and every article's
# sentences as varints (migration 13); new short lines' pairs in a table
# of recent pairs, the old ones read where they are (migration 14); the
# size each story was last revisited at, 0 for the stories stored before
# (migration 15); the facts' whole values as varints and common words by
# their place in a list, read back the same (migration 16); the articles'
# vectors by their terms' ids in a dictionary of terms, read back the
# same (migration 17); story_terms by ids, copy keys and lists of lines
# shorter (migration 18); the centroids by their terms' ids and the copy
# sketches' keys by their ranks, read back the same (migration 19); the
# copy keys' number of keys in their article column (migration 20); the
# copy sketches' codes sorted and Rice-coded, keys ranked in that order,
# as a fresh store's (migration 21); the search index's automerge at 8
# (migration 22); the chrome lines' reasons of a list as one byte, read
# back the same (migration 23); the term counts WITHOUT ROWID, the same rows
# (migration 24); the centroids by their terms again (migration 25);
# story_terms' rows with their weights and the stories' norms (migration
# 26); the facts' items with a head each, read back the same (migration 27).
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

# undo migration 10: the vectors back in the articles' rows
unmove_vectors() {
  sql "ALTER TABLE articles ADD COLUMN terms BLOB" >/dev/null
  sql "UPDATE articles SET terms = (SELECT terms FROM article_terms t WHERE t.article_id = articles.id)" >/dev/null
  sql "DROP TABLE article_terms" >/dev/null
}

# undo migration 11: each sketch's sentence lists back to 4 bytes a number
# ([n_sentences][n_terms][starts][terms], u32 little-endian)
unpack_sketches() {
  python3 -c "import sqlite3, struct, sys
sys.path.insert(0, sys.argv[2])
from store_forms import varint
c = sqlite3.connect(sys.argv[1])
for aid, b in c.execute('SELECT article_id, sentences FROM copy_sketches').fetchall():
    n, i = varint(b, 0)
    nt, i = varint(b, i)
    starts, at, terms, first = [], 0, [], []
    for _ in range(n):
        starts.append(at)
        k, i = varint(b, i)
        at += k
    for _ in range(nt):
        x, i = varint(b, i)
        if x:
            terms.append(terms[first[x - 1]])
        else:
            first.append(len(terms))
            terms.append(struct.unpack_from('<I', b, i)[0])
            i += 4
    old = struct.pack('<%dI' % (2 + n + nt), n, nt, *starts, *terms)
    c.execute('UPDATE copy_sketches SET sentences = ? WHERE article_id = ?', (old, aid))
c.commit()" "$DB" "$SL_TESTS"
}

# undo migration 15: no size a story was last revisited at
unrevisit() {
  sql "ALTER TABLE stories DROP COLUMN revisited" >/dev/null
}

# ferry_store: DB holds the two ferry reports (the second a day later,
# when their shared terms get ids) and the museum report
ferry_store() {
  expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt" "$T/c.txt"
  expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Two --date 2026-05-02 "$T/b.txt"
}

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
OLD_FACTS="CREATE TABLE facts(article_id INTEGER NOT NULL, n INTEGER NOT NULL, kind INTEGER NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL, sent_start INTEGER, sent_end INTEGER,
  src_start INTEGER, src_end INTEGER, value REAL, value_hi REAL, approx TEXT,
  text TEXT, about TEXT, detail TEXT, role TEXT, PRIMARY KEY(article_id, n)) WITHOUT ROWID"
sql "DROP TABLE facts" >/dev/null
sql "$OLD_FACTS" >/dev/null
sql "ALTER TABLE articles DROP COLUMN lines" >/dev/null
sql "DROP INDEX stories_recent" >/dev/null
sql "DROP TABLE copy_keys" >/dev/null
sql "DROP TABLE story_terms" >/dev/null
unmove_vectors
forms_before_13 "$DB"
unrevisit
sql "DELETE FROM article_fts_config WHERE k = 'automerge'" >/dev/null
sql "PRAGMA user_version = 4" >/dev/null
check "the article has no sketch" [ "$(sql 'SELECT count(*) FROM copy_sketches')" = 0 ]

section "opened for writing: migrated, sketches backfilled"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Two --date 2026-05-02 "$T/c.txt"
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the search index merges at 8 segments (migration 22)" \
  [ "$(sql "SELECT v FROM article_fts_config WHERE k = 'automerge'")" = 8 ]
check "every article has a sketch" \
  [ "$(sql 'SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM copy_sketches)')" = 0 ]
# migration 8 files each sketch's keys in copy_keys, where the copy stage reads them
check "every sketch's keys are in the copy index on disk" \
  [ "$(python3 "$SL_TESTS/store_forms.py" sketch_keys "$DB")" = \
    "$(sql 'SELECT (SELECT count(*) FROM copy_keys) + (SELECT count(*) FROM copy_keys_recent)')" ]
# migration 9 files each story under its centroid's terms, where the grouper reads them
check "every centroid's terms are in the story index on disk" \
  [ "$(python3 "$SL_TESTS/store_forms.py" centroid_terms "$DB")" = "$(sql 'SELECT count(*) FROM story_terms')" ]
expect_exit 0 "$STORYLINE" --db "$DB" check

section "the old article is found as an original"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Three --date 2026-05-03 "$T/b.txt"
check "the new article is a copy of the old one" \
  [ "$(sql 'SELECT count(*) FROM copies WHERE article_id = 3 AND of_id = 1')" = 1 ]

section "a read-only open changes nothing"
sql "PRAGMA user_version = 4" >/dev/null
expect_exit 0 "$STORYLINE" --db "$DB" stories
check "still schema version 4" [ "$(sql 'PRAGMA user_version')" = 4 ]

section "a schema-6 store with a row per fact: packed, the same items read back"
DB="$T/rows.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt"
sql "DROP TABLE facts" >/dev/null
sql "$OLD_FACTS" >/dev/null
# An entity whose words are the text at its span (stored without them once
# packed), a number with values and a unit, a quote whose words are not the
# text at its span, and an item with no strings at all.
at=$(sql "SELECT instr(text, 'Aila Brenn') - 1 FROM articles WHERE id = 1")
sql "INSERT INTO facts VALUES
  (1, 0, 0, $at, $at + 10, 0, 40, 0, 0, 0, 0, '=', 'Aila Brenn', 'Aila Brenn', 'person', 'Councillor'),
  (1, 1, 2, 20, 32, 0, 40, 0, 0, 3, 4.5, '~', 'three months', 'talks', 'months', NULL),
  (1, 2, 1, 50, 60, 41, 90, $at, $at + 10, 0, 0, '=', 'waited years', 'Aila Brenn', 'said', ''),
  (1, 3, 3, 5, 9, 0, 40, 0, 0, 0, 0, '=', NULL, NULL, NULL, NULL)" >/dev/null
# schema 6 kept an article's lines in an index of line_articles, not in its row
sql "ALTER TABLE articles DROP COLUMN lines" >/dev/null
sql "CREATE INDEX line_articles_article ON line_articles(article_id)" >/dev/null
PAIRS="(SELECT * FROM line_articles UNION ALL SELECT * FROM line_articles_recent)"
pairs_before=$(sql "SELECT count(*) FROM $PAIRS WHERE article_id = 1")
sql "DROP INDEX stories_recent" >/dev/null
sql "DROP TABLE copy_keys" >/dev/null
sql "DROP TABLE story_terms" >/dev/null
vector_before=$(sql 'SELECT hex(terms) FROM article_terms WHERE article_id = 1')
sketch_before=$(sql 'SELECT hex(sentences) FROM copy_sketches WHERE article_id = 1')
centroid_before=$(sql 'SELECT hex(centroid) FROM stories WHERE id = 1')
spans_before=$(sql 'SELECT hex(sentences) FROM articles WHERE id = 1')
unmove_vectors
forms_before_13 "$DB"
unpack_sketches
sketch_old=$(sql 'SELECT hex(sentences) FROM copy_sketches WHERE article_id = 1')
centroid_old=$(sql 'SELECT length(centroid) FROM stories WHERE id = 1')
spans_old=$(sql 'SELECT length(sentences) FROM articles WHERE id = 1')
unrevisit
sql "PRAGMA user_version = 6" >/dev/null
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Two --date 2026-05-02 "$T/c.txt"
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "its centroid was 16 bytes a term before" [ "$centroid_old" -eq $((${#centroid_before} / 24 * 16)) ]
check "its centroid is packed as a new one is (migration 13)" \
  [ "$(sql 'SELECT hex(centroid) FROM stories WHERE id = 1')" = "$centroid_before" ]
check "its sentences were 8 bytes each before" [ "$spans_old" -gt $((${#spans_before} / 2)) ]
check "its sentences are packed as a new article's are (migration 13)" \
  [ "$(sql 'SELECT hex(sentences) FROM articles WHERE id = 1')" = "$spans_before" ]
check "stories are indexed by last day (migration 8)" \
  [ "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'stories_recent'")" = 1 ]
check "the rows table is gone" [ "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'facts_rows'")" = 0 ]
check "one packed row for the old article" [ "$(sql 'SELECT count(*) FROM facts WHERE article_id = 1')" = 1 ]
check "the old article has short lines" [ "$pairs_before" -gt 0 ]
check "its row lists each of them" \
  [ "$(sql 'SELECT length(lines) / 2 FROM articles WHERE id = 1')" = "$pairs_before" ]
check "its pairs are kept" [ "$(sql "SELECT count(*) FROM $PAIRS WHERE article_id = 1")" = "$pairs_before" ]
check "the index by article is gone" \
  [ "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'line_articles_article'")" = 0 ]
check "the old article has a vector" [ -n "$vector_before" ]
check "its vector is moved whole (migration 10)" \
  [ "$(sql 'SELECT hex(terms) FROM article_terms WHERE article_id = 1')" = "$vector_before" ]
check "the articles' rows hold no vector" \
  [ "$(sql "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'terms'")" = 0 ]
check "its sketch was 4 bytes a number before" [ "${#sketch_old}" -gt "${#sketch_before}" ]
check "its sketch is packed as a new one is (migration 11)" \
  [ "$(sql 'SELECT hex(sentences) FROM copy_sketches WHERE article_id = 1')" = "$sketch_before" ]
# 'Aila Brenn' is not written: the entity's words and name are the text
# at its span, the quote's speaker a span of the text (schema 27).
check "words found in the text are not stored" python3 -c '
import sqlite3, sys
blob = sqlite3.connect(sys.argv[1]).execute("SELECT items FROM facts WHERE article_id = 1").fetchone()[0]
sys.exit(0 if blob.count(b"Aila Brenn") == 0 else "%r" % blob)' "$DB"
expect_exit 0 "$STORYLINE" --db "$DB" check
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "the four items read back as written" python3 -c '
import json, sys
at = int(sys.argv[2])
doc = json.load(open(sys.argv[1]))
items = [it for k in ("entities", "numbers", "quotes", "dates") for it in doc[k] if it["article"] == 1]
got = sorted((it["kind"], it["span"][0], it["span"][1], it.get("text"), it.get("name"), it.get("speaker"),
              it.get("value"), it.get("value_hi"), it.get("approx"), it.get("unit"), it.get("role"),
              it.get("cue"), it.get("counts"), it.get("speaker_span")) for it in items)
want = sorted([
  ("entity", at, at + 10, "Aila Brenn", "Aila Brenn", None, None, None, None, None, "Councillor", None, None, None),
  ("number", 20, 32, "three months", None, None, 3, 4.5, "~", "months", None, None, "talks", None),
  ("quote", 50, 60, "waited years", None, "Aila Brenn", None, None, None, None, "", "said", None, [at, at + 10]),
  ("date", 5, 9, None, None, None, None, None, None, None, None, None, None, None)])
sys.exit(0 if got == want else "got %r" % (got,))' "$OUT" "$at"

section "a schema-12 store: centroids, sentences, facts and lines packed as a fresh store's"
DB="$T/twelve.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt" "$T/c.txt"
forms="SELECT group_concat(x, ' ') FROM (SELECT hex(centroid) x FROM stories
  UNION ALL SELECT hex(sentences) FROM articles UNION ALL SELECT hex(items) FROM facts
  UNION ALL SELECT hex(lines) FROM articles)"
# forms_back DB: $forms with DB's centroids at 12 bytes a term (migration
# 19 names by id the terms a fresh store named by hash when it wrote them)
forms_back() {
  cp "$1" "$T/back12.db"
  forms_before_19 "$T/back12.db"
  DB="$T/back12.db" sql "$forms"
}
fresh=$(forms_back "$DB")
expect_exit 0 "$STORYLINE" --db "$DB" export --json
cp "$OUT" "$T/fresh.json"
forms_before_13 "$DB"
unrevisit
sql "PRAGMA user_version = 12" >/dev/null
faked=$(sql "$forms")
check "the faked store holds other bytes" [ -n "$faked" -a "$faked" != "$fresh" ]
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "its centroids, sentences, facts and lines are a fresh store's, byte for byte" \
  [ "$(forms_back "$DB")" = "$fresh" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json is the same" cmp -s "$OUT" "$T/fresh.json"

section "a schema-13 store: its pairs stay in line_articles, new ones go to the recent table"
DB="$T/thirteen.db"
for i in 1 2 3; do
  printf 'Notice %s\n\nSign up for the Skerrow daily letter\n\nIn Skerrow on day %s the harbour board met again, officials said, in a long report about the island.\n' \
    "$i" "$i" >"$T/n$i.txt"
done
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/n1.txt" "$T/n2.txt" "$T/n3.txt"
pairs_before=$(sql "SELECT count(*) FROM $PAIRS")
forms_before_14 "$DB"
unrevisit
sql "PRAGMA user_version = 13" >/dev/null
check "the faked store has no recent table" \
  [ "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'line_articles_recent'")" = 0 ]
check "its pairs are all in line_articles" [ "$(sql 'SELECT count(*) FROM line_articles')" = "$pairs_before" ]
large="SELECT (SELECT count(*) FROM copy_keys) || ' ' || (SELECT count(*) || ' ' || sum(df) FROM terms)"
large_before=$(sql "$large")
cat >"$T/n4.txt" <<'TXT'
Notice 4

Sign up for the Skerrow daily letter

In Skerrow on day 4 the museum reopened after its repairs, the curator said, with a new gallery of boats.
TXT
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/n4.txt"
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the old pairs stay in line_articles" [ "$(sql 'SELECT count(*) FROM line_articles')" = "$pairs_before" ]
check "the new article's pairs are recent" \
  [ "$(sql 'SELECT count(*) FROM line_articles_recent WHERE article_id = 4')" -gt 0 ]
check "the old copy keys and term counts stay where they are" \
  [ "$(sql "$large")" = "$large_before" ]
check "the new article's keys and counts are recent" \
  [ "$(sql 'SELECT (SELECT count(*) FROM copy_keys_recent WHERE article_id >> 5 = 4) > 0
                AND (SELECT count(*) FROM terms_recent) > 0')" = 1 ]
check "the line the three old articles carry is chrome in the new one" \
  [ "$(sql "SELECT count(*) FROM removed_lines WHERE article_id = 4 AND text LIKE 'Sign up%'")" = 1 ]
expect_exit 0 "$STORYLINE" --db "$DB" check

section "a schema-14 store: its stories get the size they were last revisited at, 0"
DB="$T/fourteen.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/a.txt" "$T/c.txt"
sql "ALTER TABLE stories DROP COLUMN revisited" >/dev/null
forms_before_16 "$DB"
sql "PRAGMA user_version = 14" >/dev/null
check "the faked store has no revisited column" \
  [ "$(sql "SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'revisited'")" = 0 ]
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/b.txt"
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "every story was never revisited" [ "$(sql 'SELECT count(*) FROM stories WHERE revisited <> 0')" = 0 ]
check "...and the ferry reports are one story" \
  [ "$(sql 'SELECT count(DISTINCT story_id) FROM articles WHERE id IN (1, 3)')" = 1 ]
expect_exit 0 "$STORYLINE" --db "$DB" check

section "a schema-15 store: its facts packed as a fresh store's, read back the same"
DB="$T/fifteen.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt" "$T/c.txt"
facts="SELECT group_concat(hex(items), ' ') FROM facts"
fresh=$(sql "$facts")
expect_exit 0 "$STORYLINE" --db "$DB" export --json
cp "$OUT" "$T/fresh15.json"
forms_before_16 "$DB"
sql "PRAGMA user_version = 15" >/dev/null
check "the faked store's facts are longer" \
  [ "$(sql 'SELECT sum(length(items)) FROM facts')" -gt "$(printf '%s' "$fresh" | tr -d ' ' | wc -c | awk '{print $1 / 2}')" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "read before the migration, export --json is the same" cmp -s "$OUT" "$T/fresh15.json"
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "its facts are a fresh store's, byte for byte" [ "$(sql "$facts")" = "$fresh" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json is the same" cmp -s "$OUT" "$T/fresh15.json"

section "a schema-16 store: its vectors by the ids of a dictionary of terms, read back the same"
DB="$T/sixteen.db"
ferry_store
vectors="SELECT group_concat(hex(terms), ' ') FROM (SELECT terms FROM article_terms ORDER BY article_id)"
check "the second ferry report's terms have ids" [ "$(sql 'SELECT count(*) FROM term_dict')" -gt 10 ]
# per vector: its terms, and how many are stored as themselves
inline_terms() {
  python3 -c "import sqlite3, sys
sys.path.insert(0, sys.argv[2])
from store_forms import varint
for (b,) in sqlite3.connect(sys.argv[1]).execute('SELECT terms FROM article_terms ORDER BY article_id'):
    day, i = varint(b, 2)
    print(b[0], varint(b, i)[0])" "$DB" "$SL_TESTS" | tr '\n' ' '
}
set -- $(inline_terms)
check "the museum report's terms, mostly words the first report lacks, are mostly stored as themselves" \
  [ "$4" -gt $(($3 / 2)) -a "$4" -lt "$3" ]
check "the first ferry report's too (no article before it had them)" [ "$2" = "$1" ]
check "the second ferry report's are mostly ids" [ "$6" -lt $(($5 / 2)) ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
cp "$OUT" "$T/fresh16.json"
forms_before_17 "$DB"
old=$(sql "$vectors")
sql "PRAGMA user_version = 16" >/dev/null
check "the faked store has no dictionary" \
  [ "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'term_dict'")" = 0 ]
check "its vectors are the split's form, 10 bytes a term" python3 -c "import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute('SELECT terms FROM article_terms').fetchall()
sys.exit(0 if rows and all(len(b) == 10 + 10 * b[9] for (b,) in rows) else 1)" "$DB"
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "read before the migration, export --json is the same" cmp -s "$OUT" "$T/fresh16.json"
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the dictionary has no index by term" \
  [ "$(sql "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'term_dict' AND type = 'index'")" = 0 ]
check "each dictionary term's id is in its row of terms" [ "$(sql 'SELECT count(*) FROM term_dict d
  WHERE d.id IS NOT (SELECT max(dict_id) FROM (SELECT dict_id FROM terms WHERE id = d.term
  UNION ALL SELECT dict_id FROM terms_recent WHERE id = d.term))')" = 0 ]
check "its vectors are shorter" [ "$(sql "$vectors" | wc -c)" -lt "$(printf '%s' "$old" | wc -c)" ]
cp "$DB" "$T/back.db"
forms_before_17 "$T/back.db"
check "they read back as the split's bytes, byte for byte" [ "$(DB="$T/back.db" sql "$vectors")" = "$old" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json is the same" cmp -s "$OUT" "$T/fresh16.json"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Three --date 2026-05-03 "$T/n1.txt"
expect_exit 0 "$STORYLINE" --db "$DB" check

# A copy of $DB with one more article ($T/n2.txt): its export kept as
# $T/freshN.json, for one_more_as_kept N once $DB is faked old and migrated.
one_more_kept() {
  cp "$DB" "$T/fresh$1.db"
  expect_exit 0 "$STORYLINE" --db "$T/fresh$1.db" --quiet ingest --source Three --date 2026-05-03 "$T/n2.txt"
  expect_exit 0 "$STORYLINE" --db "$T/fresh$1.db" export --json
  cp "$OUT" "$T/fresh$1.json"
}

# $DB's export kept as $T/NAME.json.
export_kept() {
  expect_exit 0 "$STORYLINE" --db "$DB" export --json
  cp "$OUT" "$T/$1.json"
}

# The migrated $DB takes the same article: its export is the one
# one_more_kept N kept, and the store checks whole.
one_more_as_kept() {
  expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Three --date 2026-05-03 "$T/n2.txt"
  expect_exit 0 "$STORYLINE" --db "$DB" export --json
  check "one more article: export --json is that of the store it was faked from" cmp -s "$OUT" "$T/fresh$1.json"
  expect_exit 0 "$STORYLINE" --db "$DB" check
}

# The faked-old $DB (schema N) reads as before, migrates to the current
# version, and its WHAT (the rows of QUERY) are FRESH, the fresh store's:
# migrated_as_fresh N WHAT QUERY FRESH.
migrated_as_fresh() {
  expect_exit 0 "$STORYLINE" --db "$DB" export --json
  check "read before the migration, export --json is the same" cmp -s "$OUT" "$T/before$1.json"
  expect_exit 0 "$STORYLINE" --db "$DB" check
  check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
  check "its $2 are the fresh store's, byte for byte" [ "$(sql "$3")" = "$4" ]
  expect_exit 0 "$STORYLINE" --db "$DB" export --json
  check "export --json is the same" cmp -s "$OUT" "$T/before$1.json"
  one_more_as_kept "$1"
}

section "a schema-17 store: story_terms by the terms' ids, read and grouped the same"
DB="$T/seventeen.db"
ferry_store
rows="SELECT group_concat(term || ':' || story, ' ') FROM (SELECT term, story FROM story_terms ORDER BY term, story)"
by_id="SELECT count(*) FROM story_terms WHERE term BETWEEN 0 AND 4294967295"
keys="SELECT group_concat(key || ':' || article_id, ' ') FROM (SELECT key, article_id FROM copy_keys
  UNION ALL SELECT key, article_id FROM copy_keys_recent ORDER BY 1, 2)"
fresh_keys=$(sql "$keys")
lines="SELECT group_concat(hex(lines), ' ') FROM (SELECT lines FROM articles ORDER BY id)"
fresh_lines=$(sql "$lines")
check "the articles list their lines by 2 bytes a line" \
  [ "$(sql 'SELECT sum(length(lines) % 2) FROM articles')" = 0 -a -n "$fresh_lines" ]
check "a fresh store's copy keys are 28 bits" [ "$(sql 'SELECT count(*) FROM copy_keys_recent WHERE key >= 268435456')" = 0 ]
one_more_kept 17
forms_before_18 "$DB"
sql "PRAGMA user_version = 17" >/dev/null
old=$(sql "$rows")
check "the faked store keys no row by id" [ "$(sql "$by_id")" = 0 ]
check "... and lists 4 bytes a line" [ "$(sql "$lines" | wc -c)" -gt "$(printf '%s' "$fresh_lines" | wc -c)" ]
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the terms the dictionary has are keyed by id" [ "$(sql "$by_id")" -gt 0 ]
check "its copy keys are the fresh store's" [ "$(sql "$keys")" = "$fresh_keys" ]
check "its lists of lines too" [ "$(sql "$lines")" = "$fresh_lines" ]
check "the rows are as many" [ "$(sql 'SELECT count(*) FROM story_terms')" = "$(printf '%s' "$old" | wc -w)" ]
cp "$DB" "$T/back17.db"
forms_before_18 "$T/back17.db"
check "they read back as the old rows, byte for byte" [ "$(DB="$T/back17.db" sql "$rows")" = "$old" ]
one_more_as_kept 17

section "a schema-18 store: centroids by their terms' ids and sketch keys by rank, read and grouped the same"
DB="$T/eighteen.db"
ferry_store
centroids="SELECT group_concat(hex(centroid), ' ') FROM (SELECT centroid FROM stories ORDER BY id)"
sketch_keys="SELECT group_concat(hex(keys), ' ') FROM (SELECT keys FROM copy_sketches ORDER BY article_id)"
fresh_keys=$(sql "$sketch_keys")
one_more_kept 18
export_kept before18
forms_before_19 "$DB"
sql "PRAGMA user_version = 18" >/dev/null
old=$(sql "$centroids")
check "the faked store's sketch keys are 4 bytes each" \
  [ "$(sql 'SELECT sum(length(keys) % 4) FROM copy_sketches')" = 0 -a "$(sql "$sketch_keys")" != "$fresh_keys" ]
check "the faked store's centroids are 12 bytes a term" python3 -c "import sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute('SELECT centroid FROM stories WHERE length(centroid) > 0').fetchall()
sys.exit(0 if rows and all(len(b) % 12 == 0 for (b,) in rows) else 1)" "$DB"
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "read before the migration, export --json is the same" cmp -s "$OUT" "$T/before18.json"
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "its centroids are the old ones, byte for byte (by ids at 19, by terms again at 25)" \
  [ "$(sql "$centroids")" = "$old" ]
cp "$DB" "$T/back18.db"
forms_before_19 "$T/back18.db"
check "they read back as the old centroids, byte for byte" [ "$(DB="$T/back18.db" sql "$centroids")" = "$old" ]
check "its sketch keys are the fresh store's, by their ranks" [ "$(sql "$sketch_keys")" = "$fresh_keys" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json is the same" cmp -s "$OUT" "$T/before18.json"
one_more_as_kept 18

section "a schema-19 store: each copy key's number of keys moves into its article column"
DB="$T/nineteen.db"
ferry_store
keys="SELECT group_concat(key || ':' || article_id, ' ') FROM (SELECT * FROM copy_keys UNION ALL SELECT * FROM copy_keys_recent ORDER BY 1, 2)"
fresh_keys=$(sql "$keys")
one_more_kept 19
export_kept before19
forms_before_20 "$DB"
sql "PRAGMA user_version = 19" >/dev/null
check "the faked store's copy keys hold their number of keys in a column" \
  [ "$(sql 'SELECT count(*) FROM copy_keys_recent WHERE n BETWEEN 1 AND 16')" -gt 0 ]
migrated_as_fresh 19 "copy keys" "$keys" "$fresh_keys"

section "a schema-20 store: its copy sketches' codes sorted, as a fresh store's"
DB="$T/twenty.db"
ferry_store
sketches="SELECT group_concat(hex(keys) || ':' || hex(sentences), ' ') FROM (SELECT * FROM copy_sketches ORDER BY article_id)"
fresh_sketches=$(sql "$sketches")
one_more_kept 20
export_kept before20
forms_before_21 "$DB"
sql "PRAGMA user_version = 20" >/dev/null
check "the faked store's sketches are in the older form" [ "$(sql "$sketches")" != "$fresh_sketches" ]
migrated_as_fresh 20 "sketches" "$sketches" "$fresh_sketches"

section "a schema-22 store: its chrome lines' reasons as one byte, read the same"
DB="$T/twentytwo.db"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/n1.txt" "$T/n2.txt" "$T/n3.txt" "$T/n4.txt"
reasons="SELECT group_concat(article_id || ':' || line_no || ':' || typeof(reason) || ':' || hex(reason), ' ')
  FROM (SELECT * FROM removed_lines ORDER BY article_id, line_no)"
fresh_reasons=$(sql "$reasons")
check "a fresh store holds a line repeated in other articles by one byte" \
  [ "$(sql "SELECT count(*) FROM removed_lines WHERE text LIKE 'Sign up%' AND reason = x'00'")" = 1 ]
check "... and no reason as its words" [ "$(sql "SELECT count(*) FROM removed_lines WHERE typeof(reason) = 'text'")" = 0 ]
one_more_kept 22
export_kept before22
forms_before_23 "$DB"
sql "PRAGMA user_version = 22" >/dev/null
check "the faked store holds its reasons as their words" \
  [ "$(sql "SELECT count(*) FROM removed_lines WHERE reason = 'repeated in other articles'")" = 1 ]
check "export --json names the reason" grep -q '"repeated in other articles"' "$T/before22.json"
migrated_as_fresh 22 "reasons" "$reasons" "$fresh_reasons"

section "a schema-23 store: its term counts WITHOUT ROWID, the same rows, read the same"
DB="$T/twentythree.db"
ferry_store
counts="SELECT group_concat(id || ':' || df || ':' || ifnull(dict_id, '-'), ' ')
  FROM (SELECT * FROM terms UNION ALL SELECT 0, 0, 0 UNION ALL SELECT * FROM terms_recent)"
layout="SELECT group_concat(name || ':' || (sql LIKE '%WITHOUT ROWID'), ' ') FROM sqlite_master
  WHERE name IN ('terms', 'terms_recent')"
fresh_counts=$(sql "$counts")
check "a fresh store's term counts are WITHOUT ROWID" [ "$(sql "$layout")" = "terms:1 terms_recent:1" ]
check "... and it holds counts" [ "$(sql 'SELECT count(*) FROM terms_recent')" -gt 0 ]
one_more_kept 23
export_kept before23
forms_before_24 "$DB"
sql "PRAGMA user_version = 23" >/dev/null
check "the faked store's term counts are keyed by rowid" [ "$(sql "$layout")" = "terms:0 terms_recent:0" ]
migrated_as_fresh 23 "term counts" "$counts" "$fresh_counts"
check "its term counts are WITHOUT ROWID" [ "$(sql "$layout")" = "terms:1 terms_recent:1" ]

section "a schema-24 store: its centroids by their terms again, not their ids, read the same"
DB="$T/twentyfour.db"
ferry_store
centroids="SELECT group_concat(id || ':' || hex(centroid), ' ') FROM (SELECT * FROM stories ORDER BY id)"
fresh_centroids=$(sql "$centroids")
check "a fresh store's centroids are 12 bytes a term" \
  [ "$(sql 'SELECT count(*) FROM stories WHERE length(centroid) > 0 AND length(centroid) % 12 = 0')" -gt 0 \
    -a "$(sql 'SELECT count(*) FROM stories WHERE length(centroid) % 12 <> 0')" = 0 ]
one_more_kept 24
export_kept before24
forms_before_25 "$DB"
sql "PRAGMA user_version = 24" >/dev/null
check "the faked store's centroids name terms by their ids" \
  [ "$(sql "$centroids")" != "$fresh_centroids" -a "$(sql 'SELECT count(*) FROM term_dict')" -gt 0 ]
migrated_as_fresh 24 "centroids" "$centroids" "$fresh_centroids"

section "a schema-25 store: story_terms' rows weighed as the centroids weigh, every story's norm"
DB="$T/twentyfive.db"
ferry_store
weighed="SELECT (SELECT group_concat(term || ':' || story || ':' || weight, ' ')
  FROM (SELECT * FROM story_terms ORDER BY term, story)) || ' norms ' ||
  (SELECT group_concat(story || ':' || norm, ' ') FROM (SELECT * FROM story_norms ORDER BY story))"
fresh_weighed=$(sql "$weighed")
check "a fresh store's rows hold weights" \
  [ "$(sql 'SELECT count(*) FROM story_terms WHERE weight > 0')" -gt 0 \
    -a "$(sql 'SELECT count(*) FROM story_terms WHERE weight <= 0')" = 0 ]
check "... and a norm for every story with terms" \
  [ "$(sql 'SELECT count(*) FROM story_norms')" = "$(sql 'SELECT count(*) FROM stories WHERE length(centroid) > 0')" ]
one_more_kept 25
export_kept before25
forms_before_26 "$DB"
sql "PRAGMA user_version = 25" >/dev/null
check "the faked store's rows hold no weights" \
  [ "$(sql "SELECT count(*) FROM pragma_table_info('story_terms') WHERE name = 'weight'")" = 0 ]
migrated_as_fresh 25 "rows' weights and norms" "$weighed" "$fresh_weighed"

section "a schema-26 store: its facts in the form of schemas 16 to 26, read the same, then a head an item"
DB="$T/twentysix.db"
cat >"$T/f.txt" <<'TXT'
Skerrow council sets harbour fees

The Skerrow council raised harbour fees by 2.5 percent to 1,240 crowns a berth on Monday, about 40 crowns more than last year. "We cannot keep the quay open on goodwill alone," said council leader Aila Brenn. Between 12 and 15 boats a week use the quay, the Skerrow Harbour Trust said. Brenn said the Skerrow Harbour Trust would review the fees in March.
TXT
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt" "$T/f.txt"
facts="SELECT group_concat(hex(items), ' ') FROM (SELECT items FROM facts ORDER BY article_id)"
fresh_facts=$(sql "$facts")
fresh_length=$(sql 'SELECT sum(length(items)) FROM facts')
check "both articles have facts" [ "$(sql "SELECT count(*) FROM facts")" = 2 ]
one_more_kept 26
export_kept before26
forms_before_27 "$DB"
sql "PRAGMA user_version = 26" >/dev/null
check "the faked store's facts are longer, in the form of schemas 16 to 26" \
  [ "$(sql 'SELECT sum(length(items)) FROM facts')" -gt "$fresh_length" ]
migrated_as_fresh 26 "facts" "$facts" "$fresh_facts"
sql "UPDATE facts SET items = substr(items, 1, length(items) - 1) WHERE article_id = 2" >/dev/null
expect_exit 3 "$STORYLINE" --db "$DB" check
check "check names a facts row that does not read" grep -q "facts that do not read: 1" "$ERR"

section "a schema-27 store: each article's path in its row, read the same, then a batch's path held once"
DB="$T/twentyseven.db"
python3 - "$T/wire.jsonl" "$T/wire2.jsonl" <<'PY'
import json, sys
news = [("Skerrow ferry timetable approved", "The harbour board of Skerrow approved a new ferry timetable on Tuesday after three months of talks with island councils. Late sailings will run on Fridays."),
        ("Museum reopens after repairs", "The maritime museum of Eskmoor reopened on Saturday after eight months of roof repairs. Visitors queued before the doors opened."),
        ("Eskmoor bridge closed for a week", "The old bridge at Eskmoor will close for a week from Monday while engineers replace its bearings, the county said on Thursday."),
        ("Skerrow school gets a new roof", "Skerrow primary school will get a new roof this summer, the island council said, after a winter of leaks in two classrooms."),
        ("Eskmoor fishing quota raised", "Boats from Eskmoor may land a fifth more herring this season, the fisheries office said on Friday after a count of the spring shoals.")]
for name, part in ((sys.argv[1], news[:3]), (sys.argv[2], news[3:])):
    with open(name, "w") as f:
        for i, (title, text) in enumerate(part):
            f.write(json.dumps({"id": title[:12], "title": title, "text": text, "published": "2026-05-0%d" % (i + 1)}) + "\n")
PY
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Wire "$T/wire.jsonl"
paths="SELECT group_concat(coalesce(path, (SELECT p.path FROM paths p WHERE p.id = a.path_id)), ' ')
  FROM (SELECT * FROM articles ORDER BY id) a"
fresh_paths=$(sql "$paths")
check "a fresh store holds the file's path once: in its first article's row and in paths" \
  [ "$(sql 'SELECT count(*) FROM articles WHERE path IS NOT NULL')" = 1 \
    -a "$(sql 'SELECT count(*) FROM articles WHERE path IS NULL AND path_id = (SELECT id FROM paths)')" = 2 ]
check "... and every article's path is the file's" \
  [ "$fresh_paths" = "$T/wire.jsonl $T/wire.jsonl $T/wire.jsonl" ]
# story_paths: the paths `show --json` gives the articles of every story, sorted
story_paths() {
  for story in $(sql "SELECT group_concat(id, ' ') FROM stories WHERE n_articles > 0"); do
    "$STORYLINE" --db "$DB" --json show "$story"
  done | python3 -c 'import json, sys
paths = []
for line in sys.stdin.read().replace("}\n{", "}\0{").split("\0"):
    paths += [a["path"] for a in json.loads(line)["story"]["articles"]]
print(" ".join(sorted(paths)))'
}
check "show --json gives each story's articles the file's path" \
  [ "$(story_paths)" = "$T/wire.jsonl $T/wire.jsonl $T/wire.jsonl" ]
one_more_kept 27
export_kept before27
forms_before_28 "$DB"
sql "PRAGMA user_version = 27" >/dev/null
check "the faked store's articles hold their paths, no paths table" \
  [ "$(sql 'SELECT count(*) FROM articles WHERE path IS NOT NULL')" = 3 \
    -a "$(sql "SELECT count(*) FROM sqlite_master WHERE name = 'paths'")" = 0 ]
migrated_as_fresh 27 "articles' paths" "$paths" "$fresh_paths"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source Wire "$T/wire2.jsonl"
check "the migrated store holds a new batch's path once" \
  [ "$(sql "SELECT count(*) FROM articles WHERE path IS NULL AND path_id IS NOT NULL")" = 1 \
    -a "$(sql "SELECT count(*) FROM articles WHERE path = '$T/wire2.jsonl'")" = 1 ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json gives the new articles their file's path" \
  [ "$(grep -o "wire2.jsonl" "$OUT" | wc -l)" -ge 2 ]
check "show --json gives every story's articles their files' paths" \
  [ "$(story_paths)" = "$T/n2.txt $T/wire.jsonl $T/wire.jsonl $T/wire.jsonl $T/wire2.jsonl $T/wire2.jsonl" ]
expect_exit 0 "$STORYLINE" --db "$DB" check

section "a schema-28 store: sources and dates as texts, read the same, then empty blobs for new rows"
DB="$T/twentyeight.db"
# the wire's records, each naming its source: their identities are key:Wire/ID
for f in wire wire2; do
  python3 -c 'import json, sys
for line in open(sys.argv[1]):
    print(json.dumps(dict(json.loads(line), source="Wire")))' "$T/$f.jsonl" >"$T/$f-sourced.jsonl"
done
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/wire-sourced.jsonl"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest --source One --date 2026-05-01 "$T/a.txt"
held="SELECT group_concat(typeof(source) || ':' || typeof(published), ' ') FROM (SELECT * FROM articles ORDER BY id)"
# the JSONL records' sources are in their identities (key:Wire/ID), every
# date is a day; the text file's identity is its path: its source is held
check "a fresh store holds the sources its identities give and the days as empty blobs" \
  [ "$(sql "$held")" = "blob:blob blob:blob blob:blob text:blob" ]
one_more_kept 28
export_kept before28
check "export --json gives the sources and dates" \
  [ "$(grep -c '"source": "Wire"' "$OUT")" = 3 -a "$(grep -c '"published": "2026-05-0[1-3]"' "$OUT")" -ge 4 ]
forms_before_29 "$DB"
sql "PRAGMA user_version = 28" >/dev/null
check "the faked store holds them as texts" [ "$(sql "$held")" = "text:text text:text text:text text:text" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "read before the migration, export --json is the same" cmp -s "$OUT" "$T/before28.json"
expect_exit 0 "$STORYLINE" --db "$DB" check
check "schema version $SL_SCHEMA" [ "$(sql 'PRAGMA user_version')" = "$SL_SCHEMA" ]
check "the migrated rows keep their texts" [ "$(sql "$held")" = "text:text text:text text:text text:text" ]
expect_exit 0 "$STORYLINE" --db "$DB" export --json
check "export --json is the same" cmp -s "$OUT" "$T/before28.json"
one_more_as_kept 28
check "the new article holds its date as an empty blob" \
  [ "$(sql "SELECT typeof(published) FROM articles ORDER BY id DESC LIMIT 1")" = blob ]
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/wire2-sourced.jsonl"
check "a new batch's sources their identities give are empty blobs" \
  [ "$(sql "SELECT count(*) FROM articles WHERE typeof(source) = 'blob'")" = 2 ]
expect_exit 0 "$STORYLINE" --db "$DB" stories
check "stories counts the sources read from the identities" grep -q "Skerrow\|Eskmoor" "$OUT"
expect_exit 0 "$STORYLINE" --db "$DB" check

section "a schema-29 store: line pairs by whole fingerprints, cut to their high 47 bits"
DB="$T/twentynine.db"
ferry_store
pairs="SELECT group_concat(line || ':' || article_id, ' ') FROM (SELECT * FROM line_articles
  UNION ALL SELECT * FROM line_articles_recent ORDER BY 1, 2)"
wide="SELECT count(*) FROM (SELECT line FROM line_articles UNION ALL SELECT line FROM line_articles_recent)
  WHERE line < 0 OR line >= 1 << 47"
fresh_pairs=$(sql "$pairs")
check "a fresh store's pairs hold lines of 47 bits" \
  [ "$(sql "$wide")" = 0 -a "$(printf '%s' "$fresh_pairs" | wc -w)" -ge 2 ]
one_more_kept 29
export_kept before29
forms_before_30 "$DB"
sql "PRAGMA user_version = 29" >/dev/null
check "the faked store's pairs hold whole fingerprints" [ "$(sql "$wide")" -gt 0 ]
migrated_as_fresh 29 "line pairs" "$pairs" "$fresh_pairs"

section "a schema-30 store: its full copy keys marked by the migration"
DB="$T/thirty.db"
ferry_store
# two keys no article has: 7 with 129 rows (full), 8 with 128 (not)
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 129)
  INSERT INTO copy_keys SELECT 7, (1000 + i) << 5 | 1 FROM n UNION ALL
  SELECT 8, (2000 + i) << 5 | 1 FROM n WHERE i <= 128" >/dev/null
marks="SELECT coalesce(group_concat(key, ' '), '') FROM (SELECT key FROM copy_keys WHERE article_id = 0 ORDER BY key)"
check "the planted keys are not marked yet" [ -z "$(sql "$marks")" ]
one_more_kept 30
export_kept before30
forms_before_31 "$DB"
sql "PRAGMA user_version = 30" >/dev/null
migrated_as_fresh 30 "full keys' marks" "$marks" "7"

section "a schema-31 store: its hash indexes made again on the hashes' high 32 bits"
DB="$T/thirtyone.db"
ferry_store
indexes="SELECT group_concat(sql, '; ') FROM (SELECT sql FROM sqlite_schema
  WHERE name IN ('articles_hash', 'articles_source') ORDER BY name)"
fresh_indexes=$(sql "$indexes")
check "a fresh store indexes the hashes' high 32 bits" \
  [ "$(printf '%s' "$fresh_indexes" | grep -o '_hash >> 32)' | wc -l)" = 2 ]
one_more_kept 31
export_kept before31
forms_before_32 "$DB"
sql "PRAGMA user_version = 31" >/dev/null
check "the faked store indexes the whole hashes" [ "$(sql "$indexes" | grep -c '>> 32')" = 0 ]
migrated_as_fresh 31 "hash indexes" "$indexes" "$fresh_indexes"

finish
