#!/bin/sh
# store_lines.sh — the short lines each article carries (src/store/
# line_articles.c): every line an article's row lists has its (line,
# article) pair and no other pair exists; a new version takes its old
# lines out and records its own; an exact copy records none; chrome by
# repetition still sees lines carried by three other articles.
NAME=store_lines
. "$SL_TESTS/e2e/lib.sh"
DB="$T/s.db"

sql() {
  python3 -c "import sqlite3, sys
r = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()
print(r[0][0] if r else '')" "$DB" "$1"
}
# pairs ID: the (line, article) pairs of article ID; listed ID: the lines its row lists
# (each pair is in line_articles or, until merged, line_articles_recent)
PAIRS="(SELECT * FROM line_articles UNION ALL SELECT * FROM line_articles_recent)"
pairs() { sql "SELECT count(*) FROM $PAIRS WHERE article_id = $1"; }
listed() { sql "SELECT coalesce(length(lines), 0) / 2 FROM articles WHERE id = $1"; }

body="The harbour board of Skerrow approved a new ferry timetable on Tuesday after three months of talks with island councils, and late sailings will run on Fridays from June."
printf '%s\n' "{\"url\": \"https://example.org/a\", \"title\": \"Ferry timetable\", \"text\": \"Share this story\\nFollow us on Skerrow radio\\nMore local news\\n\\n$body\"}" >"$T/v1.jsonl"
printf '%s\n' "{\"url\": \"https://example.org/a\", \"title\": \"Ferry timetable\", \"text\": \"Read the board minutes\\n\\n$body And the board will meet again in May.\"}" >"$T/v2.jsonl"

section "a new article lists its short lines, each with its pair"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/v1.jsonl"
check "three short lines listed" [ "$(listed 1)" = 3 ]
check "three pairs" [ "$(pairs 1)" = 3 ]

section "a new version takes its old lines out"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/v2.jsonl"
check "stored as version 2" [ "$(sql 'SELECT version FROM articles WHERE id = 1')" = 2 ]
check "one short line listed" [ "$(listed 1)" = 1 ]
check "one pair: the old lines are gone" [ "$(pairs 1)" = 1 ]
check "no pair left of the old lines" [ "$(sql "SELECT count(*) FROM $PAIRS")" = 1 ]

section "an exact copy records no line"
printf '%s\n' "{\"url\": \"https://example.org/b\", \"title\": \"Ferry timetable\", \"text\": \"Read the board minutes\\n\\n$body And the board will meet again in May.\"}" >"$T/copy.jsonl"
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/copy.jsonl"
check "the copy is stored" [ "$(sql 'SELECT count(*) FROM articles')" = 2 ]
check "no line listed for it" [ "$(listed 2)" = 0 ]
check "no pair for it" [ "$(pairs 2)" = 0 ]

section "a line carried by three other articles is page chrome"
i=0
for topic in "grain prices rose" "the mill reopened" "the museum closed" "the school held a fair"; do
  i=$((i + 1))
  printf '%s\n' "{\"url\": \"https://example.org/n$i\", \"title\": \"Story $i\", \"text\": \"Sign up for the Skerrow daily letter\\n\\nIn Skerrow on Monday $topic, officials said, in a long report about the island and its people, its harbour and its many boats.\"}" >>"$T/more.jsonl"
done
expect_exit 0 "$STORYLINE" --db "$DB" --quiet ingest "$T/more.jsonl"
check "the fourth article lost the line to repetition" \
  [ "$(sql "SELECT count(*) FROM removed_lines r JOIN articles a ON a.id = r.article_id WHERE a.url = 'https://example.org/n4' AND r.text LIKE 'Sign up%'")" = 1 ]
# a row lists the high 16 bits of each line's fingerprint (schema 18; 32 from 13),
# a pair its high 47 bits (schema 30): the prefix is the pair's high 16 of 47
check "every listed line has its pair, and no other pair exists" python3 -c '
import sqlite3, struct, sys
c = sqlite3.connect(sys.argv[1])
listed = set()
for aid, blob in c.execute("SELECT id, lines FROM articles"):
    for (p,) in struct.iter_unpack("H", blob or b""):
        listed.add((p, aid))
pairs = set((h >> 31, a) for h, a in c.execute("SELECT line, article_id FROM line_articles UNION ALL SELECT * FROM line_articles_recent"))
in_47_bits = all(0 <= h < 1 << 47 for (h,) in c.execute("SELECT line FROM line_articles UNION ALL SELECT line FROM line_articles_recent"))
sys.exit(0 if listed == pairs and in_47_bits else "listed %d, pairs %d" % (len(listed), len(pairs)))' "$DB"
expect_exit 0 "$STORYLINE" --db "$DB" check

finish
