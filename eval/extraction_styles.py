#!/usr/bin/python3
"""extraction_styles.py - article extraction on older layouts and reader
comments: each benchmark page is rewritten at run time into a style the
benchmarks have little of, its gold body unchanged, and storyline and the
peers (readability-lxml, Readability.js, as eval/extraction.py runs them) are
scored on it with the benchmark's own metric (Zyte: 4-word shingles; WCXB:
bag of words). Issue 18's hidden set (2010 news pages, reader comments kept)
is what the styles imitate; docs/extraction.md "Extraction on old layouts and
comments" has the method and figures.

    /usr/bin/python3 eval/extraction_styles.py --bin build/storyline \
        --data ../shared/datasets/extraction [--limit N] [--styles a,b] \
        [--out build/eval/styles] [--skip-peer readability.js]

Styles (every page, the plain one too, is parsed by lxml and written back as
UTF-8, so a style's figure differs from plain by its rewrite only):
  plain       no rewrite
  wordpress   reader comments after the article: a 2010 WordPress thread
              (`ol.commentlist`, "X says:", a dated permalink, Reply links,
              a "Leave a Reply" form)
  disqus      the same comments as the Disqus plugin wrote them
              (`div#disqus_thread`, `ul#dsq-comments`)
  forum       the same comments as rows of a table (name and "Posted:" date
              in a narrow cell, the comment beside it)
  bare        the same comments under a "Comments" heading, each a div of
              a bold name, a dated line and the text: no class or id at all
  classless   every class, id and role attribute in <body> removed (the id
              of a script, a template or a hidden element kept: it names
              data a script moves, not layout); article, main,
              section, header, footer, nav and aside turned into div
  table       the page's body in a 1999 layout table: a banner row, a cell
              of section links on the left, the page in the middle, a cell
              of "Advertisement" and other stories' headlines on the right,
              a copyright row
  fontbr      every <p> written as <font face size> text <br><br>
  oldnews     classless, then the bare thread: a 2010 news page with its
              reader comments, no class or id on either
  longthread  the bare thread with 20 to 40 comments, more text than many
              a story (the hidden set's pages where the comments were
              chosen instead of the story)

The comments are sentences of the gold bodies of OTHER pages of the same set
(real prose: word statistics cannot tell them from an article), 4 to 9 per
page (longthread: 20 to 40), 1 to 3 sentences each, chosen by a generator
seeded with the page's id.
They go right after the article's element: the nearest common ancestor of the
elements whose own text is mostly the gold body's (or the end of <body>).

Parts: Zyte (held out), WCXB dev articles of odd id (held out), WCXB dev
articles of even id (the tuning part: the block model and every rule is
chosen on it). --limit N takes the first N pages of each part (make eval:
100). The rewritten pages are written gzipped under --out; the peers' output
is cached there, keyed by the pages' contents.
"""
import argparse
import gzip
import hashlib
import json
import os
import random
import re
import sys

import lxml.html
from lxml import etree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extraction import PEERS, bow_f1, extract, peer_available, run_peer, zyte_page  # noqa: E402

STYLES = ["plain", "wordpress", "disqus", "forum", "bare", "classless", "table", "fontbr", "oldnews",
          "longthread"]
