#!/usr/bin/python3
"""title_probes.py - features and fits tried for the HTML extractor's title
choice (src/ingest/titles.c) and not kept: the figures of docs/eval.md, issue
18 third title session, and of docs/extraction.md, "Titles, eleventh round",
rerun.

    /usr/bin/python3 eval/title_probes.py [--data ../shared/datasets/extraction] [--only TEXT]

Takes fit_titles.py's candidates (build/extraction-features --titles) and, per
probe, adds features read from the page's HTML with lxml (Debian
python3-lxml) or fits otherwise, then prints what fit_titles.py prints: the
5-fold cross-validated accuracy within the even ids (what a probe is chosen
by), the model fitted on the even ids (in sample, and on the odd ids held
out) and the one fitted on the odd ids (on the even ids held out). First,
the shipped model of titles.c over the same candidates, and the pages the
extractor rejects (`storyline extract` reports no title for them, so
eval/extraction.py counts them wrong where this join does not). The
thirty-fourth round's (docs/extraction.md, "Thirty-fourth round: titles"):
a candidate's place against the body, the JSON-LD headline, a slogan's
marks, and tree ensembles in place of the logistic regression. The
thirty-seventh round's ("Thirty-seventh round: titles"): the first <h1>
in a hero, a logo, led by a label, followed by a subtitle.
"""
import argparse
import collections
import gzip
import importlib.util
import json
import math
import os
import re
import subprocess
from urllib.parse import urlparse

import numpy as np
from lxml import html as lxml_html
from scipy.optimize import minimize
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fit_titles", os.path.join(HERE, "fit_titles.py"))
ft = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ft)
ex = ft.ex

SOURCES = 9              # SL_TITLE_SOURCES (htmltree.h): the first features are the source, one-hot
HEADLINES = (0, 1)       # SL_TITLE_PICKED, SL_TITLE_H1
HEADS = (3, 4, 6, 7)     # <title> and og:title before their first / last separator
IS_SITE = SOURCES + 11 + 2 * 4 + 1   # titles.c's "the candidate is the site's name"
SEPARATORS = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00bb ", " \u00b7 ")   # titles.c's
PAGE_TYPES = ("article", "service", "listing", "forum", "documentation", "product", "collection")
WORD = re.compile(r"\w+")
SLUG_WORD = re.compile(r"[a-z0-9]+")
NOT_KEY = re.compile(r"[^0-9a-z]")
FAMILY = (0, 0, 1, 1, 1, 2, 2, 2, 3)   # a source's family: the headline, <title>, og:title, twitter:title
WHOLES = (0, 1, 2, 5, 8)               # the sources that are a family's whole text
YEAR = re.compile(r"\b(19|20)\d\d\b")
TITLE_CLASS = re.compile(r"title|headline|heading", re.I)
PLACED = ("h1", "h2", "h3", "h4", "div", "span", "p", "header", "a", "strong", "b")   # places()' elements
HIDDEN_CLASS = re.compile(r"(^|[\s_-])(sr-only|screen-reader|visually-?hidden|screenreader|offscreen|u-srOnly)", re.I)


def key(s):
    return " ".join(ex.fold(s).split())


def hidden(e):
    """Whether an element or one of its two parents is visually hidden."""
    for a in [e] + list(e.iterancestors())[:2]:
        if HIDDEN_CLASS.search((a.get("class") or "") + " " + (a.get("id") or "")) or a.get("hidden") is not None \
                or a.get("aria-hidden") == "true" or re.search(r"display\s*:\s*none", a.get("style") or ""):
            return True
    return False


