"""A learned keep decision over ECB+ person and place names from what the
whole article says of each name (issue 18, names7; an experiment, not in
the library): features of every mention of the name, fitted on topics
1-20 by logistic regression, the threshold read on 1-20, reported on
21-35. Recall and precision are the scorer's (facts_entities.measure) with
the predictions below the threshold taken out. With --given, also the
rule "a person of two or more words by its shape alone (no role, no verb
of speech or he/she after it, its last word never alone) none of whose
words but the last is a given name is no person", the given names read
from two Debian packages: the 1990 US census lists of libtext-names-perl
and the first names of python3-fake-factory's Latin-script locales.
Usage: /usr/bin/python3 eval/fit_names_chain.py --bin B --db D --data DATASETS [--given]"""
import ast
import glob
import argparse
import collections
import math
import os
import sys
import tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import facts_entities as fe  # noqa: E402
from facts_common import char_offsets, extract, make_store  # noqa: E402

TEXT_NAMES = "/usr/share/perl5/Text/Names.pm"
FAKER_PERSONS = "/usr/lib/python3/dist-packages/faker/providers/person/*/__init__.py"
GIVEN = set()


def census_names():
    """The census's common first names, as Text::Names holds them."""
    text = open(TEXT_NAMES, encoding="latin-1").read()
    out = set()
    for tag in ("COMMON_MALE_FIRSTNAMES", "COMMON_FEMALE_FIRSTNAMES"):
        i = text.index("$%s = <<ENDNAMES;" % tag)
        j = text.index("\nENDNAMES", i)
        out |= {line.split()[0].lower() for line in text[i:j].split("\n")[1:] if line.strip()}
    return out


def faker_names():
    """First names of faker's locales written in Latin letters."""
    out = set()
    for path in glob.glob(FAKER_PERSONS):
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read())):
            if not isinstance(node, ast.Assign) or not any(
                    isinstance(t, ast.Name) and t.id.startswith("first_name") for t in node.targets):
                continue
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            out |= {x.lower() for x in value if isinstance(x, str) and x.isalpha() and
                    all(ord(c) < 0x250 for c in x)}
    return out


PERSONAL = {"he", "she", "his", "her", "him", "who", "himself", "herself"}
NEUTER = {"it", "its"}
POSSESSIVE = ("'s", "'", "\u2019s")
SPEECH = ("said", "says", "told", "added")
QUOTES = ("``", '"', "\u201c", "\u2018", "'")


def after(text, b, n):
    return text[b:].split("\n")[0].split()[:n]


def before(text, a, n):
    return text[:a].split("\n")[-1].split()[-n:]


def lower_words(text):
    """Words the text writes in lower case, web addresses left out."""
    body = [line for line in text.split("\n") if "http" not in line and "/" not in line]
    return {w for line in body for w in line.split() if w.islower()}


def features(text, words_lower, name, mentions):
    """What the article says of a name, over all its mentions [(a, b, entity)]."""
    words = name.split()
    ends = [([w.lower() for w in after(text, b, 6)], [w.lower() for w in before(text, a, 2)])
            for a, b, _ in mentions]
    alone = lambda w: text.count(" " + w + " ") > text.count(" ".join(words))  # noqa: E731
    return {
        "words": min(len(words), 4),
        "log_mentions": math.log(len(mentions)),
        "he_she_after": any(any(w in PERSONAL for w in a) for a, _ in ends),
        "it_after": any(any(w in NEUTER for w in a[:4]) for a, _ in ends),
        "quoted": any(b and b[-1] in QUOTES for _, b in ends),
        "after_the": any(b and b[-1] == "the" for _, b in ends),
        "after_preposition": any(b and b[-1] in ("with", "for", "from", "at", "to", "by")
                                 for _, b in ends),
        "speech_after": any(a and a[0] in SPEECH for a, _ in ends),
        "possessive": any(a and a[0] in POSSESSIVE for a, _ in ends),
        "plural_verb_after": any(a and a[0] in ("are", "were", "have") for a, _ in ends),
        "lower_word_after": any(a and a[0][:1].islower() and a[0] not in SPEECH for a, _ in ends),
        "a_word_lower_elsewhere": any(w.lower() in words_lower for w in words),
        "all_words_lower_elsewhere": all(w.lower() in words_lower for w in words),
        "last_word_alone": len(words) >= 2 and alone(words[-1]),
        "first_word_alone": len(words) >= 2 and alone(words[0]),
        "person": mentions[0][2]["type"] == "person",
        "role": any(e["role"] for _, _, e in mentions),
        "opens_line": sum(1 for _, b in ends if not b) / len(ends),
        "capitals": name.isupper(),
        "given": any(w.lower().strip(".") in GIVEN for w in words[:-1]),
    }


