# binding.sh — the Python binding (python/storyline/lib.py) against the
# library: every call it declares exists with its signature (the count and
# kind, int, 64-bit, double or pointer, of each argument and the result, read
# from storyline.h and its parts in include/storyline/, each declared once),
# its handles close in a with block, and the calls the Dask run does not
# reach (ingest, the store check, a read without locks checked, the JSON
# calls, the comparer and the de-duplicator) give what the command gives. Articles are invented here.
NAME=binding
. "$SL_TESTS/e2e/lib.sh"

if ! use_binding; then
  fail "the shared library beside $STORYLINE (make shared)"
  finish
fi
cat >"$T/ferry.txt" <<'EOF2'
Ferry to Skerrow keeps its timetable

The ferry to the island of Skerrow kept to its timetable on Monday after a week of storms, the operator said.

About two hundred passengers crossed on the first sailing, and the harbour café stayed open until nine.
EOF2
printf 'Caf\303\251 owners in Brookvale raised prices \377 on Monday.\n\nThe \357\254\201rst ferry left at nine, the harbour master said.\n' >"$T/a.txt"
printf 'Caf\303\251 owners in Brookvale raised prices on Monday.\n\nThe first ferry left at nine, the harbour master said.\n' >"$T/b.txt"
"$STORYLINE" --db "$T/cli.db" --quiet ingest "$T/ferry.txt"
"$STORYLINE" --db "$T/cli.db" search --json ferry >"$T/search.json"

section "every function the binding declares is in the library, with the header's arguments and types"
expect_exit 0 python3 - "$SL_TESTS/../include" <<'PY'
import glob, os, re, sys
from storyline import lib as sl
lib = sl.load()
# storyline.h and its parts, include/storyline/*.h
parts = [os.path.join(sys.argv[1], "storyline.h")]
parts += sorted(glob.glob(os.path.join(sys.argv[1], "storyline", "*.h")))
header = "".join(open(p).read() for p in parts)
names = re.findall(r"SL_API [^;]*?\b(sl_\w+)\(", header)
twice = sorted({n for n in names if names.count(n) > 1})
assert not twice, "declared more than once in the public headers: %s" % twice
declared = set(names)
bound = {name for name in dir(lib) if name.startswith("sl_")}
missing = declared - bound - set(sl.UNBOUND)
assert not missing, "declared in the public headers, not in lib.py nor in its UNBOUND list: %s" % sorted(missing)
import ctypes
WIDE = {"int64_t", "uint64_t", "size_t"}  # 8 bytes here, as c_int64, c_uint64, c_size_t


def c_kind(decl):
    """What a C type (with or without its parameter name) passes as: "pointer",
    "double", "int8" (64-bit), "int4", or None (void)."""
    decl = decl.replace("const", " ")
    if "*" in decl or "(" in decl:
        return "pointer"
    words = decl.split()
    if words == ["void"]:
        return None
    kind = words[0]
    if kind.endswith("_fn"):   # sl_write_fn and the other callbacks
        return "pointer"
    return "double" if kind == "double" else "int8" if kind in WIDE else "int4"


def ctypes_kind(t):
    if t is None:
        return None
    if t in (ctypes.c_void_p, ctypes.c_char_p) or issubclass(t, (ctypes._Pointer, ctypes._CFuncPtr)):
        return "pointer"
    if t is ctypes.c_double:
        return "double"
    return "int%d" % ctypes.sizeof(t)


for name in bound:
    ret, args = re.search(r"SL_API ([^;]*?)\b%s\(([^)]*)\)" % name, header).groups()
    params = [] if args.strip() == "void" else [a.strip() for a in args.split(",")]
    fn = getattr(lib, name)
    assert len(fn.argtypes) == len(params), (name, len(params))
    for k, (param, t) in enumerate(zip(params, fn.argtypes)):
        assert c_kind(param) == ctypes_kind(t), (name, k, param, t)
    assert c_kind(ret) == ctypes_kind(fn.restype), (name, "returns", ret, fn.restype)
print(len(bound), "bound of", len(declared))
PY
check "the count is printed" out_has "bound of"

