# eval_numbers.sh — the NewsQuant scorer's unit of a count (eval/facts_numbers.py):
# our counted phrase written as NewsQuant writes units, on invented numbers.
NAME=eval_numbers
. "$SL_TESTS/e2e/lib.sh"

section "a count's phrase as NewsQuant's unit"
EVAL="$SL_TESTS/../eval"
# unit(text, counts): the scorer's unit of a count read in `text`
SCORER='
import sys
sys.path.insert(0, sys.argv[1])
import facts_numbers as fn
def unit(text, counts):
    return fn.unit_of({"text": text, "value": 5, "unit": None, "counts": counts})
'

check "the noun part only: the state counts adds after an auxiliary is no part of the unit" \
  python3 -c "$SCORER"'
assert unit("Five ferrymen were stranded", "ferrymen stranded") == "ferryman"
assert unit("12 digital and print editions were sold", "digital print editions sold") \
    == "digital print edition"
assert unit("40 walkers", "walkers") == "walker"
' "$EVAL"

check "superlatives in their base form, other words as written" \
  python3 -c "$SCORER"'
assert unit("one of the best ferries", "best ferries") == "good ferry"
assert unit("three of the largest lakes", "largest lakes") == "large lake"
assert unit("two of the biggest mills", "biggest mills") == "big mill"
assert unit("one of the closest votes", "closest votes") == "close vote"
assert unit("two interest payments", "interest payments") == "interest payment"
assert fn.unit_of({"text": "4 km", "value": 4, "unit": "kilometre", "counts": None}) == "kilometre"
' "$EVAL"

check "a noun glued to the number by a hyphen is the count's unit" \
  python3 -c "$SCORER"'
assert unit("six-berth", "berth") == "berth"
assert unit("four-, five- and six-berth", "berth") == "berth"
assert unit("a 40,000-strong crowd", "strong") == "strong"
assert unit("six-berth", "harbour") == "-"
' "$EVAL"

check "a count's rate with its noun singular; a unit of our list as it is" \
  python3 -c "$SCORER"'
rate = {"text": "40 letters a week", "value": 40, "unit": "letters per week", "counts": "letters"}
assert fn.unit_of(rate) == "letter per week"
rpm = {"text": "3000 rpm", "value": 3000, "unit": "revolutions per minute", "counts": None}
assert fn.unit_of(rpm) == "revolutions per minute"
' "$EVAL"

finish
