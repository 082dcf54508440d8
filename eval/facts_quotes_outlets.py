"""PolNeAR quotes leave one outlet out: how the quotes and their speakers hold
on an outlet whose articles the speaker chooser was not fitted on, the
nearest stand-in the data gives for unseen articles (docs/eval.md, "Quotes
by outlet").

For each of the seven outlets (metadata.tsv's publisher), the two choosers
of src/facts/speakers.c (pronouns, roles) are refitted as eval/fit_speakers.py
fits them (pronouns on plain train, roles on train's role mentions in the
plain and roles styles) on the PolNeAR train articles of the other six, and
the outlet's train and dev articles are read with those weights
(build/facts-features quotes P R ...), then scored as
eval/facts_quotes.py scores dev. The same articles read with the shipped
weights (fitted on all of train, the outlet's own train articles included)
are printed beside them: the gap is what fitting on an outlet's style buys
the chooser there. The quote-finding rules are not refitted per fold (they
are hand rules chosen on all of train), so F1 here is by outlet, not held
out from the rules; dev (month 11) is."""
import glob
import os
import subprocess

from facts_quotes import add, article_counts, by_outlet_line, outlets, summary
from fit_speakers import accuracy, groups, models

ROLE_STYLES = ["plain", "roles"]  # as eval/fit_speakers.py fits the role model
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def read_quotes(tool, weights, paths, batch=100):
    """Per path, its quotes as the `quotes` mode of facts-features gives them,
    with `weights` (pronoun, role; None: the fitted ones)."""
    out = {}
    args = [",".join("%.6f" % v for v in w) if w else "-" for w in weights or (None, None)]
    for i in range(0, len(paths), batch):
        res = subprocess.run([tool, "quotes"] + args + paths[i:i + batch], capture_output=True,
                             text=True, check=True).stdout
        path = None
        for line in res.splitlines():
            if line.startswith("# "):
                path = line[2:]
                out[path] = []
                continue
            a, b, sa, sb, speaker = line.split("\t")
            q = {"span": (int(a), int(b)), "speaker": speaker}
            if int(sb) > int(sa):
                q["speaker_span"] = (int(sa), int(sb))
            out[path].append(q)
    return out


def counts(tool, weights, data_dir, split, names):
    """Summed article counts of the named articles of one split."""
    paths = [p for p in sorted(glob.glob(os.path.join(data_dir, split, "text", "*.txt")))
             if os.path.basename(p)[:-4] in names]
    total = {}
    for path, quotes in read_quotes(tool, weights, paths).items():
        n = article_counts(path, data_dir, split, quotes)
        if n:
            add(total, n)
    return total


def evaluate(binary, data_dir):
    """`binary`: the storyline binary; facts-features is made beside it."""
    tool = os.path.join(os.path.dirname(os.path.abspath(binary)), "facts-features")
    build = os.path.relpath(os.path.dirname(tool), os.path.abspath(ROOT))
    subprocess.run(["make", "-s", "-C", ROOT, "BUILD=" + build, os.path.join(build, "facts-features")],
                   check=True)
    outlet_of = outlets(data_dir)
    held_kinds = [(kind, groups(tool, data_dir, "train", "plain", kind) +
                   groups(tool, data_dir, "dev", "plain", kind)) for kind in ("pronoun", "role")]
    train = groups(tool, data_dir, "train")
    loo, shipped, chooser_ok, chooser_n, worst = {}, {}, 0, 0, 1.0
    print("leave one outlet out (chooser refitted without the outlet; its train + dev articles):")
    for outlet in sorted(set(outlet_of[g[2]] for g in train)):
        names = {n for n, o in outlet_of.items() if o == outlet}
        w = [m[4] for m in models(tool, data_dir, ROLE_STYLES, lambda name: name not in names)]
        fold_ok, fold_n = 0.0, 0
        for (_, held), wk in zip(held_kinds, w):
            held = [g for g in held if g[2] in names]
            fold_ok += accuracy(wk, held) * len(held) if wk else 0.0
            fold_n += len(held)
        chooser_ok += fold_ok
        chooser_n += fold_n
        n_loo, n_shipped = {}, {}
        for split in ("train", "dev"):
            add(n_loo, counts(tool, w, data_dir, split, names))
            add(n_shipped, counts(tool, None, data_dir, split, names))
        add(loo, n_loo)
        add(shipped, n_shipped)
        worst = min(worst, summary(n_loo)["named"])
        print(by_outlet_line(outlet, n_loo) + "  (chooser fitted on it: named %.3f; "
              "chooser top right %.3f of %d)" % (summary(n_shipped)["named"],
                                                 fold_ok / fold_n if fold_n else 0.0, fold_n))
    v, s = summary(loo), summary(shipped)
    print("all outlets, left out: F1 %.3f speaker %.3f named %.3f right %.3f; chooser fitted on "
          "all train: named %.3f; chooser top candidate right, left out: %.3f"
          % (v["f03"], v["mention"], v["named"], v["right"], s["named"],
             chooser_ok / chooser_n if chooser_n else 0.0))
    return {"quotes_polnear_outlets_f1_03": v["f03"],
            "quotes_polnear_outlets_speaker": v["mention"],
            "quotes_polnear_outlets_speaker_named": v["named"],
            "quotes_polnear_outlets_speaker_right": v["right"],
            "quotes_polnear_outlets_named_worst": worst}