def page_facts(path):
    """What the probes read of a page: its visible text, its h1-h3 texts,
    JSON-LD headlines and names, og:url / canonical, and the texts of elements
    whose class or id names a title, headline or heading; the text of the
    first <h1> when it is visually hidden."""
    doc = lxml_html.fromstring(gzip.open(path).read())
    h1s = doc.xpath("//h1")
    hidden_h1 = key(h1s[0].text_content()) if h1s and hidden(h1s[0]) else None
    url = (doc.xpath("//meta[@property='og:url']/@content") + doc.xpath("//link[@rel='canonical']/@href") + [""])[0]
    ld = []
    for s in doc.xpath("//script[@type='application/ld+json']"):
        for name in ("headline", "name"):
            ld += [key(v) for v in re.findall(r'"%s"\s*:\s*"((?:[^"\\]|\\.)*)"' % name, s.text_content())]
    ld_headline = ld_headlines(doc)
    for bad in doc.xpath("//script|//style|//noscript|//template|//svg"):
        bad.drop_tree()
    body = doc.find("body")
    named = set()
    for e in doc.iter():
        if isinstance(e.tag, str) and e.tag not in ("html", "head", "body", "title", "meta") and \
                TITLE_CLASS.search((e.get("class") or "") + " " + (e.get("id") or "")):
            named.add(key(e.text_content()))
    return dict({"visible": key(body.text_content()) if body is not None else "", "ld": ld, "url": url,
                 "first_h1": first_h1_facts(h1s[0]) if h1s else {},
                 "heads": {h: [key(e.text_content()) for e in doc.xpath("//" + h)] for h in ("h1", "h2", "h3")},
                 "named": named, "hidden_h1": hidden_h1, "ld_headline": ld_headline}, **places(doc))


HERO_CLASS = re.compile(r"hero|banner|masthead|jumbotron|splash", re.I)
LABEL_CLASS = re.compile(r"label|badge|kicker|eyebrow|tag|category|overline|subtitle|pretitle", re.I)


def first_h1_facts(h):
    """The thirty-seventh round's facts of the first <h1>: in a hero or banner
    (itself or its four parents by class or id), holding a link to the
    site's root (a logo), led by a label (a first child or the element
    before it, of a label's class), and the text of the short element after
    it (a subtitle: an <h2>, <p>, <div> or <span> of 30 words or fewer)."""
    named = lambda e: (e.get("class") or "") + " " + (e.get("id") or "")
    roots = [a for a in h.iter("a") if a.get("href") and urlparse(a.get("href")).path in ("", "/")
             and not urlparse(a.get("href")).fragment and not urlparse(a.get("href")).query]
    kids = [k for k in h if isinstance(k.tag, str)]
    before, after = h.getprevious(), h.getnext()
    label = (len(kids) >= 2 and not (h.text or "").strip() and bool(LABEL_CLASS.search(kids[0].get("class") or ""))) \
        or (before is not None and isinstance(before.tag, str) and len(before.text_content().split()) <= 4
            and bool(LABEL_CLASS.search(before.get("class") or "")))
    sub = after is not None and isinstance(after.tag, str) and after.tag in ("h2", "p", "div", "span") \
        and len(after.text_content().split()) <= 30
    return {"hero": any(HERO_CLASS.search(named(a)) for a in [h] + list(h.iterancestors())[:4]),
            "root_link": bool(roots), "label": label, "sub": key(after.text_content()) if sub else ""}