COMMENT_STYLES = ("wordpress", "disqus", "forum", "bare", "oldnews", "longthread")
SECTIONING = ("article", "main", "section", "header", "footer", "nav", "aside")
CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00C0-\u017F\"'])")
WORD = re.compile(r"\w+")
# Invented commenters and places (no dataset text).
NAMES = ["Jean M.", "bigdave77", "Pat from Riverton", "Concerned Reader", "Tom Hallett", "Marcy",
         "oldtimer", "K. Brennan", "Sam W", "Lucy in Elmford", "truthseeker", "R. Okafor", "Gary",
         "Anne-Marie", "jd_harbor", "Mike S.", "Ellen Voss", "Not Surprised", "Walt", "Priya N."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
SECTIONS = ["Home", "News", "Local", "Sports", "Business", "Opinion", "Entertainment", "Obituaries",
            "Classifieds", "Weather", "Photos", "Contact Us"]


# ---- reading and writing a page ----------------------------------------------

def decode(raw):
    """The page's bytes as text: its declared charset, else UTF-8."""
    m = CHARSET.search(raw[:4096])
    for enc in ([m.group(1).decode("ascii", "replace")] if m else []) + ["utf-8"]:
        try:
            return raw.decode(enc, "replace")
        except LookupError:
            continue
    return raw.decode("utf-8", "replace")


def load(path):
    raw = (gzip.open if path.endswith(".gz") else open)(path, "rb").read()
    text = re.sub(r"^\s*<\?xml[^>]*>", "", decode(raw))
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html><body></body></html>")


def serialise(doc):
    """UTF-8 bytes, the page's own charset declarations replaced by one."""
    for meta in doc.iter("meta"):
        if meta.get("charset") or (meta.get("http-equiv") or "").lower() == "content-type":
            meta.drop_tree()
    head = doc.find("head")
    if head is None:
        head = etree.Element("head")
        doc.insert(0, head)
    meta = etree.Element("meta", {"http-equiv": "Content-Type", "content": "text/html; charset=utf-8"})
    head.insert(0, meta)
    return b"<!DOCTYPE html>\n" + lxml.html.tostring(doc, encoding="utf-8", method="html")


def body_of(doc):
    body = doc.find("body")
    if body is None:
        body = etree.SubElement(doc, "body")
    return body


def frag(html):
    return lxml.html.fragment_fromstring(html)


# ---- where the article is ----------------------------------------------------

def trigrams(text):
    toks = WORD.findall(text.lower())
    return {tuple(toks[i:i + 3]) for i in range(len(toks) - 2)}


def own_text(el):
    parts = [el.text or ""] + [c.tail or "" for c in el]
    return " ".join(parts)


def article_element(doc, gold):
    """The nearest common ancestor of the elements whose own text is mostly
    the gold body's, and the last of those elements."""
    want = trigrams(gold)
    hits = []
    for el in body_of(doc).iter():
        if not isinstance(el.tag, str):
            continue
        t = trigrams(own_text(el))
        if len(t) >= 6 and len(t & want) >= 0.5 * len(t):
            hits.append(el)
    if not hits:
        return None, None
    common = None
    for el in hits:
        chain = [a for a in reversed(list(el.iterancestors()))] + [el]
        common = chain if common is None else [a for a, b in zip(common, chain) if a is b]
    return common[-1], hits[-1]


# ---- comments ----------------------------------------------------------------

def sentence_pool(golds):
    """page id -> its gold body's sentences of 40 to 250 characters."""
    out = {}
    for i, g in golds.items():
        out[i] = [s.strip() for s in SENTENCE.split(" ".join((g or "").split()))
                  if 40 <= len(s.strip()) <= 250]
    return out


def comments_for(page_id, pool, many=False):
    """(name, date, text) of 4 to 9 comments (`many`: 20 to 40), each 1 to
    3 sentences of other pages, chosen by a generator seeded with the
    page's id."""
    rng = random.Random(int(hashlib.md5(page_id.encode()).hexdigest()[:8], 16))
    others = [i for i in sorted(pool) if i != page_id and pool[i]]
    out = []
    for _ in range(rng.randint(20, 40) if many else rng.randint(4, 9)):
        src = pool[rng.choice(others)]
        k = rng.randint(0, len(src) - 1)
        text = " ".join(src[k:k + rng.randint(1, 3)])
        date = (rng.randint(1, 28), MONTHS[rng.randrange(12)], 2010, rng.randint(1, 12), rng.randint(0, 59),
                rng.choice(("am", "pm")))
        out.append((rng.choice(NAMES), date, text))
    return out


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def thread_html(style, comments):
    n = len(comments)
    if style == "wordpress":
        items = "".join(
            '<li class="comment even thread-even depth-1" id="li-comment-%d"><div id="comment-%d">'
            '<div class="comment-author vcard"><img alt="" src="/avatar.png" class="avatar avatar-40" height="40" '
            'width="40"><cite class="fn">%s</cite> <span class="says">says:</span></div>'
            '<div class="comment-meta commentmetadata"><a href="#comment-%d">%s %d, %d at %d:%02d %s</a></div>'
            '<p>%s</p><div class="reply"><a class="comment-reply-link" href="?replytocom=%d#respond">Reply</a>'
            '</div></div></li>' % (k, k, esc(name), k, d[1], d[0], d[2], d[3], d[4], d[5], esc(text), k)
            for k, (name, d, text) in enumerate(comments, 4101))
        return ('<div id="comments"><h3 id="comments-title">%d Responses</h3><ol class="commentlist">%s</ol>'
                '<div id="respond"><h3 id="reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" '
                'method="post" id="commentform"><p class="comment-form-author"><label for="author">Name</label> '
                '<input id="author" name="author" type="text"></p><p class="comment-form-comment">'
                '<textarea id="comment" name="comment" cols="45" rows="8"></textarea></p><p class="form-submit">'
                '<input name="submit" type="submit" id="submit" value="Post Comment"></p></form></div></div>'
                % (n, items))
    if style == "disqus":
        items = "".join(
            '<li class="post" id="dsq-comment-%d"><div id="dsq-comment-header-%d" class="dsq-comment-header">'
            '<cite id="dsq-cite-%d"><span id="dsq-author-user-%d">%s</span></cite></div>'
            '<div id="dsq-comment-body-%d" class="dsq-comment-body"><div id="dsq-comment-message-%d" '
            'class="dsq-comment-message">%s</div></div></li>' % (k, k, k, k, esc(name), k, k, esc(text))
            for k, (name, _, text) in enumerate(comments, 88201))
        return ('<div><div id="disqus_thread"><div id="dsq-content"><ul id="dsq-comments">%s</ul></div></div>'
                '<a href="http://disqus.com" class="dsq-brlink">blog comments powered by <span '
                'class="logo-disqus">Disqus</span></a></div>' % items)
    if style == "forum":
        rows = "".join(
            '<tr bgcolor="%s"><td valign="top" width="140"><b>%s</b><br><font size="1">Posted: %02d/%02d/%d '
            '%d:%02d %s</font></td><td valign="top"><font size="2">%s</font></td></tr>'
            % ("#f0f0f0" if k % 2 else "#ffffff", esc(name), MONTHS.index(d[1]) + 1, d[0], d[2], d[3], d[4],
               d[5].upper(), esc(text))
            for k, (name, d, text) in enumerate(comments))
        return ('<table width="100%%" cellpadding="4" cellspacing="0" border="0"><tr><td colspan="2" '
                'bgcolor="#cccccc"><b>Reader comments (%d)</b></td></tr>%s</table>' % (n, rows))
    items = "".join('<div><p><b>%s</b><br>%d %s %d, %d:%02d %s</p><p>%s</p></div>'
                    % (esc(name), d[0], d[1], d[2], d[3], d[4], d[5], esc(text)) for name, d, text in comments)
    return "<div><h3>Comments</h3>%s</div>" % items


def add_comments(doc, gold, style, comments):
    body = body_of(doc)
    where, last = article_element(doc, gold)
    thread = frag(thread_html(style, comments))
    if where is None:
        body.append(thread)
        return
    if where.tag == "p":
        where = where.getparent()
    if where is body or where.tag == "html":
        # after the child of <body> that holds the article's last element
        node = last
        while node.getparent() is not body:
            node = node.getparent()
        where = node
    thread.tail, where.tail = where.tail, None
    where.addnext(thread)


# ---- layouts -----------------------------------------------------------------

def classless(doc):
    for el in body_of(doc).iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "template"):
            continue   # a script's id names its data (a page's JSON), not a layout
        for attr in ("class", "role") if el.get("hidden") is not None else ("class", "id", "role"):
            el.attrib.pop(attr, None)   # a hidden element's id is a script's (React's streamed "S:1")
        if el.tag in SECTIONING:
            el.tag = "div"


