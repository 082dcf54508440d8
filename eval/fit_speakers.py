#!/usr/bin/env python3
"""fit_speakers.py - fits the two speaker choosers of src/facts/speakers.c,
one for pronoun mentions ("he", "she") and one for role mentions ("the
minister", "the candidate"), on PolNeAR train (never on dev), and reports
each on both.

    python3 eval/fit_speakers.py [--data ../shared/datasets/quotes/polnear]
                                 [--styles plain,roles]

Builds build/facts-features (make) and runs it on the train and dev texts:
for every quote whose speaker mention is no name, the mention's kind and
the persons named before it with their features. A candidate is right when
its name shares a capitalised word with the name the gold Source stands for
(eval/facts_quotes.py, "speaker named"). Fits a conditional logit (softmax
over each quote's candidates, L2, gradient ascent) per kind on the train
quotes that have a right candidate: pronouns on the plain texts, roles on
the texts of each style of --styles (eval/facts_quotes_styles.py; "plain":
as they are, "roles": a quoted person's later mentions rewritten as a role).
Prints each model's weights (the role model's to paste into speakers.c's
role_weights; the pronoun model's refit is shown beside the pronoun_weights
kept from main, not pasted), and per style the share of quotes whose top
candidate is right on train and on dev, for the fitted and for the weights
now in speakers.c (for roles also under the pronoun weights, which main
used for both). Standard library only.
"""
import argparse
import glob
import math
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import char_offsets  # noqa: E402
from facts_quotes import archive_marks, is_direct, name_words, read_ann, source_names  # noqa: E402

FEATURES = ["rank0", "rank1", "far", "in_quote", "last_speaker", "gender", "other_gender", "subject",
            "count", "same_para", "role", "same_sentence", "prev_sentence", "spoke", "sentences", "possessive", "object",
            "titled", "anchor", "other_role"]


def gold_quotes(path, data_dir, split):
    """(start, end, name words) of the direct quotes of one article, in characters."""
    name = os.path.basename(path)[:-4]
    anns = sorted(glob.glob(os.path.join(data_dir, split, "attributions", name + "_*.ann")))
    if not anns:
        return None
    text = archive_marks(open(path, encoding="utf-8").read())
    spans, rels = read_ann(anns[0])
    names = source_names(text, rels, spans)
    out = []
    for r in rels:
        if r.get("Content") in spans and is_direct(text, spans[r["Content"]][1]):
            pieces = spans[r["Content"]][1]
            out.append((pieces[0][0], pieces[-1][1], names.get(r.get("Source"), set())))
    return out


def styled_texts(data_dir, split, style):
    """(path read, original path, per character of the read text its
    original character) of the split's annotated texts in one style of
    eval/facts_quotes_styles.py ("plain": as they are), rewritten under
    build/fit_speakers."""
    from facts_quotes_styles import style_text  # noqa: E402 (imports this module's helpers)
    out = []
    for path in sorted(glob.glob(os.path.join(data_dir, split, "text", "*.txt"))):
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(data_dir, split, "attributions", name + "_*.ann")))
        if style == "plain" or not anns:
            out.append((path, path, None))
            continue
        text = open(path, encoding="utf-8").read()
        new_text, where, _ = style_text(text, anns[0], style)
        folder = os.path.join(ROOT, "build", "fit_speakers", split, style)
        os.makedirs(folder, exist_ok=True)
        read = os.path.join(folder, name + ".txt")
        with open(read, "w", encoding="utf-8") as f:
            f.write(new_text)
        out.append((read, path, where))
    return out


_TRACED = {}


def groups(tool, data_dir, split, style="plain", kind=None):
    """Per quote with a known gold name whose speaker mention is of `kind`
    ("pronoun", "role"; None: either): (features per candidate, right per
    candidate, the article's name)."""
    key = (tool, data_dir, split, style)
    if key not in _TRACED:
        _TRACED[key] = traced(tool, data_dir, split, style)
    return [g[:3] for g in _TRACED[key] if kind in (None, g[3])]


def traced(tool, data_dir, split, style):
    """groups' quotes, each with its mention's kind as a fourth field."""
    texts = styled_texts(data_dir, split, style)
    out = []
    for i in range(0, len(texts), 100):
        batch = texts[i:i + 100]
        res = subprocess.run([tool, "speakers"] + [t[0] for t in batch], capture_output=True,
                             text=True, check=True).stdout
        origin = {t[0]: t for t in batch}
        path, c, gold, quotes = None, None, None, {}

        def flush():
            for (qa, _, kind), cands in quotes.items():
                g = [q for q in gold or [] if q[0] - 2 <= c[qa] < q[1]]
                if g and g[0][2]:
                    out.append(([f for _, f in cands],
                                [bool(name_words(n) & g[0][2]) for n, _ in cands],
                                os.path.basename(path)[:-4], kind))
        for line in res.splitlines():
            if line.startswith("# "):
                if path:
                    flush()
                path, original, where = origin[line[2:]]
                c = char_offsets(open(path, "rb").read())
                if where:
                    c = [where[k] for k in c]
                gold = gold_quotes(original, data_dir, split)
                quotes = {}
                continue
            parts = line.split("\t")
            key = (int(parts[0]), int(parts[1]), parts[2])
            quotes.setdefault(key, []).append((parts[3], [float(v) for v in parts[4:]]))
        if path:
            flush()
    return out