def ld_headlines(doc):
    """The JSON-LD "headline" values of a page, as keys (read before its
    scripts are dropped)."""
    out = set()
    for s in doc.xpath("//script[@type='application/ld+json']"):
        out |= {key(v) for v in re.findall(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"', s.text_content())}
    return out


def places(doc):
    """Where short texts stand against the body (scripts dropped): the word
    offset, in document order, of the first element of each text of 40
    words or fewer (and whether an <article> or <main> holds it), the offset
    of the first <p> of 25 words or more, and the page's words."""
    words, starts, first_long = 0, {}, None
    for e in doc.iter():
        if not isinstance(e.tag, str):
            continue
        if e.tag in PLACED:
            text = e.text_content()
            if 0 < len(text.split()) <= 40:
                starts.setdefault(key(text), (words, any(a.tag in ("article", "main") for a in e.iterancestors())))
        if e.tag == "p" and first_long is None and len(e.text_content().split()) >= 25:
            first_long = words
        words += len((e.text or "").split()) + len((e.tail or "").split())
    return {"starts": starts, "long": first_long, "total": max(words, 1)}


def source(x):
    return int(np.argmax(x[:SOURCES]))


def words_of(s):
    return set(WORD.findall(ex.fold(s)))


# ---- the probes: page facts and a candidate -> extra features ----------------

def visible(p, cands, k):
    n = p["visible"].count(key(cands[k][0])) if key(cands[k][0]) else 0
    return [n > 0, math.log1p(n)]


def headings(p, cands, k):
    t = key(cands[k][0])
    return [t in p["heads"]["h1"], t in p["heads"]["h2"], t in p["heads"]["h3"]]


def visible_headings_ld(p, cands, k):
    return visible(p, cands, k) + headings(p, cands, k) + [key(cands[k][0]) in p["ld"]]


def url_words(p, cands, k):
    segs = [s for s in urlparse(p["url"]).path.split("/") if s] if p["url"].startswith("http") else []
    if not segs:
        return [0, 0]
    path = set(SLUG_WORD.findall(" ".join(segs).lower()))
    last = SLUG_WORD.findall(re.sub(r"\.(html?|php|aspx?)$", "", segs[-1].lower()))
    cw = SLUG_WORD.findall(cands[k][0].lower())
    in_path = sum(w in path for w in cw) / len(cw) if cw else 0
    return [in_path, sum(w in set(cw) for w in last) / len(last) if last else 0]


def url_depth(p, cands, k):
    depth = len([s for s in urlparse(p["url"]).path.split("/") if s]) if p["url"].startswith("http") else 0
    head, line = source(cands[k][1]) in HEADS, source(cands[k][1]) in HEADLINES
    return [line * (depth == 0), head * (depth == 0), line * min(depth, 4), head * min(depth, 4)]


def word_sets(p, cands, k):
    mine, others = words_of(cands[k][0]), {key(t): words_of(t) for t, _ in cands if key(t) != key(cands[k][0])}
    return [any(w and w < mine for w in others.values()), any(mine and mine < w for w in others.values())]


def letters(s):
    """titles.c's key: letters and digits, case folded."""
    return NOT_KEY.sub("", ex.fold(s))


def families_holding(p, cands, k):
    """Agreement between sources: how many other families' whole texts
    (headline, <title>, og:title, twitter:title) hold the candidate's
    letters, and whether two do."""
    mine, fam = letters(cands[k][0]), FAMILY[source(cands[k][1])]
    held = {FAMILY[source(x)] for t, x in cands if source(x) in WHOLES and mine and mine in letters(t)}
    n = len(held - {fam})
    return [n, n >= 2]


def families_equal(p, cands, k):
    """How many other families give a candidate with the same letters."""
    mine, fam = letters(cands[k][0]), FAMILY[source(cands[k][1])]
    n = len({FAMILY[source(x)] for t, x in cands if letters(t) == mine} - {fam})
    return [n, n >= 2]


def near_twin(p, cands, k):
    """Another candidate has the same letters in another spelling ("Full
    Stack" / "Full-Stack"), on headlines and on the rest apart."""
    twin = any(letters(t) == letters(cands[k][0]) and ex.fold(t) != ex.fold(cands[k][0]) for t, _ in cands)
    return [twin and source(cands[k][1]) in HEADLINES, twin and source(cands[k][1]) not in HEADLINES]


def year_length(p, cands, k):
    picked = [t for t, x in cands if source(x) == 0]
    n, m = len(cands[k][0].split()), len(picked[0].split()) if picked else 0
    return [bool(YEAR.search(cands[k][0])), bool(picked) and n > m, bool(picked) and n < m]


def title_named(p, cands, k):
    hit = key(cands[k][0]) in p["named"]
    return [hit, hit and source(cands[k][1]) not in HEADLINES]


def page_type(p, cands, k):
    s = source(cands[k][1])
    return [(s in group) * (p["type"] == t) for group in (HEADLINES, HEADS) for t in PAGE_TYPES]


def body_place(p, cands, k):
    """Where the candidate's text first stands against the body: found as an
    element's text, within 80 words before the first long paragraph, after
    it, inside an <article> or <main>, and its offset as a share of the
    page's words."""
    at = p["starts"].get(key(cands[k][0]))
    if not at:
        return [0, 0, 0, 0, 0]
    gap = p["long"] - at[0] if p["long"] is not None else None
    return [1, gap is not None and 0 <= gap <= 80, gap is not None and gap < 0, at[1], at[0] / p["total"]]


def ld_headline(p, cands, k):
    """The candidate is the page's JSON-LD headline; the page has one and
    the candidate is not it."""
    hit = key(cands[k][0]) in p["ld_headline"]
    return [hit, bool(p["ld_headline"]) and not hit]


SENTENCE = re.compile(r"[.!?]\s+\S")


def slogan(p, cands, k):
    """A slogan's marks: a sentence ends inside it, it ends in "." or "!", in "?"."""
    t = cands[k][0].strip()
    return [bool(SENTENCE.search(t)), t.endswith((".", "!")), t.endswith("?")]


def first_h1(p, cands, k):
    """The thirty-seventh round's four probes over first_h1_facts, on the
    headline and head candidates: a hero's heading, a logo's, a labelled
    one, and a head holding a word (of four letters or more) of the
    subtitle after the <h1>."""
    f, s = p["first_h1"], source(cands[k][1])
    line, head = s in HEADLINES, s in HEADS
    sub = head and any(w in key(cands[k][0]) for w in f.get("sub", "").split() if len(w) > 3)
    return [line and f.get("hero", False), head and f.get("hero", False), line and f.get("root_link", False),
            line and f.get("label", False), head and f.get("label", False), sub]


# ---- a fit that scores the page, not the candidate ---------------------------

class Scores:
    """A linear model with fit_titles.accuracy's interface."""
    def __init__(self, w, bias=0.0):
        self.w, self.bias = w, bias

    def decision_function(self, X):
        return X @ self.w + self.bias


def fit_softmax(pages):
    """Conditional logit: a softmax over each page's candidates, maximising
    the probability of its right ones, L2 with fit_titles.py's C."""
    data = [(np.array([x for _, x in c]), np.array([ex.fold(t) == ex.fold(g) for t, _ in c]))
            for _, g, c in pages if c]
    data = [(X, y) for X, y in data if y.any()]

    def loss(w):
        total, grad = 0.5 * w @ w / ft.C, w / ft.C
        for X, y in data:
            e = np.exp(X @ w - (X @ w).max())
            total -= math.log(e[y].sum() / e.sum())
            grad = grad - (X[y] * (e[y] / e[y].sum())[:, None]).sum(0) + (X * (e / e.sum())[:, None]).sum(0)
        return total, grad
    return Scores(minimize(loss, np.zeros(data[0][0].shape[1]), jac=True, method="L-BFGS-B").x)


def labelled(pages):
    return [(c, [ex.fold(t) == ex.fold(g) for t, _ in c]) for _, g, c in pages if c]


def fit_pairwise(pages):
    """A pairwise ranker: a logistic regression (no intercept, fit_titles.py's
    C) on the differences of each right and each wrong candidate of a page,
    both ways."""
    D, y = [], []
    for c, right in labelled(pages):
        for (_, a), ra in zip(c, right):
            for (_, b), rb in zip(c, right):
                if ra and not rb:
                    D += [np.subtract(a, b), np.subtract(b, a)]
                    y += [1, 0]
    m = LogisticRegression(C=ft.C, max_iter=5000, fit_intercept=False).fit(np.array(D), np.array(y))
    return Scores(m.coef_[0])


def fit_page_weighted(pages):
    """fit_titles.py's fit with each page weighing one (its candidates
    1 / their number), not each candidate."""
    data = labelled(pages)
    X = [x for c, _ in data for _, x in c]
    y = [r for _, right in data for r in right]
    w = [1.0 / len(c) for c, _ in data for _ in c]
    return LogisticRegression(C=ft.C, max_iter=5000).fit(np.array(X), np.array(y), sample_weight=np.array(w) * len(w) / sum(w))


def fit_standardised(pages):
    """fit_titles.py's fit on standardised features, C = 1."""
    X = [x for _, _, c in pages for _, x in c]
    y = [ex.fold(t) == ex.fold(g) for _, g, c in pages for t, _ in c]
    return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=5000)).fit(np.array(X), np.array(y))