def table_layout(doc, page_id, headlines):
    body = body_of(doc)
    rng = random.Random(page_id)
    nav = "<br>".join('<a href="/%s.html"><font size="2">%s</font></a>' % (s.lower().replace(" ", ""), s)
                      for s in SECTIONS)
    links = "".join('<p><a href="/story%d.html"><font size="1">%s</font></a></p>' % (k, esc(h))
                    for k, h in enumerate(rng.sample(headlines, min(5, len(headlines)))))
    layout = frag(
        '<table width="760" border="0" cellpadding="0" cellspacing="0" align="center">'
        '<tr><td colspan="3" bgcolor="#003366"><img src="/images/masthead.gif" width="760" height="90" '
        'alt="The Daily Ledger"></td></tr>'
        '<tr><td colspan="3" bgcolor="#cccccc"><font size="1">' + " | ".join(
            '<a href="/%s.html">%s</a>' % (s.lower().replace(" ", ""), s) for s in SECTIONS[:8]) +
        '</font></td></tr>'
        '<tr><td width="140" valign="top" bgcolor="#eeeeee">' + nav + '</td>'
        '<td width="460" valign="top"></td>'
        '<td width="160" valign="top"><font size="1">Advertisement</font><br>'
        '<a href="/ads/click?id=22"><img src="/ads/banner160x600.gif" width="160" height="600" alt=""></a>'
        '<p><b>More headlines</b></p>' + links + '</td></tr>'
        '<tr><td colspan="3" align="center"><font size="1">Copyright &copy; 2010 The Daily Ledger. '
        'All rights reserved. <a href="/privacy.html">Privacy Policy</a> | <a href="/terms.html">Terms of '
        'Use</a></font></td></tr></table>')
    cell = layout.findall(".//td")[3]
    cell.text = body.text
    body.text = None
    for child in list(body):
        cell.append(child)
    body.append(layout)


