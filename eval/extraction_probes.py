#!/usr/bin/python3
"""extraction_probes.py - the block model's fit, varied, each variant judged as
eval/fit_extraction.py judges the shipped one (twelfth round, docs/extraction.md).

    /usr/bin/python3 eval/extraction_probes.py [--data ../shared/datasets/extraction]

For each variant of the fit (the label's shingle share, the trees' smallest
leaf, subsampling): the 5-fold out-of-fold article F1 within the WCXB even
ids at the shipped thresholds (what a variant is chosen by), then fitted on
all of them, the odd ids' article and all-pages F1 and Zyte's F1 (held out).
Uses fit_extraction.py's dump, labels and join; about 2.5 minutes a variant.
"""
import argparse

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

import fit_extraction as fx

VARIANTS = (("shipped", {}), ("label share >= 0.4", {"label": 0.4}), ("label share >= 0.6", {"label": 0.6}),
            ("20 blocks a leaf at least", {"min_samples_leaf": 20}), ("subsample 0.8", {"subsample": 0.8}))


def fitter(label=0.5, **trees):
    """fit_extraction.fit with another label threshold or tree options."""
    def fit(pages):
        pages = [p for p in pages if len(p["y"])]
        X = np.vstack([p["X"] for p in pages])
        y = np.concatenate([p["y"] for p in pages]) >= label
        w = np.concatenate([p["ntok"] / max(1.0, p["ntok"].sum()) for p in pages])
        model = GradientBoostingClassifier(n_estimators=fx.TREES, max_depth=fx.DEPTH, learning_rate=fx.RATE,
                                           random_state=0, **trees)
        model.fit(X.astype(np.float32), y, sample_weight=w * len(pages))
        return model
    return fit


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--build", default="build")
    a = ap.parse_args()
    tool, cache = fx.fresh_dump(a.build, "extraction-probes")
    wcxb, zyte = fx.load_set("wcxb", a.data, tool, cache), fx.load_set("zyte", a.data, tool, cache)
    even = [p for p in wcxb if p["kind"] == "article" and p["even"]]
    odd = [p for p in wcxb if not p["even"]]
    kw, ko = fx.KEEP_WRITTEN[-1], fx.KEEP_OTHER[-1]
    for name, options in VARIANTS:
        fit = fitter(**options)
        oof = [None] * len(even)
        for k in range(5):
            model = fit([p for i, p in enumerate(even) if i % 5 != k])
            fold = [i for i in range(len(even)) if i % 5 == k]
            for i, s in zip(fold, fx.decisions([even[i] for i in fold], model)):
                oof[i] = s
        cv = fx.score("wcxb", even, [np.where(p["written"], s > kw, s > ko) for p, s in zip(even, oof)])
        model = fit(even)
        o = fx.score("wcxb", odd, fx.keeps(odd, model, kw, ko))
        z = fx.score("zyte", zyte, fx.keeps(zyte, model, kw, ko))
        print("%-26s even CV %.4f | held out: odd articles %.4f, odd all pages %.4f, Zyte %.4f"
              % (name, cv["article_f1"], o["article_f1"], o["f1"], z["f1"]), flush=True)


if __name__ == "__main__":
    main()
