"""PolNeAR direct quotes (quotes/polnear, dev split): content P/R/F1 at 0.3
and 0.8 token overlap, and speaker accuracy. Method in docs/facts.md.

Gold direct quotes are attributions whose Content starts and ends at a
quotation mark (the marks inside the span or right outside it; '' counts as
one, as news archives write it). Overlap of
a predicted and a gold quote = shared word tokens / the larger token count.
A predicted quote's tokens are those inside quotation marks within its span
(a quote in two halves spans the attribution between them). A prediction that matches no direct quote but lies inside another gold
attribution's content (a paraphrase with a quoted phrase) is not counted
either way. Speaker accuracy: of the quotes matched at 0.3 whose gold has a
Source, the share whose predicted speaker mention overlaps that Source.
Speaker named: of the same quotes, the share whose speaker *name* (what
`quotes` lists) shares a capitalised word with the name the gold Source
stands for: the Source itself when it holds one ("Sen. Tim Kaine"), else
("he", "the minister", and a description whose capitalised words only
qualify its role: "the Florida senator", "the Republican nominee") the
last earlier gold Source that does (the
annotation has no coreference; this is its nearest stand-in). This is what a
reader of `storyline quotes` sees. Speaker right: the mention overlaps the
Source or the name is right (what the hidden-set check counted). By outlet:
the same per metadata.tsv publisher."""
import glob
import os
import re

from facts_common import char_offsets, extract, prf

MARKS = '"\u201c\u201d'
WORD = re.compile(r"\w+")


def read_ann(path):
    spans, rels = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                label, _, where = parts[1].partition(" ")
                pieces = [tuple(map(int, p.split())) for p in where.split(";")]
                spans[parts[0]] = (label, pieces)
            elif line.startswith("E") and len(parts) >= 2:
                rels.append(dict(p.split(":", 1) for p in parts[1].split()[1:] if ":" in p))
    return spans, rels


def tokens(text, pieces):
    out = set()
    for a, b in pieces:
        for m in WORD.finditer(text, a, b):
            out.add(m.start())
    return out


def archive_marks(text):
    """The text with each '' (two apostrophes: the quotation marks of news
    archives, as in the NYT's texts) written "" (the same length), which
    is_direct and quoted_tokens read as one mark."""
    return text.replace("''", '""')


def quoted_tokens(text, a, b):
    """Word tokens of text[a:b] inside quotation marks; the span starts inside
    a quote (a quote joined over its attribution has marks within it)."""
    out, inside, start = set(), True, a
    for i in range(a, b + 1):
        if i < b and text[i] == '"' and text[i + 1:i + 2] == '"':
            continue  # the first half of a "" (an archive's '')
        if i == b or text[i] in MARKS:
            if inside:
                out |= tokens(text, [(start, i)])
            inside = not inside if i < b and text[i] == '"' else (
                text[i] == "\u201c") if i < b else inside
            start = i + 1
    return out


def is_direct(text, pieces):
    a, b = pieces[0][0], pieces[-1][1]
    opens = text[a:a + 1] in MARKS or text[a - 1:a] in MARKS
    closes = text[b - 1:b] in MARKS or text[b:b + 1] in MARKS
    return opens and closes


def name_words(s):
    """Capitalised words of a name, lower-cased ("The", "Sen." and the like
    start a sentence or title and say nothing of who)."""
    return {w.lower() for w in WORD.findall(s or "") if w[:1].isupper()
            and w.lower() not in NOT_NAME}


NOT_NAME = {"the", "a", "an", "he", "she", "they", "i", "we", "it", "mr", "mrs", "ms", "dr",
            "sen", "gov", "rep", "president", "his", "her", "their", "its", "s"}


DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "this", "that", "one", "another"}


def description(s):
    """Whether a Source is a description, not a name: a determiner first and
    a lower-case word last ("the Florida senator", "the Republican nominee":
    their capitalised words qualify the role and name no one)."""
    words = WORD.findall(s or "")
    return len(words) > 1 and words[0].lower() in DETERMINERS and words[-1].islower()


def source_names(text, rels, spans):
    """Per Source span id, the name words it stands for (see the docstring)."""
    srcs = sorted((spans[r["Source"]][1][0][0], r["Source"]) for r in rels
                  if r.get("Source") in spans)
    out, last = {}, set()
    for _, sid in srcs:
        src = " ".join(text[a:b] for a, b in spans[sid][1])
        words = set() if description(src) else name_words(src)
        if words:
            last = words
        out[sid] = words or last
    return out


def overlap(p, g):
    return len(p & g) / max(len(p), len(g)) if p and g else 0.0


