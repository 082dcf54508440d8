#!/usr/bin/env python3
"""Differential run of two storyline builds on generated hostile texts: a
change meant to be exact (a fast path) must leave every output as it was.

    python3 tests/differential.py OLD_BIN NEW_BIN [ROUNDS] [--with-changes]

Each round writes 300 texts (JSONL lines, and 40 of them as files with raw
bytes: NUL, cut UTF-8) and runs both builds through dedup, ingest + export
--json, facts --text, summarize --json and timex --json, and a language
round of 400 texts (several languages and scripts mixed, very short, very
long, one word repeated, every ASCII byte, cut UTF-8) through
tests/differential_lang.c built against each binary's libstoryline.a
(sl_lang_detect, sl_lang_detect_prior, the n-gram model's best language of
every script), and a round of speed23's exact levers (marks_units_round:
120 texts of numbers glued to unit words and quotation marks of every
form at every offset of the quote scan's eight-byte blocks, as files
through facts --text; a JSONL file of raw lines, CR LF, blank and white
lines, a NUL, bad lines, a line of more than 64 KB, no newline after the
last, also gzipped, through ingest + export --json and dedup); it prints
every output that differs and exits 1 if any did. "c." and the Unicode
spaces (changed on purpose by qa4) are left out unless --with-changes.
(2026-12-06, branches rev28b, rev29b and rev30a; docs/testing.md.)"""
import gzip
import json
import os
import random
import re
import struct
import subprocess
import sys
import tempfile

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
STOPS = ["the", "and", "of", "would", "although", "der", "und", "zwischen", "les", "dans", "comme",
         "del", "della", "pelo", "het", "también", "però", "à", "über", "wouldn't"]
PIECES = ["é", "ß", "É", "Ω", "привет", "Москва", "北京", "東京都", "e\u0301", "a\u0308", "\u200d",
          "'", "’", "-", "‐", ".", ",", ";", ":", "!", "?", "…", '"', "“", "”", "«", "»", "(", ")",
          "—", "–", "U.S.", "a.m.", "p.m.", "Ph.D.", "Dr.", "Mr.", "No.", "St.", "etc.", "vs.",
          "1990s", "21st", "COVID-19", "3.5", "1,200", "$4", "%", "\t", "\n", "\n\n", "  ", "\r",
          "\x01", "\x7f", "\x1b", "@", "&", "/", "_", "。", "！", "？", "\u2028", "ﬁ", "İ", "ı",
          "\U0001F600", "O'Brien", "rock-and-roll", "don't", "5 March 2024", "at 9 p.m.", "Friday"]
CHANGED = ["\u00a0", "\u202f", "\u2009", "\u3000", "c.", "c. 300"]


def word(rnd, with_changes):
    r = rnd.random()
    if r < 0.3:
        w = rnd.choice(STOPS)
        return rnd.choice([w, w.upper(), w.capitalize()])
    if r < 0.75:
        return "".join(rnd.choice(LETTERS if rnd.random() < 0.2 else LETTERS[:26])
                       for _ in range(rnd.randint(1, 20)))
    if r < 0.85:   # a word with a letter past ASCII at any offset
        w = "".join(rnd.choice(LETTERS) for _ in range(rnd.randint(1, 16)))
        k = rnd.randint(0, len(w))
        return w[:k] + rnd.choice(PIECES[:11]) + w[k:]
    return rnd.choice(PIECES + (CHANGED if with_changes else []))


def text(rnd, with_changes):
    parts = []
    for _ in range(rnd.randint(0, 120)):
        parts += [word(rnd, with_changes), rnd.choice([" ", " ", " ", "", ". ", ", ", ".\n", "  "])]
    t = "".join(parts)
    t = t[:rnd.randint(0, len(t))] if rnd.random() < 0.3 else t
    return t if with_changes else re.sub(r"c(?=\W{0,2}\.)", "cc", t)   # "c\u200d." too


