"""TempEval-3 Task A, timex part: `storyline timex --published DCT --json`
on every TimeBank and AQUAINT document of ../shared/datasets/dates/tempeval3,
scored against the gold TIMEX3s (relaxed F1, strict F1, type and value
accuracy, value F1 = relaxed F1 x value accuracy), each corpus apart.
The rules were tuned on TimeBank; AQUAINT is the held-out half.

  python3 eval/dates_tempeval.py --bin build/storyline --data DIR [--errors] [--self-test]
"""
import argparse
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse(path):
    """(dct value, text, gold timexes [(start, end, type, value)]) of a .tml file."""
    raw = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]*)"', raw).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    if body.startswith("\n"):
        body = body[1:]
    text, gold, open_timex, pos = [], [], None, 0
    length = 0
    for m in TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        text.append(piece)
        length += len(piece)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, attrs.get("type"), attrs.get("value"))
        elif open_timex:
            gold.append((open_timex[0], length, open_timex[1], open_timex[2]))
            open_timex = None
    piece = html.unescape(body[pos:])
    text.append(piece)
    return dct, "".join(text), gold


def match(pred, gold):
    """One-to-one greedy matching: identical spans first, then largest overlap.
    Returns [(pred, gold)] pairs and the number of strict (identical) pairs."""
    pairs, used_p, used_g = [], set(), set()
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if j not in used_g and p[0] == g[0] and p[1] == g[1]:
                pairs.append((p, g))
                used_p.add(i)
                used_g.add(j)
                break
    strict = len(pairs)
    cands = []
    for i, p in enumerate(pred):
        if i in used_p:
            continue
        for j, g in enumerate(gold):
            ov = min(p[1], g[1]) - max(p[0], g[0])
            if j not in used_g and ov > 0:
                cands.append((-ov, i, j))
    for _, i, j in sorted(cands):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs, strict


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def score(docs):
    n_pred = n_gold = n_rel = n_strict = n_type = n_value = 0
    for _, _, gold, pred in docs:
        pairs, strict = match(pred, gold)
        n_pred += len(pred)
        n_gold += len(gold)
        n_rel += len(pairs)
        n_strict += strict
        n_type += sum(1 for p, g in pairs if p[2] == g[2])
        n_value += sum(1 for p, g in pairs if p[3] == g[3])
    rp, rr = n_rel / max(n_pred, 1), n_rel / max(n_gold, 1)
    sp, sr = n_strict / max(n_pred, 1), n_strict / max(n_gold, 1)
    rel = f1(rp, rr)
    return {"gold": n_gold, "pred": n_pred, "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rel,
            "strict_f1": f1(sp, sr), "type_acc": n_type / max(n_rel, 1),
            "value_acc": n_value / max(n_rel, 1), "value_f1": rel * n_value / max(n_rel, 1)}


def self_check():
    """The matcher on a hand-computed case: gold [0,6) [10,20) [30,35);
    predicted [0,6) (strict), [12,25) (relaxed), [40,45) (spurious).
    relaxed P = R = 2/3, strict P = R = 1/3; one of two values right."""
    gold = [(0, 6, "DATE", "a"), (10, 20, "DATE", "b"), (30, 35, "DATE", "c")]
    pred = [(0, 6, "DATE", "a"), (12, 25, "DATE", "x"), (40, 45, "DATE", "c")]
    s = score([("x", "", gold, pred)])
    assert abs(s["relaxed_f1"] - 2 / 3) < 1e-9, s
    assert abs(s["strict_f1"] - 1 / 3) < 1e-9, s
    assert abs(s["value_f1"] - 1 / 3) < 1e-9, s


def predict(binary, dct, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        name = f.name
    try:
        res = subprocess.run([binary, "timex", "--published", dct, "--json", name],
                             check=True, capture_output=True)
    finally:
        os.unlink(name)
    out = []
    for line in res.stdout.decode("utf-8").splitlines():
        x = json.loads(line)
        out.append((x["start"], x["end"], x["type"], x["value"]))
    return out


def show_errors(name, text, gold, pred):
    pairs, _ = match(pred, gold)
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    for p, g in pairs:
        if p[3] != g[3] or (p[0], p[1]) != (g[0], g[1]):
            print("  %s WRONG  %r %s %s  gold %r %s %s" % (name, text[p[0]:p[1]], p[2], p[3],
                                                          text[g[0]:g[1]], g[2], g[3]))
    for g in gold:
        if g not in matched_g:
            print("  %s MISSED %r %s %s" % (name, text[g[0]:g[1]], g[2], g[3]))
    for p in pred:
        if p not in matched_p:
            print("  %s EXTRA  %r %s %s" % (name, text[p[0]:p[1]], p[2], p[3]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets/dates/tempeval3")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    self_check()
    for part, role in (("TimeBank", "tuned"), ("AQUAINT", "held_out")):
        docs = []
        for path in sorted(glob.glob(os.path.join(a.data, part, "*.tml"))):
            dct, text, gold = parse(path)
            pred = list(gold) if a.self_test else predict(a.bin, dct, text)
            docs.append((os.path.basename(path), text, gold, pred))
            if a.errors:
                show_errors(os.path.basename(path), text, gold, pred)
        s = score(docs)
        print("%s (%s): %d docs, %d gold, %d found; relaxed P %.3f R %.3f F1 %.3f; strict F1 %.3f;"
              " type acc %.3f; value acc %.3f; value F1 %.3f"
              % (part, role, len(docs), s["gold"], s["pred"], s["relaxed_p"], s["relaxed_r"],
                 s["relaxed_f1"], s["strict_f1"], s["type_acc"], s["value_acc"], s["value_f1"]))
        key = "timex_%s_%s" % (part.lower(), role)
        for metric in ("relaxed_f1", "strict_f1", "value_f1"):
            print("SCORE %s_%s %.3f" % (key, metric, s[metric]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
