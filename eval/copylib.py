"""copylib.py - what the copies evaluations (eval/copies_*.py) share.

Running the storyline binary (fresh store, ingest, export, compare --pairs),
reading its JSON, and the small measures the scripts compute themselves
(precision/recall/F1, ROC AUC, word shingles). Standard library only.
fresh_db also serves the other evaluations and bench/ (one way to empty a
store: seeds, stories, story_seeds, facts_entities, bench copies and
googlenews).
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

WORD_RE = re.compile(r"\w+")


def die(msg):
    sys.exit(msg)


def fresh_db(path):
    """Remove a store and its SQLite side files so the run starts empty."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def run(binary, args, what):
    """Run storyline with args; return stdout. Exit status 1 (some inputs
    failed) is accepted and its stderr shown; anything worse stops the run."""
    p = subprocess.run([binary] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        die("%s: storyline %s failed (exit %d): %s"
            % (what, " ".join(args), p.returncode, p.stderr.strip()[:2000]))
    errs = p.stderr.strip().splitlines()
    if p.returncode == 1 and errs:
        cmd = next((a for a in args if a in ("ingest", "export", "compare", "copies")), "")
        print("%s: storyline %s: %d input(s) reported, the first %d:" % (what, cmd, len(errs), min(3, len(errs))))
        for line in errs[:3]:
            print("  " + line[:300])
    return p.stdout


def json_values(text):
    """Every JSON value in text: one document, JSONL, or several
    pretty-printed documents one after another."""
    dec = json.JSONDecoder()
    out, i, n = [], 0, len(text)
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            return out
        v, i = dec.raw_decode(text, i)
        out.append(v)


def ingest(binary, db, path, what):
    return run(binary, ["--db", db, "--quiet", "ingest", path], what)


def export(binary, db, what):
    """(articles by id, copies) from `storyline --json export`."""
    doc = json.loads(run(binary, ["--db", db, "--json", "export"], what))
    arts = {a["id"]: a for a in doc.get("articles", [])}
    return arts, doc.get("copies", [])


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def compare_pairs(binary, pairs, what):
    """Run `storyline --json compare --pairs` on [(id, a, b)]; return one
    result dict per pair, in input order (matched by id)."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for pid, a, b in pairs:
            f.write(json.dumps({"id": pid, "a": a, "b": b}, ensure_ascii=False) + "\n")
        name = f.name
    try:
        out = run(binary, ["--json", "compare", "--pairs", name], what)
    finally:
        os.remove(name)
    vals = json_values(out)
    # Accept a single wrapping document too ({"results": [...]} or a list).
    if len(vals) == 1 and isinstance(vals[0], list):
        vals = vals[0]
    elif len(vals) == 1 and isinstance(vals[0], dict) and "id" not in vals[0]:
        lists = [v for v in vals[0].values() if isinstance(v, list)]
        vals = lists[0] if lists else vals
    by_id = {v.get("id"): v for v in vals if isinstance(v, dict)}
    res = [by_id.get(pid) for pid, _, _ in pairs]
    missing = sum(r is None for r in res)
    if missing:
        die("%s: compare gave no result for %d of %d pairs" % (what, missing, len(pairs)))
    return res


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def accuracy_f1(gold, pred):
    """Accuracy and F1 of the positive class for parallel lists of bools."""
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    return acc, prf(tp, fp, fn)[2]


def best_threshold(scores, gold):
    """The threshold t maximising training accuracy of `score >= t`
    (ties: the lowest such t). Tries every distinct score, and one above all."""
    pairs = sorted(zip(scores, gold), key=lambda x: -x[0])
    pos_total = sum(gold)
    best_acc, best_t = (len(gold) - pos_total) / len(gold), max(scores) + 1e-9
    tp = fp = 0
    i = 0
    while i < len(pairs):
        t = pairs[i][0]
        while i < len(pairs) and pairs[i][0] == t:
            tp += pairs[i][1]
            fp += not pairs[i][1]
            i += 1
        acc = (tp + (len(gold) - pos_total - fp)) / len(gold)
        if acc >= best_acc:
            best_acc, best_t = acc, t
    return best_t, best_acc


def roc_auc(pos, neg):
    """Probability that a random positive scores above a random negative
    (ties count one half): the Mann-Whitney form of ROC AUC."""
    if not pos or not neg:
        return 0.0
    allv = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    rank_sum, i = 0.0, 0
    while i < len(allv):
        j = i
        while j < len(allv) and allv[j][0] == allv[i][0]:
            j += 1
        avg = (i + 1 + j) / 2.0             # mean of ranks i+1 .. j
        rank_sum += avg * sum(1 for k in range(i, j) if allv[k][1])
        i = j
    n1, n0 = len(pos), len(neg)
    return (rank_sum - n1 * (n1 + 1) / 2.0) / (n1 * n0)


def words(text):
    return WORD_RE.findall(text.lower())


def shingles(text, n=5):
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def near_identical(sa, sb):
    """The llmfake README's grouping rule on two 5-gram sets:
    Jaccard >= 0.5 or containment (of the smaller) >= 0.8."""
    if not sa or not sb:
        return False
    inter = len(sa & sb)
    return inter >= 0.5 * len(sa | sb) or inter >= 0.8 * min(len(sa), len(sb))


class Groups:
    """Union-find over hashable items: which items a set of links joins."""

    def __init__(self):
        self.parent = {}

    def find(self, x):
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a, b):
        """Join a's and b's groups; True when they were apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[ra] = rb
        return True


def overlapping_pairs(sets):
    """(a, b, shared) for every two keys a < b of {key: set} whose sets share
    elements, found through an inverted index (no all-pairs loop)."""
    index = collections.defaultdict(list)
    for k, s in sets.items():
        for x in s:
            index[x].append(k)
    for k, s in sets.items():
        shared = collections.Counter()
        for x in s:
            for o in index[x]:
                if o > k:
                    shared[o] += 1
        for o, n in shared.items():
            yield k, o, n


def snippet(text, n):
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[:n - 1] + "…"


def side_by_side(a, b, chars=200, width=58):
    """The first `chars` characters of two texts, wrapped in two columns."""
    la = textwrap.wrap(snippet(a, chars), width) or [""]
    lb = textwrap.wrap(snippet(b, chars), width) or [""]
    n = max(len(la), len(lb))
    la += [""] * (n - len(la))
    lb += [""] * (n - len(lb))
    return ["    %-*s | %s" % (width, x, y) for x, y in zip(la, lb)]


def read_checks(path):
    """{(copy id, original id): "right" | "wrong"} from the hand checks' TSV."""
    checks = {}
    if not os.path.exists(path):
        return checks
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) < 3 or parts[0] == "copy":
                continue
            checks[(parts[0], parts[1])] = parts[2]
    return checks