class Probabilities:
    """A classifier's probability of "right" as fit_titles.accuracy's score."""
    def __init__(self, model):
        self.model = model

    def decision_function(self, X):
        return self.model.predict_proba(X)[:, 1]


def fit_trees(factory):
    """fit_titles.py's fit with another classifier over the same features."""
    def fitter(pages):
        X = [x for _, _, c in pages for _, x in c]
        y = [ex.fold(t) == ex.fold(g) for _, g, c in pages for t, _ in c]
        return Probabilities(factory().fit(np.array(X), np.array(y)))
    return fitter


# ---- running them -------------------------------------------------------------

def with_features(pages, facts, probe):
    return [(i, g, [(t, list(x) + [float(v) for v in probe(facts[i], c, k)]) for k, (t, x) in enumerate(c)])
            for i, g, c in pages]


def measure(name, pages, fitter=ft.fit):
    even = [p for p in pages if ft.half(p[0]) == "even"]
    odd = [p for p in pages if ft.half(p[0]) == "odd"]
    on_even, on_odd = fitter(even), fitter(odd)
    print("%-58s even CV %.4f | fitted on even: %.4f, odd held out %.4f | fitted on odd: even held out %.4f"
          % (name, ft.cross_validate(even, fitter=fitter), ft.accuracy(on_even, even), ft.accuracy(on_even, odd),
             ft.accuracy(on_odd, even)), flush=True)


