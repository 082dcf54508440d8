"""PolNeAR direct quotes in other outlets' styles: each article of a split is
rewritten at run time into a style PolNeAR has little of, read by
`storyline facts --text`, and the predicted spans are mapped back through the
rewrite onto the original text, where eval/facts_quotes.py scores them
against the unchanged gold (F1 at 0.3 overlap, speaker mention, named,
right). Method and figures: docs/facts.md and docs/eval.md, "Quotes in
other styles".

Styles (each a rewrite of the marks or the layout; the words stay):
  plain       no rewrite (the same figures as facts_quotes.py)
  curly       every double mark curly: “…”
  single      British straight singles: '…', a quote inside one in "…";
              apostrophes left as they are
  single_curly  British curly singles: ‘…’, a quote inside one in “…”
  guillemets  «…»
  low_high    „…“ (German: the closing mark is the English opening one)
  paragraphs  a long quote of several sentences split over two paragraphs:
              an opening mark at each, the closing one only at the end
  colon       "X said: …": the comma, "that" or nothing between a cue and a
              quote whose gold source and cue precede it becomes a colon
  british     single_curly + paragraphs + colon together
Attribution styles (eval/facts_quotes_attribution.py; who speaks and how):
  names       each quoted person's full and family name, every mention, as
              a name of another culture (el-Masri, van der Berg, García
              Obregón, Zhao Lijun, Park Ji-hoon, Dr Farouk, …)
  verbs       "said" as "told reporters", "wrote", "tweeted", "insisted",
              "added", "X's spokesman said", "said X", "according to X"
  roles       a quoted person's later family-name mentions as "the
              minister", "the senator", … (the gold source the same span)
  before      the attribution as a sentence before the quote: "X was blunt."

Usage: facts_quotes_styles.py --bin B --db D --data quotes/polnear
       [--split dev|train] [--styles a,b] [--out DIR]"""
import argparse
import glob
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts_common import char_offsets, extract, make_store  # noqa: E402
from facts_quotes_attribution import ATTRIBUTION, name_edits, speaker_back  # noqa: E402
from facts_quotes import add, article_counts, by_outlet_line, is_direct, read_ann, summary  # noqa: E402

STYLES = ["plain", "curly", "single", "single_curly", "guillemets", "low_high", "paragraphs",
          "colon", "british", "names", "verbs", "roles", "before"]
QUOTE_STYLES = STYLES[1:9]
# Opening and closing mark of each style, and of a quote nested in one.
MARKS = {"curly": ("\u201c", "\u201d", None), "single": ("'", "'", ('"', '"')),
         "single_curly": ("\u2018", "\u2019", ("\u201c", "\u201d")),
         "guillemets": ("\u00ab", "\u00bb", None), "low_high": ("\u201e", "\u201c", None),
         "british": ("\u2018", "\u2019", ("\u201c", "\u201d"))}
LAYOUT = {"paragraphs": {"paragraphs"}, "colon": {"colon"}, "british": {"paragraphs", "colon"}}
OPENS_AFTER = " \t\n([\u2014\u2013-"
# A sentence's end inside a quote where it may be split into paragraphs (not
# the dot of "Mr." or of an initial).
SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Z])[.?!] (?=[A-Z])")
NESTED = re.compile("[\u2018\u201c\"]|(?<=\\s)'")
# Fewest characters of a quote split over two paragraphs.
SPLIT_MIN = 150