def write_round(rnd, folder, with_changes):
    files = []
    with open(os.path.join(folder, "in.jsonl"), "w") as out:
        for i in range(300):
            t = text(rnd, with_changes)
            out.write(json.dumps({"id": "d%d" % i, "title": text(rnd, with_changes)[:60], "text": t,
                                  "published": "2026-03-0%d" % rnd.randint(1, 9)}) + "\n")
            if i < 40:
                b = t.encode()
                if rnd.random() < 0.3:   # raw bytes: NUL, a cut sequence, a lone continuation
                    k = rnd.randint(0, len(b))
                    b = b[:k] + rnd.choice([b"\x00", b"\xc3", b"\xe2\x80", b"\x80", b"\xff"]) + b[k:]
                files.append(os.path.join(folder, "t%02d.txt" % i))
                with open(files[-1], "wb") as f:
                    f.write(b)
    return files


def cli(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True)
    return p.stdout, p.stderr, p.returncode


def ingested(binary, db, *paths):
    """ingest's summary (its time taken out) and exit status."""
    _, err, rc = cli(binary, "--db", db, "ingest", *paths)
    return re.sub(rb" in [0-9.]+ s:", b":", err), rc


def outputs(binary, folder, files):
    db = os.path.join(folder, "store-%d.db" % abs(hash(binary)))
    jsonl = os.path.join(folder, "in.jsonl")
    ingest = ingested(binary, db, jsonl)
    return {
        "dedup": cli(binary, "dedup", jsonl),
        "ingest": ingest,
        "export": cli(binary, "--db", db, "export", "--json"),
        "facts": cli(binary, "facts", "--text", *files),
        "summarize": cli(binary, "summarize", *files, "--json"),
        "timex": cli(binary, "timex", *files, "--json"),
    }


# The marks and units round (rev30a): the words sl_units_word reads after a
# number ("10km", "3-miles", "5DLRS"), with capitals, plurals, a byte more
# or less and bytes past ASCII at their start; every quotation mark form,
# cut ones too, line and paragraph breaks, colons before block quotes.
GLUED = ["km", "kms", "KM", "Km", "kmh", "dollars", "Dollar", "DLRS", "dlr", "yen", "yens", "hrs",
         "hr", "mph", "tonnes", "lbs", "feet", "foot", "points", "z\u0142otys", "Z\u0141OTY", "zloty",
         "\u00b0C", "\u00b0c", "\u00b5m", "\u03bcm", "\u03bcs", "\u20ac", "\u2032", "\u2033", "square",
         "per", "year-old", "years-old", "W", "V", "F", "C", "G", "mW", "MW", "GWh", "kWh", "pct", "pc",
         "p", "m", "m2", "cm3", "sqm", "bpd", "barrel-a-day", "kilometres", "Kilometers", "ms", "mins",
         "s", "S", "x", "", "-", "--", "-long", "km-long", "-km", "miles-wide", "percent", "Percent"]
MARK_FORMS = ['"', "''", "'", "\u201c", "\u201d", "\u201e", "\u201a", "\u2018", "\u2019", "\u00ab",
              "\u00bb", "\u2039", "\u203a", "\u2032", "\u2033", "\u300c", "\u300d", "\u300e",
              "\u300f", "\uff02", "\u00a0", "\u2014", "\u2014 ", "\n", "\n\n", "\n\n\n", "\r\n",
              "\r\n\r\n", ":\n\n", " wrote:\n\n", "--"]
RAW_PIECES = [b"\xe2", b"\xe2\x80", b"\xc2", b"\x00", b"\xff"]   # cut marks, NUL


def marks_units_text(rnd):
    parts = []
    for _ in range(rnd.randint(0, 90)):
        r = rnd.random()
        if r < 0.25:
            parts.append(rnd.choice(["", "-", "$", "about "]) + str(rnd.choice([1, 3, 10, 2.5, 1200]))
                         + rnd.choice(["", "", " ", "-"]) + rnd.choice(GLUED))
        elif r < 0.55:
            parts.append(rnd.choice(MARK_FORMS))
        elif r < 0.95:
            parts.append(rnd.choice(["the", "Harbour", "said", "we", "reopen", "don't", "piers'",
                                     "Varnholt", "x" * rnd.randint(1, 17), "[He]", "(", "été"]))
        else:
            parts.append(rnd.choice(["The harbour master wrote on Monday", "4:40 p.m."]) + ":\n\n")
        parts.append(rnd.choice([" ", "", "", ", ", ". ", "\n"]))
    t = "".join(parts).encode()
    if rnd.random() < 0.3:   # a cut mark or a NUL somewhere
        k = rnd.randint(0, len(t))
        t = t[:k] + rnd.choice(RAW_PIECES) + t[k:]
    return b"y" * rnd.randint(0, 8) + t   # every offset in the scan's eight-byte blocks