def shipped(pages):
    """The model of titles.c over the candidates, and the pages it would get
    right that the extractor rejects."""
    src = open(os.path.join(HERE, "..", "src", "ingest", "titles.c")).read()
    bias = float(re.search(r"title_bias = ([-0-9.e]+)", src).group(1))
    body = re.search(r"title_weights\[SL_TITLE_FEATURES\] = \{(.*?)\};", src, re.S).group(1)
    model = Scores(np.array([float(v) for v in body.split(",") if v.strip()]), bias)
    for h in ("even", "odd"):
        part = [p for p in pages if ft.half(p[0]) == h]
        print("shipped model (titles.c), %s ids: %.4f of %d pages" % (h, ft.accuracy(model, part), len(part)))
    return model


def rejected(root, pages, model, binary):
    paths = {os.path.join(root, "dev", "html", i + ".html.gz"): (i, g, c) for i, g, c in pages}
    seen = set()
    names = sorted(paths)
    for k in range(0, len(names), ft.CHUNK):
        proc = subprocess.run([binary, "extract", "--json"] + names[k:k + ft.CHUNK], capture_output=True, text=True)
        seen |= {json.loads(line)["input"] for line in proc.stdout.splitlines()}
    for path in names:
        if path not in seen:
            i, g, c = paths[path]
            right = bool(c) and ft.accuracy(model, [(i, g, c)]) == 1
            print("  rejected by the extractor (no title reported): %s (%s ids), the model's title %s"
                  % (i, ft.half(i), "right" if right else "wrong"))