def double_marks(text):
    """(start, end, is_open) of the double quotation marks of the original:
    straight, curly and the archives' ''; a straight one opens after a
    space, a bracket or a dash."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        w = 2 if text.startswith("''", i) else 1
        if c == '"' or w == 2:
            out.append((i, i + w, i == 0 or text[i - 1] in OPENS_AFTER))
        elif c in "\u201c\u201d":
            out.append((i, i + 1, c == "\u201c"))
        i += w
    return out


def nested_marks(text, marks):
    """Single marks of a quote inside a quote: an opening ‘ or ' (after a
    space, before a letter) inside a double-quoted stretch, and the first
    closing ’ or ' after it (after a letter or punctuation, before no
    letter) before the stretch ends."""
    out, opened = [], None
    for (a, _, op), nxt in zip(marks, marks[1:] + [(len(text), 0, False)]):
        if not op:
            continue
        i = a + 1
        while i < nxt[0]:
            c = text[i]
            if opened is None and c in "\u2018'" and text[i - 1] in " (" and \
                    text[i + 1:i + 2].isalpha():
                opened = i
            elif opened is not None and c in "\u2019'" and not text[i - 1].isspace() and \
                    not text[i + 1:i + 2].isalpha():
                out += [(opened, True), (i, False)]
                opened = None
            i += 1
        opened = None
    return out


def mark_edits(text, style):
    opening, closing, nested = MARKS[style]
    edits = [(a, b, opening if op else closing) for a, b, op in double_marks(text)]
    if nested:
        edits += [(i, i + 1, nested[0] if op else nested[1])
                  for i, op in nested_marks(text, double_marks(text))]
    return edits


def direct_quotes(text, ann_path):
    """(content pieces, source pieces or None, cue pieces or None) of the gold direct quotes."""
    spans, rels = read_ann(ann_path)
    out = []
    for r in rels:
        if r.get("Content") not in spans:
            continue
        pieces = spans[r["Content"]][1]
        if is_direct(text.replace("''", '""'), pieces):
            get = lambda k: spans[r[k]][1] if r.get(k) in spans else None  # noqa: E731
            out.append((pieces, get("Source"), get("Cue")))
    return out


def paragraph_edits(text, quotes, opening):
    """Each long gold quote of one piece (and no quote inside it) split at
    its middle sentence end: the space after it becomes a paragraph break and
    an opening mark."""
    edits = []
    for pieces, _, _ in quotes:
        if len(pieces) != 1 or pieces[0][1] - pieces[0][0] < SPLIT_MIN:
            continue
        a, b = pieces[0]
        if "\n" in text[a:b] or NESTED.search(text, a + 1, b - 1):
            continue  # already over paragraphs, or a quote inside it
        ends = [m.end() - 1 for m in SENTENCE_END.finditer(text, a, b - 2)]
        if ends:
            mid = min(ends, key=lambda e: abs(e - (a + b) / 2))
            mark = text[a] if text[a] in '"\u201c\u201d' else text[a - 1]  # in the span or before
            edits.append((mid, mid + 1, "\n\n" + (opening or mark)))
    return edits


def colon_edits(text, quotes):
    """"X said, "…"" / "X said that "…"" → "X said: "…"": where the gold
    source and cue end before the quote in its paragraph."""
    edits = []
    for pieces, source, cue in quotes:
        if not source or not cue:
            continue
        a = pieces[0][0]
        mark = a - 1 if text[a - 1:a] in '"\u201c\u201d' else a
        if text[mark - 1:mark] == '"':
            mark -= 1  # an archive's ''
        lead = max(source[-1][1], cue[-1][1])
        if lead > mark or "\n" in text[lead:mark] or source[0][0] > mark:
            continue
        m = re.search(r"(\s*,|\s+that)?\s*$", text[lead:mark])
        start = lead + m.start()
        if text[start - 1:start] != ":" and m.group(0) != ": ":
            edits.append((start, mark, ": "))
    return edits


def rewrite(text, edits):
    """The rewritten text, and per character of it (and its end) the
    original character it stands for: an edit (start, end, new) puts its
    start there; one (start, end, new, origins) says it per character (a
    name moved or renamed keeps its span)."""
    edits = sorted(edits, key=lambda e: (e[0], e[1]))
    out, where, at = [], [], 0
    for e in edits:
        a, b, new = e[:3]
        if a < at:
            continue  # overlaps an earlier edit
        out.append(text[at:a])
        where.extend(range(at, a))
        out.append(new)
        where.extend(e[3] if len(e) > 3 else [a] * len(new))
        at = b
    out.append(text[at:])
    where.extend(range(at, len(text)))
    where.append(len(text))
    return "".join(out), where


def style_text(text, ann_path, style):
    edits = mark_edits(text, style) if style in MARKS else []
    layout = LAYOUT.get(style, set())
    quotes = direct_quotes(text, ann_path) if layout else []
    if "paragraphs" in layout:
        edits += paragraph_edits(text, quotes, MARKS.get(style, (None,))[0])
    if "colon" in layout:
        edits += colon_edits(text, quotes)
    back = {}
    if style == "names":
        edits, back = name_edits(text, direct_quotes(text, ann_path))
    elif style in ATTRIBUTION:
        edits = ATTRIBUTION[style](text, direct_quotes(text, ann_path))
    return rewrite(text, edits) + (back,)


def char_bytes(s):
    """Per character offset of s (and its end), its UTF-8 byte offset."""
    out, b = [], 0
    for ch in s:
        out.append(b)
        b += len(ch.encode("utf-8"))
    out.append(b)
    return out


def mapped(quotes, new_text, where, old_text, back=None):
    """The predicted quotes with their byte spans moved onto the original
    (and a renamed speaker's name given back its original words)."""
    to_char, to_byte = char_offsets(new_text.encode("utf-8")), char_bytes(old_text)
    def move(span):
        """A span's start where its first character came from; its end after
        where its last one did (a name moved by a rewrite keeps its length)."""
        a, b = to_char[span[0]], to_char[span[1]]
        return to_byte[where[a]], to_byte[where[b - 1] + 1 if b > a else where[b]]
    out = []
    for q in quotes:
        m = dict(q)
        m["span"] = move(q["span"])
        if q.get("speaker_span"):
            m["speaker_span"] = move(q["speaker_span"])
        m["speaker"] = speaker_back(q.get("speaker"), back)
        out.append(m)
    return out


def evaluate(binary, db, data_dir, split="dev", styles=None, out_dir="build/quote_styles"):
    texts = sorted(glob.glob(os.path.join(data_dir, split, "text", "*.txt")))
    annotated = []
    for path in texts:
        name = os.path.basename(path)[:-4]
        anns = sorted(glob.glob(os.path.join(data_dir, split, "attributions", name + "_*.ann")))
        if anns:
            annotated.append((path, anns[0]))
    scores, styled = {}, {}
    for style in styles or STYLES:
        folder = os.path.join(out_dir, split, style)
        os.makedirs(folder, exist_ok=True)
        rewritten, paths = [], []
        for path, ann in annotated:
            text = open(path, encoding="utf-8").read()
            new_text, where, back = style_text(text, ann, style)
            out = os.path.join(folder, os.path.basename(path))
            with open(out, "w", encoding="utf-8") as f:
                f.write(new_text)
            rewritten.append((text, new_text, where, back))
            paths.append(out)
        total = {}
        for (path, _), (text, new_text, where, back), facts in zip(annotated, rewritten,
                                                                   extract(binary, db, paths)):
            n = article_counts(path, data_dir, split,
                               mapped(facts["quotes"], new_text, where, text, back))
            add(total, n)
        v = summary(total)
        styled[style] = v
        print(by_outlet_line(style, total))
        if style != "plain":
            scores["quotes_style_%s_f1_03" % style] = v["f03"]
            scores["quotes_style_%s_speaker_right" % style] = v["right"]
            if style in ATTRIBUTION:
                scores["quotes_style_%s_speaker_named" % style] = v["named"]
    for group, label, names in (("styles", "quotation-mark and layout styles", QUOTE_STYLES),
                                ("attribution", "attribution styles", list(ATTRIBUTION))):
        rest = [styled[s] for s in names if s in styled]
        if not rest:
            continue
        for key, name in (("f03", "f1_03"), ("mention", "speaker"), ("named", "speaker_named"),
                          ("right", "speaker_right")):
            scores["quotes_%s_%s" % (group, name)] = sum(v[key] for v in rest) / len(rest)
            scores["quotes_%s_worst_%s" % (group, name)] = min(v[key] for v in rest)
        print("%s, mean: F1 %.3f speaker %.3f named %.3f right %.3f; worst F1 %.3f, right %.3f"
              % (label, scores["quotes_%s_f1_03" % group], scores["quotes_%s_speaker" % group],
                 scores["quotes_%s_speaker_named" % group], scores["quotes_%s_speaker_right" % group],
                 scores["quotes_%s_worst_f1_03" % group],
                 scores["quotes_%s_worst_speaker_right" % group]))
    return scores


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--data", required=True, help="the quotes/polnear folder")
    ap.add_argument("--split", default="dev", help="dev (reported) or train (rules chosen on it)")
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--out", default="build/quote_styles", help="where the rewritten texts go")
    args = ap.parse_args()
    make_store(args.bin, args.db)
    for k, v in evaluate(args.bin, args.db, args.data, args.split, args.styles.split(","),
                         args.out).items():
        print("SCORE %s %.3f" % (k, v))


if __name__ == "__main__":
    main()