def raw_jsonl(rnd, texts):
    """The texts as JSONL lines in every raw form the line split meets."""
    out = []
    for i, t in enumerate(texts):
        line = json.dumps({"id": "m%d" % i, "text": t.decode("utf-8", "replace")}).encode()
        r = rnd.random()
        if r < 0.1:
            line += b"\r"
        elif r < 0.15:
            line = line[:rnd.randint(0, len(line))]          # a bad line
        elif r < 0.2:
            k = rnd.randint(0, len(line))
            line = line[:k] + b"\x00" + line[k:]            # a NUL inside a line
        out.append(line)
        out.append(rnd.choice([b"\n", b"\n", b"\n", b"\n\n", b"\n \t\r\n", b"\n\r\n"]))
    long_text = " ".join("harbour%d" % k for k in range(12000))   # past a 64 KB read
    out.append(json.dumps({"id": "long", "text": long_text}).encode() + b"\n")
    out.append(json.dumps({"id": "last", "text": texts[0].decode("utf-8", "replace")}).encode())
    return b"".join(out)


def marks_units_round(rnd, folder):
    files = []
    texts = [marks_units_text(rnd) for _ in range(120)]
    for i, t in enumerate(texts):
        files.append(os.path.join(folder, "mu%03d.txt" % i))
        with open(files[-1], "wb") as f:
            f.write(t)
    data = raw_jsonl(rnd, texts)
    with open(os.path.join(folder, "raw.jsonl"), "wb") as f:
        f.write(data)
    with gzip.open(os.path.join(folder, "raw.jsonl.gz"), "wb") as f:
        f.write(data)
    return files


def marks_units_outputs(binary, folder, files):
    db = os.path.join(folder, "marks-%d.db" % abs(hash(binary)))
    raw = os.path.join(folder, "raw.jsonl")
    ingest = ingested(binary, db, raw, raw + ".gz")
    return {
        "marks facts": cli(binary, "facts", "--text", *files),
        "marks ingest": ingest,
        "marks export": cli(binary, "--db", db, "export", "--json"),
        "marks dedup": cli(binary, "dedup", raw),
    }


# The language round: stop words of the stop lists' languages, letters of
# several scripts, capitals past ASCII.
LANG_STOPS = {
    "en": "the and of to in is that it was for on with as his by at from which would".split(),
    "de": "der die und den das nicht von sie ist des sich mit dem auch zwischen".split(),
    "fr": "le la les de des et en un une du dans pour avec sur pas comme".split(),
    "es": "el la de que y en los del se las por un para con también".split(),
    "it": "il di che la e in un per non una con del della sono però".split(),
    "nl": "de het een van en in is dat op te zijn niet met voor".split(),
    "pt": "o a de que e do da em um para com não uma os pelo".split(),
}
SCRIPTS = ["абвгдеёжзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗ", "αβγδεζηθικλμνξοπρσςτυφχψωΣΩΆΈ",
           "אבגדהוזחטיכלמנסעפצקרשת", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "कखगघचछजझटठडढणतथदधनपफबभमयरलव",
           "abcdefghijklmnopqrstuvwxyzéèêàâçñüößøåæłśżčšžőűİıǅ", "ㄱ가나다라마바사아자차카타파하",
           "あいうえおかきくけこアイウエオ", "北京東京都中国日本人大学", "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอ",
           "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", "ԱԲԳԴԵԶԷԸԹԺաբգդեզէըթժ"]


def lang_word(rnd, lang):
    r = rnd.random()
    if r < 0.55:
        w = rnd.choice(LANG_STOPS[lang])
    elif r < 0.9:
        w = "".join(rnd.choice(SCRIPTS[5][:26]) for _ in range(rnd.randint(1, 12)))
    else:
        w = "".join(rnd.choice(rnd.choice(SCRIPTS)) for _ in range(rnd.randint(1, 30)))
    return rnd.choice([w, w, w, w.upper(), w.capitalize()])