def font_paragraphs(doc):
    for p in list(doc.iter("p")):
        p.tag = "font"
        p.attrib.clear()
        p.set("face", "Verdana, Arial")
        p.set("size", "2")
        etree.SubElement(p, "br")
        etree.SubElement(p, "br")


def rewrite(path, style, page_id, gold, pool, headlines):
    doc = load(path)
    if style == "oldnews":
        classless(doc)
    if style in COMMENT_STYLES:
        thread = style if style in ("wordpress", "disqus", "forum") else "bare"
        add_comments(doc, gold, thread, comments_for(page_id, pool, style == "longthread"))
    elif style == "classless":
        classless(doc)
    elif style == "table":
        table_layout(doc, page_id, headlines)
    elif style == "fontbr":
        font_paragraphs(doc)
    return serialise(doc)


# ---- scoring -----------------------------------------------------------------

def zyte_score(ids, golds, texts):
    ps, rs = [], []
    for i in ids:
        prec, rec, has_pred, has_gold = zyte_page(texts.get(i) or "", golds[i])
        if has_pred:
            ps.append(prec)
        if has_gold:
            rs.append(rec)
    P, R = (sum(ps) / len(ps) if ps else 0.0), (sum(rs) / len(rs) if rs else 0.0)
    return 2 * P * R / (P + R) if P + R else 0.0


def wcxb_score(ids, golds, texts):
    return sum(bow_f1(texts.get(i) or "", golds[i])[0] for i in ids) / len(ids) if ids else 0.0