def misses(pages, types):
    """The even ids by WCXB page type: the refit's accuracy, and the share of
    pages with a candidate equal to the gold (the most any choice can get);
    and on the pages where the picked headline and <title> before its first
    separator differ, which of them the gold is."""
    even = [p for p in pages if ft.half(p[0]) == "even"]
    model = ft.fit(even)
    for kind in PAGE_TYPES:
        part = [p for p in even if types[p[0]] == kind]
        reach = sum(any(ex.fold(t) == ex.fold(g) for t, _ in c) for _, g, c in part) / len(part)
        print("  even %-13s %3d pages: right %.3f, a right candidate %.3f"
              % (kind, len(part), ft.accuracy(model, part), reach))
    split = {"headline": 0, "<title> head": 0, "neither": 0}
    for _, g, c in even:
        by = {source(x): t for t, x in c}
        if 0 in by and 3 in by and key(by[0]) != key(by[3]):
            split["headline" if key(by[0]) == key(g) else "<title> head" if key(by[3]) == key(g) else "neither"] += 1
    print("  even pages whose headline and <title> head differ, the gold is: %s" % split)
    held = collections.Counter()
    for _, g, c in even:
        by = {source(x): t for t, x in c}
        if 0 in by and 3 in by and key(by[0]) != key(by[3]):
            a, b = words_of(by[0]), words_of(by[3])
            held["head's words in the headline's" if b < a else "headline's words in the head's" if a < b else
                 "neither holds the other's", "headline" if key(by[0]) == key(g) else
                 "<title> head" if key(by[3]) == key(g) else "neither"] += 1
    print("  the same pages by whose words hold the other's (the longer one more specific), the gold is: %s"
          % sorted(held.items()))
    tails = {"the part after it": 0, "another": 0}
    for _, g, c in even:
        by = {source(x): (t, x) for t, x in c}
        cuts = sorted((by[2][0].find(s), s) for s in SEPARATORS if by[2][0].find(s) > 0) if 2 in by else []
        if cuts and 3 in by and by[3][1][IS_SITE]:
            tail = by[2][0][cuts[0][0] + len(cuts[0][1]):]
            tails["the part after it" if key(tail) == key(g) else "another"] += 1
    print("  even pages whose <title> head is the site's name, the gold is: %s" % tails)
    agree = collections.Counter()
    for _, g, c in even:
        by = {}
        for t, x in c:
            by.setdefault(source(x), key(t))
        if by.get(0) and by.get(3) and by[0] != by[3]:
            og = "no og:title" if 6 not in by else "og = <title> head" if by[6] == by[3] else \
                 "og = headline" if by[6] == by[0] else "og other"
            agree[og, "headline" if key(g) == by[0] else "<title> head" if key(g) == by[3] else "neither"] += 1
    print("  even pages whose headline and <title> head differ, by og:title's head, the gold is: %s"
          % sorted(agree.items()))
    print("  even misses with a right candidate, by cause: %s" % causes(even, model).most_common())


def causes(pages, model):
    """The misses of `model` that had a right candidate, by how the chosen
    title and the gold differ."""
    out = collections.Counter()
    for _, g, c in pages:
        if not c:
            continue
        t, x = c[int(np.argmax(model.decision_function(np.array([x for _, x in c]))))]
        mine, gold = ex.fold(t), ex.fold(g)
        if mine == gold or not any(ex.fold(u) == gold for u, _ in c):
            continue
        out["the same letters spelled otherwise" if letters(t) == letters(g) else
            "the choice keeps a tail the gold drops" if mine.startswith(gold) else
            "the gold keeps a tail the choice drops" if gold.startswith(mine) else
            "the gold inside the choice" if gold in mine else
            "the choice inside the gold" if mine in gold else
            "a headline chosen, the gold worded otherwise" if source(x) in HEADLINES else
            "another candidate chosen, the gold worded otherwise"] += 1
    return out