def lang_text(rnd):
    kind = rnd.randrange(7)
    if kind == 0:    # two to four languages, in runs or interleaved
        langs = rnd.sample(sorted(LANG_STOPS), rnd.randint(2, 4))
        n = rnd.randint(20, 160)
        run = rnd.choice([1, 5, 30, 200])
        return " ".join(lang_word(rnd, langs[(k // run) % len(langs)]) for k in range(n)).encode()
    if kind == 1:    # very short
        return " ".join(lang_word(rnd, rnd.choice(sorted(LANG_STOPS))) for _ in range(rnd.randint(0, 4))).encode()
    if kind == 2:    # very long
        lang = rnd.choice(sorted(LANG_STOPS))
        return " ".join(lang_word(rnd, lang) for _ in range(rnd.choice([300, 3000, 100000]))).encode()
    if kind == 3:    # one word repeated
        w = lang_word(rnd, rnd.choice(sorted(LANG_STOPS)))
        return (w + rnd.choice([" ", "", "-", "\n"])).encode() * rnd.choice([1, 7, 250, 10 ** 4, 10 ** 6 // 4])
    if kind == 4:    # every ASCII byte among words
        lang = rnd.choice(sorted(LANG_STOPS))
        return b"".join(lang_word(rnd, lang).encode() + bytes([rnd.randrange(128)]) for _ in range(rnd.randint(1, 200)))
    if kind == 5:    # a script past Latin, with Latin words and stop words in it
        script = rnd.choice(SCRIPTS)
        return " ".join("".join(rnd.choice(script) for _ in range(rnd.randint(1, 9))) if rnd.random() < 0.7
                        else lang_word(rnd, rnd.choice(sorted(LANG_STOPS)))
                        for _ in range(rnd.randint(1, 150))).encode()
    b = lang_text(rnd)   # cut or broken UTF-8 at any offset
    for _ in range(rnd.randint(1, 4)):
        k = rnd.randint(0, len(b))
        b = b[:k] + rnd.choice([b"\xc3", b"\xe2\x80", b"\x80", b"\xff", b"\xf0\x9f", b""]) + b[k:]
    return b[:rnd.randint(0, len(b))] if rnd.random() < 0.5 else b


def lang_probe(binary, folder):
    """tests/differential_lang.c built against the binary's build: its exe."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(binary)))
    exe = os.path.join(folder, "lang-%d" % abs(hash(binary)))
    here = os.path.dirname(os.path.abspath(__file__))
    pkgs = "sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat libcurl"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + pkgs.split(),
                           capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-std=c17", "-D_GNU_SOURCE", "-O2", "-I" + os.path.join(root, "include"),
                    "-I" + os.path.join(root, "src"), os.path.join(here, "differential_lang.c"),
                    os.path.join(os.path.dirname(os.path.abspath(binary)), "libstoryline.a"), "-o", exe]
                   + flags + ["-lstemmer", "-lm"], check=True)
    return exe


def lang_round(rnd, exes):
    texts = [lang_text(rnd) for _ in range(400)]
    stdin = b"".join(struct.pack("<I", len(t)) + t for t in texts)
    return [subprocess.run([exe], input=stdin, capture_output=True, check=True).stdout.split(b"\n")
            for exe in exes]


def main():
    args = [a for a in sys.argv[1:] if a != "--with-changes"]
    with_changes = "--with-changes" in sys.argv
    old, new, rounds = args[0], args[1], int(args[2]) if len(args) > 2 else 10
    differ = 0
    with tempfile.TemporaryDirectory() as folder:
        exes = [lang_probe(old, folder), lang_probe(new, folder)]
        for n in range(rounds):
            a, b = lang_round(random.Random(1000 + n), exes)
            for k, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    differ += 1
                    print("language round %d, text %d: %r, %r" % (n, k, x, y))
    for n in range(rounds):
        rnd = random.Random(n)
        with tempfile.TemporaryDirectory() as folder:
            files = write_round(rnd, folder, with_changes)
            a, b = outputs(old, folder, files), outputs(new, folder, files)
            marks = marks_units_round(rnd, folder)
            a.update(marks_units_outputs(old, folder, marks))
            b.update(marks_units_outputs(new, folder, marks))
            for name in a:
                if a[name] != b[name]:
                    differ += 1
                    print("round %d: %s differs" % (n, name))
    print("%d rounds of 300 texts, 120 marks and units texts and 400 languages' texts, %d outputs differ"
          % (rounds, differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