section "ingest, its failures named by errmsg, the check and a snapshot"
expect_exit 0 python3 - "$T" <<'PY'
import sys
from storyline import lib as sl
t = sys.argv[1]
e = sl.Engine(t + "/py.db")
report = sl.IngestReport()
assert e.ingest_path(t + "/ferry.txt", report=report) == 0 and report.articles_new == 1
assert e.ingest_buffer(b"\x01\x00\x02\x00", "blob") == sl.SL_EBADINPUT
assert e.errmsg().startswith("blob: binary data"), e.errmsg()
e.store_check()
e.close()
r = sl.Engine(t + "/py.db", read_only=True)
r.check_snapshot()
r.refresh()
open(t + "/py-search.json", "wb").write(r.json("sl_search_json", b"ferry", 20))
# a query given as str (it was ctypes' "argument 2: TypeError: wrong type")
assert r.json("sl_search_json", "ferry", 20) == open(t + "/py-search.json", "rb").read()
r.close()
PY
check "sl_search_json gives what search --json gives" cmp -s "$T/search.json" "$T/py-search.json"

section "text_json: sl_timex_json's lines are timex --json's, without the header and the input"
"$STORYLINE" timex --json --published 2024-08-19 "$T/ferry.txt" >"$T/timex.jsonl"
expect_exit 0 python3 - "$T" <<'PY'
import json, sys
from storyline import lib as sl
t = sys.argv[1]
lines = sl.text_json("sl_timex_json", open(t + "/ferry.txt", "rb").read(), "2024-08-19")
want = [json.loads(line) for line in open(t + "/timex.jsonl")]
for w in want:
    del w["storyline"], w["json_version"], w["input"]
assert want and [json.loads(line) for line in lines.splitlines()] == want, (lines, want)
assert lines.endswith(b"\n") and b'"storyline"' not in lines, lines
PY

section "input_utf8: a UTF-16 page decoded as extract reads it, other input unchanged"
expect_exit 0 python3 - <<'PY'
from storyline import lib as sl
page = "<html><head><title>Caf\u00e9 news</title></head><body><p>Brookvale</p></body></html>"
got = sl.input_utf8(b"\xff\xfe" + page.encode("utf-16-le"))
assert got == page.encode(), got
assert sl.input_utf8(page.encode()) == page.encode()
assert sl.input_utf8(b"") == b""
PY

section "input_prose: a page's article text as extract gives it, other input unchanged"
cat >"$T/dam.html" <<'EOF'
<!doctype html><html><head><title>Dam inspection finds no cracks</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Dam inspection finds no cracks</h1>
<p>Engineers who inspected the Westmoor dam on Tuesday found no cracks in its concrete wall, the water board said.</p>
<p>The inspection cost 1.2 million dollars and took three weeks, according to board spokesperson Ana Ruiz.</p>
</article></body></html>
EOF
"$STORYLINE" extract --json "$T/dam.html" >"$T/dam.json"
expect_exit 0 python3 - "$T" <<'PY'
import json, sys
from storyline import lib as sl
t = sys.argv[1]
page = open(t + "/dam.html", "rb").read()
want = json.load(open(t + "/dam.json"))["text"].encode()
assert sl.input_prose(page) == want, sl.input_prose(page)
assert sl.input_prose(b"\xff\xfe" + page.decode().encode("utf-16-le")) == want
assert sl.input_prose(b"The ferry left at nine.") == b"The ferry left at nine."
try:
    sl.input_prose(b'<html><body><nav><a href="/">Home</a></nav></body></html>')
    raise SystemExit("a page without article text gave prose")
except sl.StoreError as e:
    assert e.code == sl.SL_EBADINPUT, e.code
refused = sl.load().sl_input_refused
assert refused(b" \n", 2) == b"empty" and refused(b"The ferry left.", 15) is None
assert refused(page, len(page)) is None
assert refused(b'{"text": "x"}\n', 14) == b"a feed, JSON or JSONL file holds many articles: use ingest"
PY