def rows(binary, db, data, topics):
    """Per document: text, gold names, scored sentences, and the predicted
    persons and places in scored sentences with their features."""
    base = os.path.join(data, "clustering/ecbplus")
    docs = fe.load_topics(base, fe.annotated_sentences(base), topics)
    make_store(binary, db)
    with tempfile.TemporaryDirectory() as tmp:
        preds = extract(binary, db, fe.write_docs(docs, tmp))
    out = []
    for (text, gold, scored), facts in zip(docs, preds):
        c = char_offsets(text.encode("utf-8"))
        chains = collections.defaultdict(list)
        for e in facts["entities"]:
            if e["type"] in ("person", "place"):
                chains[e["name"]].append((c[e["span"][0]], c[e["span"][1]], e))
        low = lower_words(text)
        names = [g for g in gold if fe.gold_type(g[3])]
        kept = []
        for name, mentions in chains.items():
            f = features(text, low, name, mentions)
            for a, b, _ in mentions:
                if any(x <= a < y for x, y in scored):
                    kept.append((a, b, f, any(a < g[1] and g[0] < b for g in names)))
        out.append((names, kept))
    return out


def measure(docs, keep):
    """Precision and recall of the predictions `keep` lets through."""
    right = predicted = found = total = 0
    for names, preds in docs:
        on = [p for p in preds if keep(p[2])]
        predicted += len(on)
        right += sum(p[3] for p in on)
        total += sum(1 for g in names if g[2])
        found += sum(1 for g in names if g[2] and any(p[0] < g[1] and g[0] < p[1] for p in on))
    p, r = right / max(predicted, 1), found / max(total, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--given", action="store_true", help="the given-name rule too")
    args = ap.parse_args()
    if args.given:
        GIVEN.update(census_names() | faker_names())
    tuned = rows(args.bin, args.db, args.data, fe.TUNED_TOPICS)
    held = rows(args.bin, args.db, args.data, fe.HELD_OUT_TOPICS)
    keys = [k for k in sorted(tuned[0][1][0][2]) if args.given or k != "given"]
    vec = lambda f: [float(f[k]) for k in keys]  # noqa: E731
    X = np.array([vec(p[2]) for _, preds in tuned for p in preds])
    y = np.array([p[3] for _, preds in tuned for p in preds])
    model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
    for k, w in sorted(zip(keys, model.coef_[0]), key=lambda kw: -abs(kw[1])):
        print("weight %-26s %+.2f" % (k, w))
    print("threshold  tuned 1-20 P / R (F1)  held out 21-35 P / R (F1)")
    for th in (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7):
        keep = lambda f: model.predict_proba([vec(f)])[0, 1] >= th  # noqa: E731
        print("%.2f  %.3f / %.3f (%.3f)  %.3f / %.3f (%.3f)" % ((th,) + measure(tuned, keep) +
                                                             measure(held, keep)))
    if args.given:
        print("given names: %d" % len(GIVEN))
        for label, rule in (("no given name", lambda f: f["words"] >= 2 and not f["given"]),
                            ("no given name, last word never alone",
                             lambda f: f["words"] >= 2 and not f["given"] and
                             not f["last_word_alone"])):
            drop = lambda f: (f["person"] and not f["role"] and not f["speech_after"] and  # noqa: E731
                              not f["he_she_after"] and rule(f))
            keep = lambda f: not drop(f)  # noqa: E731
            print("%s: tuned %.3f / %.3f (%.3f), held out %.3f / %.3f (%.3f)" %
                  ((label,) + measure(tuned, keep) + measure(held, keep)))


if __name__ == "__main__":
    main()
