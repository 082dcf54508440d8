#!/usr/bin/python3
"""fit_titles.py - fits the HTML extractor's title choice (src/ingest/titles.c).

    /usr/bin/python3 eval/fit_titles.py [--data ../shared/datasets/extraction] [--cv] [--write]

Dumps every WCXB dev page's title candidates with their features
(build/extraction-features --titles: the headline meta.c picked, the first
<h1>, <title> and og:title whole and cut at their first and last separator,
twitter:title), labels a candidate right when it equals the gold title as
eval/extraction.py compares them, and fits a logistic regression
(scikit-learn) over the candidates; a page's title is its best-scored
candidate. Fitted on the pages of even id, reported on the odd ones (held
out), and the reverse fit too. --cv prints the 5-fold cross-validated
accuracy within the even ids alone (three shuffles; what features are
chosen by, the odd ids unread). --write puts the even-id model into
src/ingest/titles.c between its MODEL markers.
"""
import argparse
import gzip
import importlib.util
import json
import os
import subprocess

import numpy as np
from sklearn.linear_model import LogisticRegression

from model_source import replace_model, wrap

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ex", os.path.join(HERE, "extraction.py"))
ex = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ex)

CHUNK = 200
# Regularisation: C = 0.1 / 1 / 10 gave 0.779 / 0.781 / 0.781 on the even
# ids it was fitted on (0.788 / 0.791 / 0.791 on the odd ones) in a first
# run with the same features; with the site's-name features, even CV
# (--cv) C = 0.3 / 1 / 3: 0.8090 / 0.8090 / 0.8115.
C = 3.0


def dump(tool, paths):
    pages = []
    for i in range(0, len(paths), CHUNK):
        proc = subprocess.run([tool, "--titles"] + paths[i:i + CHUNK], capture_output=True, text=True, check=True)
        pages += [json.loads(line) for line in proc.stdout.split("\n") if line]
    return pages


def load(root, tool):
    """[(id, gold title, [(text, features)])] for the pages with a gold title."""
    meta = json.load(open(os.path.join(root, "metadata.dev.json")))["files"]
    ids = sorted(meta)
    golds = {}
    for i in ids:
        gt = json.load(gzip.open(os.path.join(root, "dev", "ground-truth", i + ".json.gz")))
        golds[i] = gt["ground_truth"].get("title")
    ids = [i for i in ids if golds[i]]
    pages = dump(tool, [os.path.join(root, "dev", "html", i + ".html.gz") for i in ids])
    return [(i, golds[i], [(c["text"], c["x"]) for c in p["titles"] if c]) for i, p in zip(ids, pages)]


def half(i):
    return "odd" if int(i) % 2 else "even"


def fit(pages):
    X = [x for _, _, cands in pages for _, x in cands]
    y = [ex.fold(t) == ex.fold(g) for _, g, cands in pages for t, _ in cands]
    return LogisticRegression(C=C, max_iter=5000).fit(np.array(X), np.array(y))


def accuracy(model, pages):
    """Share of pages whose best-scored candidate is the gold title (ties to
    the first, as titles.c); a page without candidates counts as wrong."""
    right = 0
    for _, gold, cands in pages:
        if cands:
            scores = model.decision_function(np.array([x for _, x in cands]))
            right += ex.fold(cands[int(np.argmax(scores))][0]) == ex.fold(gold)
    return right / len(pages)


def cross_validate(pages, folds=5, shuffles=3, fitter=None):
    """Mean out-of-fold accuracy over `shuffles` shuffles of `pages`, each
    fold's model fitted by `fitter` (default fit)."""
    fitter = fitter or fit
    scores = []
    for seed in range(shuffles):
        order = np.random.RandomState(seed).permutation(len(pages))
        parts = [[pages[j] for j in order[k::folds]] for k in range(folds)]
        for k in range(folds):
            rest = [p for j in range(folds) if j != k for p in parts[j]]
            scores.append(accuracy(fitter(rest), parts[k]))
    return float(np.mean(scores))


def write_model(model, path):
    replace_model(path, ["static const double title_bias = %.6g;" % model.intercept_[0],
                         "static const double title_weights[SL_TITLE_FEATURES] = {"] +
                  wrap("%.6g" % w for w in model.coef_[0]) + ["};"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--build", default="build")
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation within the even ids only")
    ap.add_argument("--write", action="store_true", help="write the even-id model into titles.c")
    a = ap.parse_args()
    tool = os.path.join(a.build, "extraction-features")
    subprocess.run(["make", "-s", "BUILD=" + a.build, tool], check=True)
    pages = load(os.path.join(a.data, "wcxb"), tool)
    sets = {h: [p for p in pages if half(p[0]) == h] for h in ("even", "odd")}
    if a.cv:
        print("even ids, 5-fold cross-validated accuracy: %.4f" % cross_validate(sets["even"]))
        return
    models = {}
    for train, test in (("even", "odd"), ("odd", "even")):
        models[train] = fit(sets[train])
        print("fitted on %-4s ids: tuned %.4f, held out (%s ids) %.4f"
              % (train, accuracy(models[train], sets[train]), test, accuracy(models[train], sets[test])))
        print("SCORE extraction_fit_titles_%s_heldout_accuracy %.4f" % (train, accuracy(models[train], sets[test])))
    if a.write:
        write_model(models["even"], os.path.join(HERE, "..", "src", "ingest", "titles.c"))
        print("the model fitted on the even ids written to src/ingest/titles.c")


if __name__ == "__main__":
    main()