section "the comparer shows the normalised sentences"
expect_exit 0 python3 - "$T" <<'PY'
import sys
from storyline import lib as sl
t = sys.argv[1]
c = sl.Comparer()
r = c.compare(open(t + "/a.txt", "rb").read(), open(t + "/b.txt", "rb").read())
assert r["kind"] != "none" and r["evidence"], r
assert any(e["a"] == "The first ferry left at nine, the harbour master said." for e in r["evidence"]), r
c.close()
d = sl.Dedup()
assert d.add("The ferry left at nine on Monday, the harbour master said.")[0] is False
assert d.add("The ferry left at nine on Monday, the harbour master said.")[:3] == (True, 0, "exact")
d.close()
PY

section "handles close at a with block's end; a failed compare still frees its evidence"
expect_exit 0 python3 - "$T" <<'PY'
import sys
from storyline import lib as sl
t = sys.argv[1]
with sl.Engine(t + "/cli.db", read_only=True) as e:
    e.store_check()
assert not e.handle, "closed by the with block"
with sl.Dedup() as d:
    d.add("The ferry to Skerrow kept its timetable on Monday, the operator said.")
assert not d.handle
a, b = open(t + "/a.txt", "rb").read(), open(t + "/b.txt", "rb").read()
with sl.Comparer() as c:
    cleared, clear = [], c.lib.sl_text_comparison_clear
    c.lib.sl_text_comparison_clear = lambda r: (cleared.append(1), clear(r))
    kind_name = c.lib.sl_copy_kind_name
    c.lib.sl_copy_kind_name = lambda k: (_ for _ in ()).throw(RuntimeError("injected"))
    try:
        c.compare(a, b)
        raise AssertionError("the injected error was not raised")
    except RuntimeError:
        pass
    assert cleared == [1], "the evidence freed after the error (it leaked)"
    c.lib.sl_text_comparison_clear, c.lib.sl_copy_kind_name = clear, kind_name
assert not c.handle
PY

section "a failed compare or add is named by the handle's own library"
# Comparer and Dedup said their error through the default library (and
# failed to load it when there was none), not the one they were made with.
expect_exit 0 python3 - "$T" <<'PY'
import os, sys
from storyline import lib as sl
path = os.environ["STORYLINE_LIB"]
c, d = sl.Comparer(lib=path), sl.Dedup(lib=path)
os.environ["STORYLINE_LIB"] = sys.argv[1] + "/no-such-lib.so"   # no default library now
c.lib.sl_text_compare = lambda *args: -5                        # SL_ETOOLARGE
d.lib.sl_dedup_add = lambda *args: -1                           # SL_ENOMEM
for call, code in ((lambda: c.compare("a", "b"), -5), (lambda: d.add("a"), -1)):
    try:
        call()
        raise AssertionError("no error raised")
    except sl.StoreError as err:
        assert err.code == code and str(err) == sl.load(path).sl_strerror(code).decode(), err
PY

section "process_init: SQLite's statistics off when asked, before SQLite starts"
expect_exit 0 python3 - <<'PY'
from storyline import lib as sl
assert sl.process_init(), "before any use of SQLite"
import sqlite3  # Python's module starts SQLite as it loads
sqlite3.connect(":memory:").execute("SELECT 1")
assert not sl.process_init(), "SQLite in use: refused, nothing changed"
PY

section "a thread that extracted facts ends after the library is unloaded"
# sl_facts_extract keeps each thread's analyser under a pthread key whose
# destructor is in the library: a thread ending after dlclose called it
# unmapped (a segmentation fault) until the library was linked nodelete.
expect_exit 0 python3 - <<'PY'
import _ctypes, ctypes, os, threading
lib = ctypes.CDLL(os.environ["STORYLINE_LIB"])
lib.sl_facts_extract.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                 ctypes.POINTER(ctypes.c_void_p))
lib.sl_fact_items_free.argtypes = (ctypes.c_void_p,)
extracted, unloaded = threading.Event(), threading.Event()
def extract():
    text, items = b"The minister said 4,500 people left on Tuesday.", ctypes.c_void_p()
    assert lib.sl_facts_extract(text, len(text), None, ctypes.byref(items)) == 0
    lib.sl_fact_items_free(items)
    extracted.set()
    unloaded.wait()
thread = threading.Thread(target=extract)
thread.start()
extracted.wait()
_ctypes.dlclose(lib._handle)
unloaded.set()
thread.join()
PY

finish