def read_parts(root, limit):
    """part name -> (page id -> (path, gold body)), and its scorer."""
    zg = json.load(open(os.path.join(root, "zyte", "ground-truth.json")))
    zyte = {i: (os.path.join(root, "zyte", "html", i + ".html.gz"), zg[i]["articleBody"]) for i in sorted(zg)}
    meta = json.load(open(os.path.join(root, "wcxb", "metadata.dev.json")))["files"]
    wcxb = {0: {}, 1: {}}
    for i in sorted(meta):
        if meta[i]["page_type"] != "article":
            continue
        gt = json.load(gzip.open(os.path.join(root, "wcxb", "dev", "ground-truth", i + ".json.gz")))
        wcxb[int(i) % 2][i] = (os.path.join(root, "wcxb", "dev", "html", i + ".html.gz"),
                               gt["ground_truth"].get("main_content") or "")
    cut = (lambda d: dict(list(d.items())[:limit])) if limit else (lambda d: d)
    # pools come from the whole part (other pages' sentences), pages from the
    # sample; each WCXB half its own, so no tuning page holds held-out text
    return [("zyte", zyte, cut(zyte), zyte_score, "held out"),
            ("wcxb_odd", wcxb[1], cut(wcxb[1]), wcxb_score, "held out"),
            ("wcxb_even", wcxb[0], cut(wcxb[0]), wcxb_score, "tuning")]


def run_part(args, part, everything, pages, score):
    pool = sentence_pool({i: g for i, (_, g) in everything.items()})
    headlines = [s[:90] for i in sorted(pool) for s in pool[i][:1]]
    ids = list(pages)
    table = {}
    for style in args.styles:
        folder = os.path.join(args.out, part, style)
        os.makedirs(folder, exist_ok=True)
        paths, digest = {}, hashlib.md5()
        for i in ids:
            src, gold = pages[i]
            data = rewrite(src, style, i, gold, pool, headlines)
            paths[i] = os.path.join(folder, i[:16] + ".html.gz")
            with gzip.open(paths[i], "wb", compresslevel=1) as f:
                f.write(data)
            digest.update(data)
        by_path = {p: i for i, p in paths.items()}
        ours = extract(args.bin, list(paths.values()))
        texts = {by_path[p]: (page.get("text") or "") for p, page in ours.items()}
        row = {"storyline": score(ids, golds_of(pages), texts)}
        for name, cmd in PEERS:
            if name in args.skip_peer or not peer_available(name):
                continue
            cache = os.path.join(args.out, "peers", "%s-%s-%s-%s.json" % (part, style, name, digest.hexdigest()[:12]))
            ptexts, _ = run_peer(name, cmd, list(paths.values()), cache)
            row[name] = score(ids, golds_of(pages), {by_path[p]: t for p, t in ptexts.items()})
        table[style] = row
    return table


def golds_of(pages):
    return {i: g for i, (_, g) in pages.items()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/storyline")
    ap.add_argument("--data", default="../shared/datasets/extraction")
    ap.add_argument("--limit", type=int, default=0, help="first N pages of each part (0: all)")
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--parts", default="zyte,wcxb_odd,wcxb_even")
    ap.add_argument("--out", default=os.path.join(os.environ.get("EVAL_DIR", "build/eval"), "styles"))
    ap.add_argument("--skip-peer", action="append", default=[], choices=[n for n, _ in PEERS])
    args = ap.parse_args()
    args.styles = args.styles.split(",")
    os.makedirs(os.path.join(args.out, "peers"), exist_ok=True)
    for part, everything, pages, score, role in read_parts(args.data, args.limit):
        if part not in args.parts.split(","):
            continue
        table = run_part(args, part, everything, pages, score)
        names = ["storyline"] + [n for n, _ in PEERS if any(n in r for r in table.values())]
        print("%s (%s, %d pages): body F1 per style" % (part, role, len(pages)))
        print("  %-10s %s" % ("style", " ".join("%17s" % n for n in names)))
        for style, row in table.items():
            print("  %-10s %s" % (style, " ".join("%17s" % ("%.4f" % row[n] if n in row else "-") for n in names)))
            print("SCORE extraction_styles_%s_%s_f1 %.4f" % (part, style, row["storyline"]))
            for n in names[1:]:
                if n in row:
                    print("SCORE extraction_styles_%s_%s_%s_f1 %.4f"
                          % (part, style, n.replace(".", "_").replace("-", "_"), row[n]))


if __name__ == "__main__":
    main()