def outlets(data_dir):
    """Article name -> its outlet (metadata.tsv's publisher column)."""
    out = {}
    with open(os.path.join(data_dir, "metadata.tsv"), encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        name, pub = head.index("filename"), head.index("publisher")
        for line in f:
            row = line.rstrip("\n").split("\t")
            out[row[name]] = row[pub]
    return out


def article_counts(path, data_dir, split, quotes):
    """Counts of one article: gold, predicted (not inside a paraphrase),
    matched at 0.3 and 0.8, matched with a gold source, speaker mention and
    speaker name right. `quotes`: its predicted quotes, dicts with "span",
    "speaker_span" (may be absent) and "speaker", in byte offsets. None when
    the article has no annotation."""
    name = os.path.basename(path)[:-4]
    anns = sorted(glob.glob(os.path.join(data_dir, split, "attributions", name + "_*.ann")))
    if not anns:
        return None
    data = open(path, "rb").read()
    text = archive_marks(data.decode("utf-8"))
    c = char_offsets(data)
    spans, rels = read_ann(anns[0])
    gold, other = [], []
    names = source_names(text, rels, spans)
    for r in rels:
        if "Content" not in r or r["Content"] not in spans:
            continue
        pieces = spans[r["Content"]][1]
        src = spans.get(r.get("Source", ""), (None, None))[1]
        if is_direct(text, pieces):
            gold.append((tokens(text, pieces), src, names.get(r.get("Source"), set())))
        else:
            other.append(tokens(text, pieces))
    pred = []
    for q in quotes:
        a, b = c[q["span"][0]], c[q["span"][1]]
        sp = q.get("speaker_span")
        pred.append((quoted_tokens(text, a, b), (c[sp[0]], c[sp[1]]) if sp else None,
                     name_words(q.get("speaker"))))
    pairs = sorted(((overlap(p[0], g[0]), i, k) for i, p in enumerate(pred)
                    for k, g in enumerate(gold)), reverse=True)
    used_p, used_g, best = set(), set(), {}
    for ov, i, k in pairs:
        if ov < 0.3 or i in used_p or k in used_g:
            continue
        used_p.add(i)
        used_g.add(k)
        best[i] = (ov, k)
    n = dict(gold=len(gold), pred=0, m03=0, m08=0, sourced=0, mention=0, named=0, right=0)
    for i, p in enumerate(pred):
        if i in best:
            ov, k = best[i]
            n["m03"] += 1
            n["m08"] += ov >= 0.8
            src = gold[k][1]
            if src:
                n["sourced"] += 1
                ps = p[1]
                mention = bool(ps and any(ps[0] < b2 and a2 < ps[1] for a2, b2 in src))
                named = bool(p[2] & gold[k][2])
                n["mention"] += mention
                n["named"] += named
                n["right"] += mention or named
            n["pred"] += 1
        elif not any(p[0] and len(p[0] & o) / len(p[0]) >= 0.5 for o in other):
            n["pred"] += 1
    return n


def add(total, n):
    for k, v in n.items():
        total[k] = total.get(k, 0) + v
    return total


def summary(n):
    """F1 at 0.3 and 0.8 (with P and R at 0.3), speaker mention and named of summed counts."""
    p, r, f = prf(n.get("m03", 0), n.get("pred", 0), n.get("gold", 0))
    f8 = prf(n.get("m08", 0), n.get("pred", 0), n.get("gold", 0))[2]
    s = n.get("sourced", 0)
    return dict(p=p, r=r, f03=f, f08=f8, mention=n.get("mention", 0) / s if s else 0.0,
                named=n.get("named", 0) / s if s else 0.0, right=n.get("right", 0) / s if s else 0.0)


def by_outlet_line(outlet, n):
    v = summary(n)
    return ("  %-12s F1 %.3f (P %.3f R %.3f, %3d gold)  speaker %.3f  named %.3f  right %.3f (%d)"
            % (outlet, v["f03"], v["p"], v["r"], n.get("gold", 0), v["mention"], v["named"],
               v["right"], n.get("sourced", 0)))


def evaluate(binary, db, data_dir, split="dev"):
    texts = sorted(glob.glob(os.path.join(data_dir, split, "text", "*.txt")))
    preds = extract(binary, db, texts)
    outlet_of = outlets(data_dir)
    total, per_outlet = {}, {}
    for path, facts in zip(texts, preds):
        n = article_counts(path, data_dir, split, facts["quotes"])
        if n:
            add(total, n)
            add(per_outlet.setdefault(outlet_of[os.path.basename(path)[:-4]], {}), n)
    v = summary(total)
    for t, f in ((0.3, v["f03"]), (0.8, v["f08"])):
        m = total["m03" if t == 0.3 else "m08"]
        p, r, _ = prf(m, total["pred"], total["gold"])
        print("quotes at %.1f overlap: P %.3f R %.3f F1 %.3f (%d gold, %d predicted)"
              % (t, p, r, f, total["gold"], total["pred"]))
    print("speaker accuracy %.3f (%d of %d matched quotes with a gold source)"
          % (v["mention"], total["mention"], total["sourced"]))
    print("speaker named %.3f (%d of %d: the listed name is the one the source stands for)"
          % (v["named"], total["named"], total["sourced"]))
    print("speaker right %.3f (%d of %d: the mention overlaps the source or the name is its "
          "person, as the hidden set's check counts it)" % (v["right"], total["right"], total["sourced"]))
    print("by outlet (%s split):" % split)
    for outlet in sorted(per_outlet):
        print(by_outlet_line(outlet, per_outlet[outlet]))
    return {"quotes_polnear_f1_03": v["f03"], "quotes_polnear_f1_08": v["f08"],
            "quotes_polnear_speaker": v["mention"], "quotes_polnear_speaker_named": v["named"],
            "quotes_polnear_speaker_right": v["right"]}
