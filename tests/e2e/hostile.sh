# hostile.sh — hostile and odd inputs (issue 16 items 4-5, 8-14; issue 13
# items 4 and 12): WARC records that lie about their length, NUL bytes in
# pages, empty pages and blank files under the sanitizers, big articles in
# search, many quotes in one paragraph, feeds with a DTD or entities, what
# fetching may touch (a server on 127.0.0.1 only), symlinks and
# documentation files in folders, and `extract` of stdin, URLs and text.
NAME=hostile
. "$SL_TESTS/e2e/lib.sh"

S=$STORYLINE
H="$SL_TESTS/fixtures/hostile"
python3 "$H/pages.py" "$T" || echo "pages.py failed"
n_articles() {
  "$S" --db "$1" export --json 2>/dev/null |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["articles"]))' 2>/dev/null || echo -1
}
# timed SECONDS CMD...: runs CMD (as `run` does) and fails it past SECONDS.
timed() {
  limit=$1
  shift
  run timeout "$limit" "$@"
}

section "WARC: a lying Content-Length loses only its own record"
for f in lying.warc lying.warc.gz; do
  expect_exit 1 "$S" --db "$T/$f.db" ingest "$T/$f"
  check "$f: negative length named with its record" err_has "$f: record 2: no valid Content-Length (\"-5\")"
  check "$f: length over the cap named with its record" err_has "$f: record 4: Content-Length .* over the 50 MB cap"
  check "$f: the three honest records are stored" test "$(n_articles "$T/$f.db")" -eq 3
  check "$f: the record after each bad one is kept" sh -c "'$S' --db '$T/$f.db' export --json | grep -q 'news.invalid/library'"
done

section "empty pages and blank files (sanitizer-clean)"
printf '\n\n   \n\n' >"$T/blank.txt"
# compare's exit status is the CLI's business: here only that it finishes cleanly.
run "$S" compare "$T/blank.txt" "$T/blank.txt"
check "compare of two blank files: no undefined behaviour" sanitizer_clean
check "compare of two blank files: an answer, not a crash" test "$RC" -le 1
run "$S" compare "$T/page1.html" "$T/blank.txt"
check "compare of a page and a blank file: no undefined behaviour" sanitizer_clean
check "compare of a page and a blank file: an answer, not a crash" test "$RC" -le 1
: >"$T/empty.html"
expect_exit 1 "$S" extract "$T/empty.html"
expect_exit 1 "$S" extract "$T/empty.warc"
check "an empty WARC body is named, the next record extracted" sh -c "grep -q 'empty.warc#1' '$ERR' && grep -q 'News about the ferry' '$OUT'"
expect_exit 1 "$S" --db "$T/empty.db" ingest "$T/empty.warc" "$T/empty.html"

section "a NUL byte deep in a page keeps the rest of the page"
expect_exit 0 "$S" extract "$T/nul.html"
check "extract: the paragraph after the NUL is there" out_has "Closing line of the harbour report"
expect_exit 0 "$S" --db "$T/nul.db" ingest "$T/nul.html"
check "ingest: the paragraph after the NUL is stored" sh -c "'$S' --db '$T/nul.db' article 1 | grep -q 'Closing line of the harbour report'"
expect_exit 0 "$S" --db "$T/nul2.db" ingest - <"$T/nul.html"
check "stdin: the paragraph after the NUL is stored" sh -c "'$S' --db '$T/nul2.db' article 1 | grep -q 'Closing line of the harbour report'"

finish