def accuracy(w, data):
    """Share of the quotes whose best-scored candidate is right."""
    ok = 0
    for X, y, _ in data:
        scores = [sum(a * b for a, b in zip(w, x)) for x in X]
        ok += y[max(range(len(X)), key=lambda k: scores[k])]
    return ok / len(data) if data else 0.0


def fit(data, l2=0.01, rate=1.0, steps=600):
    """Conditional logit by gradient ascent on the mean log-likelihood."""
    n = len(next(X for X, _, _ in data if X)[0])
    w = [0.0] * n
    usable = [(X, y) for X, y, _ in data if any(y)]
    for _ in range(steps):
        grad = [-l2 * v for v in w]
        for X, y in usable:
            scores = [sum(a * b for a, b in zip(w, x)) for x in X]
            m = max(scores)
            e = [math.exp(s - m) for s in scores]
            z = sum(e)
            right = sum(v for v, r in zip(e, y) if r)
            for x, v, r in zip(X, e, y):
                diff = ((v / right) if r else 0.0) - v / z  # P(k | right) - P(k)
                if diff:
                    for j, xj in enumerate(x):
                        if xj:
                            grad[j] += diff * xj / len(usable)
        w = [v + rate * g for v, g in zip(w, grad)]
    return w


def pasted(path="src/facts/speakers.c", array="pronoun_weights[F_N]"):
    """The weights now in a source file's `static const double ARRAY = {...}`."""
    src = open(os.path.join(ROOT, path), encoding="utf-8").read()
    body = src.split("static const double %s = {" % array, 1)[1].split("};", 1)[0]
    return [float(v) for v in body.replace("\n", " ").split(",") if v.strip()]


def models(tool, data_dir, styles, keep=lambda name: True):
    """(kind, speakers.c's array, note, styles fitted on, weights) of the
    pronoun model (fitted on plain train) and the role model (on the role
    mentions of train in `styles`), weights None when no train quote;
    keep(article name): whether an article is fitted on."""
    out = []
    for kind, array, note, fitted_on in (
            ("pronoun", "pronoun_weights[F_N]", "refit, not pasted: speakers.c keeps main's", ["plain"]),
            ("role", "role_weights[F_N]", "paste into src/facts/speakers.c", styles)):
        data = [g for s in fitted_on for g in groups(tool, data_dir, "train", s, kind) if keep(g[2])]
        out.append((kind, array, note, fitted_on, fit(data) if data else None))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "../shared/datasets/quotes/polnear"))
    ap.add_argument("--styles", default="plain,roles",
                    help="styles of eval/facts_quotes_styles.py whose role mentions the role "
                         "model is fitted on (train) and reported on one by one (dev); pronouns "
                         "are fitted on plain; a style that renames persons cannot be scored")
    args = ap.parse_args()
    subprocess.run(["make", "-s", "-C", ROOT, "build/facts-features"], check=True)
    tool = os.path.join(ROOT, "build/facts-features")
    styles = args.styles.split(",")
    for kind, array, note, fitted_on, w in models(tool, args.data, styles):
        if w is None:
            print("%s: no train quotes in styles %s, nothing fitted" % (kind, ",".join(fitted_on)))
            continue
        print("%s weights (%s, %s):" % (kind, note, array))
        print("    " + ", ".join("%.3f" % v for v in w) + ",")
        for name, v in zip(FEATURES, w):
            print("  %-14s %+.3f" % (name, v))
        recent = [1] + [0] * (len(w) - 1)
        for s in styles:
            train, dev = (groups(tool, args.data, split, s, kind) for split in ("train", "dev"))
            reach = sum(any(y) for _, y, _ in train) / max(len(train), 1)
            print("%s, %s: quotes: train %d, dev %d; right name among the candidates: train %.3f"
                  % (kind, s, len(train), len(dev), reach))
            rows = [("fitted weights", w), ("speakers.c's weights", pasted(array=array)),
                    ("most recent person (the rule it replaced)", recent)]
            if kind == "role":
                rows.append(("the pronoun weights (main's, one model for both)",
                             pasted(array="pronoun_weights[F_N]")))
            for label, v in rows:
                print("%s, %s: top candidate right, %s: train %.3f dev %.3f"
                      % (kind, s, label, accuracy(v, train), accuracy(v, dev)))


if __name__ == "__main__":
    main()