PROBES = (
    ("in the visible text (flag, log count)", visible),
    ("equal to an h1 / h2 / h3 text", headings),
    ("visible, h1-h3, a JSON-LD headline or name", visible_headings_ld),
    ("URL path words in the candidate and back", url_words),
    ("URL path depth and root, on headlines and heads", url_depth),
    ("word sets: holds / is held by another candidate's", word_sets),
    ("a year; more / fewer words than the picked headline", year_length),
    ("an element whose class or id names a title shows it", title_named),
    ("WCXB's page type on headlines and heads (oracle)", page_type),
    ("other families whose whole text holds it", families_holding),
    ("other families with the same letters", families_equal),
    ("a twin in another spelling", near_twin),
    ("the three above", lambda p, c, k: families_holding(p, c, k) + families_equal(p, c, k) + near_twin(p, c, k)),
    ("its place against the body (five features)", body_place),
    ("its place: found, before the body, after it", lambda p, c, k: body_place(p, c, k)[:3]),
    ("inside <article> or <main>, found", lambda p, c, k: body_place(p, c, k)[3:4] + body_place(p, c, k)[:1]),
    ("the JSON-LD headline; another when the page has one", ld_headline),
    ("a slogan's marks", slogan),
    ("first <h1>: in a hero or banner", lambda p, c, k: first_h1(p, c, k)[0:2]),
    ("first <h1>: a link to the site's root (a logo)", lambda p, c, k: first_h1(p, c, k)[2:3]),
    ("first <h1>: led by a label", lambda p, c, k: first_h1(p, c, k)[3:5]),
    ("first <h1>: a subtitle after it that the head holds", lambda p, c, k: first_h1(p, c, k)[5:6]),
)
TREES = (
    ("gradient-boosted trees, depth 2, 100", lambda: GradientBoostingClassifier(max_depth=2, random_state=0)),
    ("gradient-boosted trees, depth 3, 100", lambda: GradientBoostingClassifier(max_depth=3, random_state=0)),
    ("a random forest, 200 trees, leaves of 5",
     lambda: RandomForestClassifier(n_estimators=200, min_samples_leaf=5, random_state=0)),
)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--build", default="build")
    ap.add_argument("--only", default="", help="only the feature probes whose name holds this text "
                    "(the other fits and the trees skipped)")
    a = ap.parse_args()
    tool = os.path.join(a.build, "extraction-features")
    subprocess.run(["make", "-s", "BUILD=" + a.build, tool, os.path.join(a.build, "storyline")], check=True)
    root = os.path.join(a.data, "wcxb")
    pages = ft.load(root, tool)
    rejected(root, pages, shipped(pages), os.path.join(a.build, "storyline"))
    meta = json.load(open(os.path.join(root, "metadata.dev.json")))["files"]
    misses(pages, {i: meta[i]["page_type"] for i in meta})
    facts = {i: dict(page_facts(os.path.join(root, "dev", "html", i + ".html.gz")), type=meta[i]["page_type"])
             for i, _, _ in pages}
    golds = {i: key(g) for i, g, _ in pages}
    seen = [i for i in facts if ft.half(i) == "even" and facts[i]["hidden_h1"] is not None]
    print("  even pages whose first <h1> is visually hidden: %d, the gold on %d"
          % (len(seen), sum(facts[i]["hidden_h1"] == golds[i] for i in seen)))
    measure("the shipped features (fit_titles.py)", pages)
    fits = (("softmax over a page's candidates", fit_softmax), ("pairwise ranker (right minus wrong)", fit_pairwise),
            ("each page weighing one", fit_page_weighted), ("standardised features, C = 1", fit_standardised)) + \
        tuple((name, fit_trees(factory)) for name, factory in TREES)
    for name, fitter in fits if not a.only else ():
        measure(name, pages, fitter)
    for name, probe in PROBES:
        if a.only in name:
            measure(name, with_features(pages, facts, probe))


if __name__ == "__main__":
    main()
