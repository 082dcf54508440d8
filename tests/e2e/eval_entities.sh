# eval_entities.sh — the ECB+ names scorer (eval/facts_entities.py) on an
# invented document in ECB+'s format: which gold mentions are names, which
# are places, and how the two measures count predictions against them.
NAME=eval_entities
. "$SL_TESTS/e2e/lib.sh"

section "gold names and the two measures"
DOC="$SL_TESTS/fixtures/facts/ecbplus_names.xml"
EVAL="$SL_TESTS/../eval"

check "a headline's word is a name only where the body capitalises it; a GPE is a place" \
  python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
import facts_entities as fe
text, gold, scored = fe.load_doc(sys.argv[2], {0, 1, 2})
names = {text[a:b]: fe.gold_type(tag) for a, b, name, tag in gold if name}
# "Teen" and "Chess Prize" are capitalised only by the headline
assert names == {"Brooklyn": "place", "Anna Korsak": "person", "Velmar": "place"}, names
' "$EVAL" "$DOC"

check "persons and places: a GPE place is right, an event no name; entity mentions: a work typed organisation counts" \
  python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
import facts_entities as fe
text, gold, scored = fe.load_doc(sys.argv[2], {0, 1, 2})
def span(word, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return [at, at + len(word)]
facts = {"entities": [{"span": span("Velmar", 2), "type": "place"},
                      {"span": span("Anna Korsak"), "type": "person"},
                      {"span": span("Chess Prize"), "type": "organization"},
                      {"span": span("Wins"), "type": "person"}]}
docs = [(text, gold, scored)]
p, r, typed, n_pred, n_names = fe.measure(docs, [facts], ("person", "place"),
                                          fe.person_or_place, fe.gold_type)
assert (n_pred, n_names) == (3, 3) and p == r == 2 / 3 and typed == 1, (p, r, typed, n_pred, n_names)
p, r, typed, n_pred, n_names = fe.measure(docs, [facts], None, fe.entity_mention,
                                          fe.mention_type)
assert (n_pred, n_names) == (4, 3) and p == 0.75 and r == 2 / 3, (p, r, n_pred, n_names)
' "$EVAL" "$DOC"

section "the store's text mapped back to the scored text"
check "a stored offset lands on the same word of the scored text; a line the store blanked maps to none" \
  python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
import facts_entities as fe
text = "Harbour News\nJune 3 , 2031\nThe Velmar ferry sailed .\nAnna Korsak waved .\n".encode()
stored = "The Velmar ferry sailed .\n\nAnna Korsak waved .".encode()
where = fe.line_map(stored, text)
for word in (b"Velmar", b"Korsak"):
    at = stored.index(word)
    assert text[where(at):where(at + len(word))] == word, word
assert where(stored.index(b"\n\n") + 1) is None
' "$EVAL"

finish
