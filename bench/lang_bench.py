#!/usr/bin/env python3
"""Language-id accuracy and speed on a multilingual sample built from what
this machine ships (nothing is downloaded, no text is committed).

  python3 bench/lang_bench.py [--build DIR] [--keep FILE]

Environment: DATASETS (default ../shared/datasets; without it, the sample
has no wiki-text-reuse part and says so).
The sample, made afresh each run with a fixed seed:
  title  one translated message (4-15 words) from the gettext catalogues
         under /usr/share/locale, labelled by the catalogue's language;
  caps   the same kind of message in capitals (the all-capitals headline case);
  para   several messages of one catalogue joined to about 300 characters,
         and the machine translations of ../shared/datasets/rewrite/
         wiki-text-reuse (de fr hr it pl sr) with their English sources.
Only languages that storyline can name (its answer list) are kept.
Compiles bench/lang_bench.c against DIR/libstoryline.a (default build/),
runs it, and prints per kind the share of right answers, of wrong languages
(a wrong stemmer and stop list: worse than "und", which only leaves words
unstemmed), the worst languages, and µs per call.
"""
import argparse, glob, gzip, json, os, random, re, struct, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = os.environ.get("DATASETS", os.path.join(ROOT, "..", "shared", "datasets"))
WIKI = os.path.join(DATASETS, "rewrite", "wiki-text-reuse", "wiki_test_corpus_full.json.gz")
PER_LANG = {"title": 150, "caps": 80, "para": 60}
MIN_CATALOGUES = 15      # languages with fewer gettext catalogues are skipped
SEED = 11

# locale folder -> the code storyline answers (None: skip)
def code_of(locale):
    if "@" in locale and locale not in ("sr@latin",):
        return None
    base = locale.split("@")[0].split("_")[0]
    return {"nb": "no", "nn": "no"}.get(base, base)

def read_mo(path):
    """msgstr strings of a .mo file (plural forms: the first)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 28:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412de else ">"
    try:
        _, n, ids, strs = struct.unpack(end + "4I", data[4:20])
        out = []
        for k in range(n):
            ilen, ioff = struct.unpack(end + "2I", data[ids + 8 * k: ids + 8 * k + 8])
            slen, soff = struct.unpack(end + "2I", data[strs + 8 * k: strs + 8 * k + 8])
            msgid = data[ioff:ioff + ilen].split(b"\0")[0]
            msgstr = data[soff:soff + slen].split(b"\0")[0]
            if msgid and msgstr != msgid:
                out.append(msgstr.decode("utf-8", "ignore"))
        return out
    except struct.error:
        return []

CLEAN = [
    (re.compile(r"%(\d+\$)?[-+ #0]*[\d*]*(\.[\d*]+)?[hlLqjzt]*[a-zA-Z%]"), " "),
    (re.compile(r"\$\{?\w+\}?|\{\w*\}|<[^>]*>|&\w+;"), " "),
    (re.compile(r"(^|\s)--?[\w-]+(=\S*)?"), " "),
    (re.compile(r"\S*[/\\=@]\S*"), " "),
    (re.compile(r"[_&~]"), ""),
    (re.compile(r"\s+"), " "),
]

def clean(msg):
    for pattern, repl in CLEAN:
        msg = pattern.sub(repl, msg)
    return msg.strip(" .:,;-")

def words(text):
    return len(re.findall(r"[^\W\d_]{2,}", text))

def gettext_sample(known, rng):
    by_lang = {}
    for folder in sorted(os.listdir("/usr/share/locale")):
        code = code_of(folder)
        mos = sorted(glob.glob(os.path.join("/usr/share/locale", folder, "LC_MESSAGES", "*.mo")))
        if code not in known or len(mos) < MIN_CATALOGUES:
            continue
        for mo in mos:
            msgs = [clean(m) for m in read_mo(mo)]
            msgs = [m for m in msgs if 4 <= words(m) <= 15 and len(m) < 200]
            if msgs:
                by_lang.setdefault(code, []).append(msgs)
    items = []
    for code, catalogues in sorted(by_lang.items()):
        flat = [m for c in catalogues for m in c]
        rng.shuffle(flat)
        for m in flat[:PER_LANG["title"]]:
            items.append((code, "title", m))
        for m in flat[PER_LANG["title"]:PER_LANG["title"] + PER_LANG["caps"]]:
            items.append((code, "caps", m.upper()))
        paras = 0
        for c in rng.sample(catalogues, len(catalogues)):
            if paras >= PER_LANG["para"]:
                break
            if len(c) < 6:
                continue
            chosen = rng.sample(c, min(len(c), 12))
            text = ""
            for m in chosen:
                if len(text) >= 300:
                    break
                text += m + ". "
            if len(text) >= 200:
                items.append((code, "para", text.strip()))
                paras += 1
    return items

def wiki_sample(known, rng):
    if not os.path.exists(WIKI):
        print("lang-id: %s not found; gettext messages only" % WIKI)
        return []
    with gzip.open(WIKI, "rt", encoding="utf-8") as f:
        rows = json.load(f)
    items = []
    for row in rows:
        lang = row.get("language")
        if lang in known and row.get("translated_text"):
            items.append((lang, "para", " ".join(row["translated_text"])))
    english = [r for r in rows if not r.get("language")]
    rng.shuffle(english)
    for row in english[:100]:
        items.append(("en", "para", " ".join(row["s_text"])))
    return [(l, k, t) for l, k, t in items if words(t) >= 4]

def known_codes():
    """The codes storyline can answer: the list in lang_codes.c."""
    src = open(os.path.join(ROOT, "src", "text", "lang_codes.c"), encoding="utf-8").read()
    table = src[src.index("codes[] = {"):]
    table = table[:table.index("};")]
    return set(re.findall(r'"([a-z]+)"', table))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--keep", help="also write the sample here (never commit it)")
    args = ap.parse_args()
    rng = random.Random(SEED)
    known = known_codes()
    items = gettext_sample(known, rng) + wiki_sample(known, rng)
    items = [(l, k, t.replace("\t", " ").replace("\n", " ")) for l, k, t in items]
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "lang-bench")
        pkgs = "sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat libcurl"
        flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + pkgs.split(),
                               capture_output=True, text=True, check=True).stdout.split()
        subprocess.run(["cc", "-std=c17", "-D_GNU_SOURCE", "-O2", "-I" + os.path.join(ROOT, "include"),
                        "-I" + os.path.join(ROOT, "src"), os.path.join(ROOT, "bench", "lang_bench.c"),
                        os.path.join(args.build, "libstoryline.a"), "-o", exe] + flags +
                       ["-lstemmer", "-lm"], check=True)
        sample = "".join("%s\t%s\t%s\n" % item for item in items)
        if args.keep:
            with open(args.keep, "w", encoding="utf-8") as f:
                f.write(sample)
        run = subprocess.run([exe], input=sample, capture_output=True, text=True, check=True)
    answers = run.stdout.split("\n")[:len(items)]
    us = float(run.stderr.strip().split("\n")[-1])
    stats, per_lang, wrong = {}, {}, {}
    for (lang, kind, _), got in zip(items, answers):
        for key, table in ((kind, stats), ("all", stats), (lang, per_lang)):
            right, total = table.get(key, (0, 0))
            table[key] = (right + (got == lang), total + 1)
        for key in (kind, "all"):
            wrong[key] = wrong.get(key, 0) + (got not in (lang, "und"))
    print("lang-id: %d texts in %d languages, built from /usr/share/locale and wiki-text-reuse"
          % (len(items), len(per_lang)))
    for kind in ("title", "caps", "para", "all"):
        right, total = stats.get(kind, (0, 0))
        print("  %-6s accuracy %5.1f%%  (%d/%d), another language %5.1f%%, und the rest"
              % (kind, 100.0 * right / max(total, 1), right, total,
                 100.0 * wrong.get(kind, 0) / max(total, 1)))
    worst = sorted(per_lang.items(), key=lambda kv: kv[1][0] / kv[1][1])[:8]
    print("  worst: " + ", ".join("%s %.0f%%" % (l, 100.0 * r / t) for l, (r, t) in worst))
    print("  speed  %.2f us per call (CPU time, mean over the sample)" % us)

if __name__ == "__main__":
    sys.exit(main())
