#!/usr/bin/env python3
"""Differential run of two storyline builds on generated hostile texts: a
change meant to be exact (a fast path) must leave every output as it was.

    python3 tests/differential.py OLD_BIN NEW_BIN [ROUNDS] [--with-changes] [--scans] [--no-lang] [--json]
    python3 tests/differential.py OLD_BIN NEW_BIN [ROUNDS] --dates

Each round writes 300 texts (JSONL lines, and 40 of them as files with raw
bytes: NUL, cut UTF-8) and runs both builds through dedup, ingest + export
--json, facts --text, summarize --json and timex --json, and a language
round of 400 texts (several languages and scripts mixed, very short, very
long, one word repeated, every ASCII byte, cut UTF-8) through
tests/differential_lang.c built against each binary's libstoryline.a
(sl_lang_detect, sl_lang_detect_prior, the n-gram model's best language of
every script); it prints every output that differs and exits 1 if any did. "c." and the Unicode spaces
(changed on purpose by qa4) are left out unless --with-changes.
(2026-12-06, branches rev28b, rev29b, rev30a and rev30b; docs/testing.md.)
Each round also
runs speed23's exact levers (marks_units_round, branch rev30a: 120 texts of
numbers glued to unit words and quotation marks of every form at every
offset of the quote scan's eight-byte blocks, as files through facts
--text; a JSONL file of raw lines, CR LF, blank and white lines, a NUL,
bad lines, a line of more than 64 KB, no newline after the last, also
gzipped, through ingest + export --json and dedup). --scans adds, each
round, 300 texts made for the text stage's block scans and the copy sketch
(branch rev30b): long ASCII runs broken by every kind of end and control at
any offset, number words in any case, cut, hyphened (ASCII and Unicode
hyphens), stop words of several languages in capitals past ASCII (dotted
I, sharp s, final sigma, combining marks), texts of hundreds of distinct
terms, raw UTF-8 in the JSONL too; --no-lang leaves the language round
out (for a sanitizer build, whose libstoryline.a the probe cannot link).
--json adds a round of 672 JSONL lines made for the JSON readers (branch
rev31a, below) through dedup and ingest + export --json."""
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


# The scans round (--scans): pieces that break a run of ASCII at any
# offset, number words and their near misses, stop words past ASCII.
BREAKS = [".", "!", "?", "\u2026", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085",
          "\x00", "\t", "  ", " \n", " \t ", "\x7f", "\x1f", "\x0b", "\x0c", "\u00e9", "\u00a0",
          "\u2010", "\u2011", "\u2014", "\"", "\u201c", "\u201d", " ", " ", " ", ". ", "! ", "? "]
NUMBERS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
           "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
           "eighty ninety").split()
FOLDS = ["\u0130stanbul", "\u0131s\u0131k", "I\u0307", "STRASSE", "stra\u00dfe", "STRA\u1e9eE", "\u03a3\u039f\u03a6\u039f\u03a3",
         "\u03c3\u03bf\u03c6\u03cc\u03c2", "e\u0301t\u00e9", "\u00dcBER", "\u00fcber", "U\u0308ber", "DAS", "Die", "d\u2019un", "L\u2019\u00c9TAT",
         "\u00c0", "\u00e0", "O\u00d9", "Tamb\u00e9n", "TAMBI\u00c9N", "\uff2f\uff2e\uff25", "\u2160", "\ufb01ve", "\ufb00"]


def number_word(rnd):
    v = rnd.randint(1, 99)
    w = NUMBERS[v - 1] if v < 20 else NUMBERS[17 + v // 10] + (
        rnd.choice(["-", "-", "\u2010", "\u2011", ""]) + NUMBERS[v % 10 - 1] if v % 10 else "")
    w = "".join(c.upper() if rnd.random() < 0.3 else c for c in w)
    r = rnd.random()
    if r < 0.15 and len(w) > 2:   # a letter dropped, a hyphen put in, cut to a length
        k = rnd.randrange(1, len(w))
        w = rnd.choice([w[:k] + w[k + 1:], w[:k] + "-" + w[k:], w[:k]])
    elif r < 0.2:
        w = rnd.choice(["one-two", "six-ten", "ten-one", "forty-one", "fifty-fiv", "seventeen", "seventeen-",
                        "-seven", "twenty--one", "twenty-one-two", "eightyeight", "ninety-ten"])
    return w


def scan_word(rnd):
    r = rnd.random()
    if r < 0.25:
        return number_word(rnd)
    if r < 0.4:
        return rnd.choice(FOLDS + STOPS)
    if r < 0.5:
        return rnd.choice(PIECES)
    return "".join(rnd.choice(LETTERS if rnd.random() < 0.1 else LETTERS[:26])
                   for _ in range(rnd.randint(1, 12)))


def scan_text(rnd):
    kind = rnd.randrange(4)
    if kind == 0:   # runs of words and single spaces, broken at any offset
        parts = []
        for _ in range(rnd.randint(1, 30)):
            run = " ".join(scan_word(rnd) if rnd.random() < 0.3 else "x" * rnd.randint(1, 9)
                           for _ in range(rnd.randint(0, 12)))
            parts.append(run[:rnd.randint(0, len(run))] + rnd.choice(BREAKS))
        return "".join(parts)
    if kind == 1:   # hundreds of distinct terms, some repeated, some quoted
        words = ["".join(rnd.choice(LETTERS[:26]) for _ in range(rnd.randint(3, 14))) for _ in range(rnd.randint(1, 700))]
        out = []
        for w in words:
            w = rnd.choice(words) if rnd.random() < 0.3 else w
            w = w.capitalize() if rnd.random() < 0.3 else w
            out.append(w + rnd.choice([" ", " ", " ", ". ", ", ", "\n", " \"", "\" "]))
        return "".join(out)
    if kind == 2:   # sentences of number words, folds and stop words
        return " ".join(scan_word(rnd) + rnd.choice(["", "", ".", ",", "!", "\n"]) for _ in range(rnd.randint(0, 150)))
    t = "a" * rnd.randint(0, 70) + rnd.choice(BREAKS) + "b" * rnd.randint(0, 70)   # one break in a run
    return t + rnd.choice(["", ".", " Then it ended.", "\n\nNext."]) * rnd.randint(1, 3)


def figure_pair(rnd):
    """Two tellings of one report, its figures spelled in one and in digits
    (or spelled otherwise) in the other, a few words dropped: the copy
    scores read the number words' terms."""
    a, b = [], []
    for _ in range(rnd.randint(8, 60)):
        if rnd.random() < 0.25:
            v = rnd.randint(1, 99)
            w = NUMBERS[v - 1] if v < 20 else NUMBERS[17 + v // 10] + ("-" + NUMBERS[v % 10 - 1] if v % 10 else "")
            a.append("".join(c.upper() if rnd.random() < 0.2 else c for c in w))
            b.append(rnd.choice([str(v), w.capitalize(), w.replace("-", rnd.choice(["\u2010", "", "-"]))]))
            continue
        w = scan_word(rnd) if rnd.random() < 0.3 else "".join(rnd.choice(LETTERS[:26]) for _ in range(rnd.randint(3, 9)))
        a.append(w)
        if rnd.random() > 0.1:
            b.append(w)
        if rnd.random() < 0.15:
            a[-1] += "."
            b.append(".")
    return " ".join(a), " ".join(b).replace(" .", ".")


def write_scans_round(rnd, folder):
    files = []
    pair = []
    with open(os.path.join(folder, "in.jsonl"), "w", encoding="utf-8") as out:
        for i in range(300):
            if not pair and rnd.random() < 0.3:
                pair = list(figure_pair(rnd))
            t = pair.pop() if pair else scan_text(rnd)
            line = {"id": "s%d" % i, "title": scan_text(rnd)[:60], "text": t, "published": "2026-03-01"}
            out.write(json.dumps(line, ensure_ascii=i % 2 == 0) + "\n")
            if i < 40:
                files.append(os.path.join(folder, "t%02d.txt" % i))
                with open(files[-1], "wb") as f:
                    f.write(t.encode("utf-8", "surrogatepass"))
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
        "compare": [cli(binary, "compare", a, b, "--json") for a, b in zip(files[0::2], files[1::2])],
    }


# The JSON lines round (--json, branch rev31a): lines made to tell
# read_flat (dedup10's reader of a flat line, json_fields.c) from yajl and
# jansson: duplicate keys, keys past ASCII or escaped, every escape (\u0000,
# lone and paired surrogates either way), overlong and 5-byte UTF-8,
# U+FFFE, integers of 18 and 19 digits, -0, 01, 1e5, 1.0, words, nested
# values, \v \f and NBSP as white space, CR LF, text or a second object
# after the first, lines cut anywhere, strings crossing 16-byte blocks at
# every offset. Lines with bytes that are not UTF-8 go to dedup only
# (ingest keeps them since qa7, main refused them).
J_ESC = [b'\\"', b'\\\\', b'\\/', b'\\b', b'\\f', b'\\n', b'\\r', b'\\t', b'\\u0000', b'\\u0041', b'\\u00e9',
         b'\\u20ac', b'\\ud83d\\ude00', b'\\ude00\\ud83d', b'\\ud83d', b'\\ude00', b'\\uDBFF\\uDFFF',
         b'\\uFFFE', b'\\u', b'\\u12', b'\\x', b"\\'", b'\\uD800\\u0041', b'\\uD800\\uD800', b'\\U0041']
J_RAW = [b'\xc3\xa9', b'\xe2\x82\xac', b'\xf0\x9f\x98\x80', b'\xef\xbf\xbe', b'\xf4\x8f\xbf\xbf', b'\xc2\xa0',
         b'\x00', b'\x01', b'\x1f', b'\x7f', b'\t', b'\r', b'\v', b'\f', b'{', b'}', b'[', b']', b':', b',']
J_BAD = [b'\xc0\x80', b'\xe0\x80\x80', b'\xed\xa0\x80', b'\xf4\x90\x80\x80', b'\xf8\x88\x80\x80\x80', b'\xff',
         b'\x80', b'\xc3']
J_WS = [b' ', b'\t', b'\r', b'\r\n', b'\v', b'\f', b'\xc2\xa0']
J_NUMS = [b'0', b'-0', b'-', b'01', b'-01', b'1', b'-1', b'123456789012345678', b'-123456789012345678',
          b'1234567890123456789', b'9223372036854775807', b'9223372036854775808', b'1e5', b'1.0', b'1.',
          b'.5', b'-1.5e-3', b'+1', b'00']
J_WORDS = [b'true', b'false', b'null', b'tru', b'{}', b'[]', b'{"x":1}', b'[1,"a"]', b'{"text":"in"}']
J_KEYS = [b'text', b'id', b'', b'k\x7f', b'te\\u0078t', b't\xc3\xa9xt', b'text ', b'texts', b'i\\"d']
J_AFTER = [b'x', b'\x00', b'{}', b'"', b'\v', b'\f', b' \r', b'\xc2\xa0', b'}', b'{"text":"2nd"}']


def json_string(rnd, bad):
    parts = []
    for _ in range(rnd.randint(0, 8)):
        r = rnd.random()
        if r < 0.35:
            parts.append(bytes(rnd.choice(b"abcdefghij klmnop ABC0123") for _ in range(rnd.randint(0, 40))))
        elif r < 0.6:
            parts.append(rnd.choice(J_ESC))
        else:
            parts.append(rnd.choice(J_RAW + (J_BAD if bad else [])))
    return b'"' + b"".join(parts) + b'"'


def json_line(rnd, bad):
    ws = lambda: rnd.choice(J_WS) if rnd.random() < 0.3 else b""
    members = []
    for _ in range(rnd.randint(0, 5)):
        r = rnd.random()
        value = (json_string(rnd, bad) if r < 0.6 else rnd.choice(J_NUMS) if r < 0.85
                 else rnd.choice(J_WORDS))
        members.append(ws() + b'"' + rnd.choice(J_KEYS) + b'"' + ws() + b":" + ws() + value + ws())
    line = ws() + b"{" + b",".join(members) + (b"," if rnd.random() < 0.05 else b"") + b"}" + ws()
    if rnd.random() < 0.1:
        line += rnd.choice(J_AFTER)
    if rnd.random() < 0.05:
        line = line[:rnd.randint(0, len(line))]
    return line


def write_json_round(rnd, folder):
    # a whole first record: a first line left open is a JSON document's (qa7)
    good = [b'{"text": "The first record.", "id": 0}'] + [json_line(rnd, False) for _ in range(299)]
    good += [b'{"text":"' + b"a" * k + end + b'"}' for k in range(0, 34, 3)
             for end in (b"", b"\\n", b"\\u00e9", b"\xc3\xa9", b"\x01", b"\\")]
    with open(os.path.join(folder, "in.jsonl"), "wb") as f:
        f.write(b"\n".join(good) + b"\n")
    with open(os.path.join(folder, "bad.jsonl"), "wb") as f:
        f.write(b"\n".join(good[:1] + [json_line(rnd, True) for _ in range(299)]) + b"\n")
    return []


def json_outputs(binary, folder, _files):
    db = os.path.join(folder, "store-%d.db" % abs(hash(binary)))
    jsonl = os.path.join(folder, "in.jsonl")
    return {
        "dedup": cli(binary, "dedup", jsonl),
        "dedup of bad bytes": cli(binary, "dedup", os.path.join(folder, "bad.jsonl")),
        "ingest": ingested(binary, db, jsonl),
        "export": cli(binary, "--db", db, "export", "--json"),
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


def c_probe(binary, folder, source, name):
    """tests/SOURCE built against the binary's build: its exe."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(binary)))
    exe = os.path.join(folder, name + "-%d" % abs(hash(binary)))
    here = os.path.dirname(os.path.abspath(__file__))
    pkgs = "sqlite3 libxml-2.0 libutf8proc libxxhash zlib jansson yajl libexttextcat libcurl"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + pkgs.split(),
                           capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", "-std=c17", "-D_GNU_SOURCE", "-O2", "-I" + os.path.join(root, "include"),
                    "-I" + os.path.join(root, "src"), os.path.join(here, source),
                    os.path.join(os.path.dirname(os.path.abspath(binary)), "libstoryline.a"), "-o", exe]
                   + flags + ["-lstemmer", "-lm"], check=True)
    return exe


def lang_probe(binary, folder):
    """tests/differential_lang.c built against the binary's build: its exe."""
    return c_probe(binary, folder, "differential_lang.c", "lang")


# The dates round (--dates, branch rev31b): texts thick with the words of
# every pattern of src/timex (months whole, cut and dotted, weekdays, days,
# years, ordinals, units, seasons, parts of day, decades, number words,
# "ago", "last", "fiscal", "quarter"...), in any case, with punctuation and
# long gaps of other words between them, and a publication day each (some
# at the ends of the reference's years, some none): the event day and the
# expressions of every text through tests/differential_dates.c, and the
# texts through timex --published, ingest + export --json and stories.
DATE_WORDS = ("January February March April May June July August September October November "
              "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Sept. "
              "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue "
              "yesterday today tomorrow tonight tonight's weekend morning afternoon evening night "
              "noon midnight spring summer autumn fall winter day days week weeks month months "
              "year years quarter quarters decade decades century hour hours minute minutes "
              "the the the of of on on in at a an this last next previous coming past current recent "
              "latest future present early late mid earlier later ago since until fiscal calendar "
              "first second third fourth 1st 2nd 3rd 4th 21st end beginning start middle "
              "nearly almost about around roughly approximately over under more less up no least than to "
              "every each daily weekly monthly annually yearly hourly now currently nowadays recently "
              "lately these several few one two three ten twelve twenty "
              "1990s '90s 1980s s ' year-ago year-earlier will ll shall scheduled expected due "
              "a.m. p.m. am pm a p m").split()
DATE_PUNCT = [" ", " ", " ", " ", ", ", ". ", "-", " - ", "'s ", ": ", " .", ".\n", "\n\n", "  ", " (", ") "]


def date_token(rnd):
    r = rnd.random()
    if r < 0.5:
        w = rnd.choice(DATE_WORDS)
    elif r < 0.8:
        w = str(rnd.choice([rnd.randint(0, 40), rnd.randint(1, 12), rnd.randint(1900, 2199),
                            rnd.randint(0, 99), rnd.randint(100, 99999)]))
        w = rnd.choice([w, w, "0" + w, w + ":" + "%02d" % rnd.randint(0, 70)])
    else:
        w = "".join(rnd.choice(LETTERS[:26]) for _ in range(rnd.randint(1, 9)))
    return rnd.choice([w, w, w, w.lower(), w.upper(), w.capitalize()])


def date_text(rnd):
    parts = []
    for _ in range(rnd.randint(0, 160)):
        if rnd.random() < 0.08:   # a long gap of other words
            parts += [word(rnd, False) + " " for _ in range(rnd.randint(5, 40))]
        parts += [date_token(rnd), rnd.choice(DATE_PUNCT)]
    return "".join(parts)


def published_day(rnd):
    """A publication day (days since 1970): mostly 1987-2030, some at the
    ends of the years a reference can have, some none (INT64_MIN)."""
    r = rnd.random()
    if r < 0.85:
        return rnd.randint(6200, 22000)
    return rnd.choice([-719530, -719529, 2932896, 2932897, -(2 ** 63), rnd.randint(-10 ** 6, 10 ** 7)])


def iso_day(day):
    y, m, d = civil(day)
    return "%04d-%02d-%02d" % (y, m, d)


def civil(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def write_dates_round(rnd, folder):
    files, days = [], []
    with open(os.path.join(folder, "in.jsonl"), "w", encoding="utf-8") as out:
        for i in range(300):
            t, day = date_text(rnd) or "today", rnd.randint(6200, 22000)   # an empty file is said (qa7)
            out.write(json.dumps({"id": "t%d" % i, "title": date_text(rnd)[:60], "text": t,
                                  "published": iso_day(day)}) + "\n")
            if i < 40:
                files.append(os.path.join(folder, "t%02d.txt" % i))
                days.append(iso_day(day))
                with open(files[-1], "w", encoding="utf-8") as f:
                    f.write(t)
    return files, days


def dates_outputs(binary, folder, files, days):
    db = os.path.join(folder, "dates-%d.db" % abs(hash(binary)))
    jsonl = os.path.join(folder, "in.jsonl")
    return {
        "dates ingest": ingested(binary, db, jsonl),
        "dates export": cli(binary, "--db", db, "export", "--json"),
        "dates stories": cli(binary, "--db", db, "stories", "--json"),
        "dates timex": [cli(binary, "timex", "--published", d, "--json", f) for f, d in zip(files, days)],
    }


def dates_probe(binary, folder):
    """tests/differential_dates.c built against the binary's build: its exe."""
    return c_probe(binary, folder, "differential_dates.c", "dates")


def dates_round(rnd, exes):
    texts = [(published_day(rnd), date_text(rnd).encode()) for _ in range(400)]
    stdin = b"".join(struct.pack("<qI", d, len(t)) + t for d, t in texts)
    return [subprocess.run([exe], input=stdin, capture_output=True, check=True).stdout.split(b"\n")
            for exe in exes]


def lang_round(rnd, exes):
    texts = [lang_text(rnd) for _ in range(400)]
    stdin = b"".join(struct.pack("<I", len(t)) + t for t in texts)
    return [subprocess.run([exe], input=stdin, capture_output=True, check=True).stdout.split(b"\n")
            for exe in exes]


def main():
    args = [a for a in sys.argv[1:] if a not in ("--with-changes", "--scans", "--no-lang", "--json", "--dates")]
    if "--dates" in sys.argv:
        return dates_main(args[0], args[1], int(args[2]) if len(args) > 2 else 10)
    with_changes = "--with-changes" in sys.argv
    kinds = [("texts", lambda rnd, folder: write_round(rnd, folder, with_changes))]
    kinds += [("scans", write_scans_round)] if "--scans" in sys.argv else []
    kinds += [("json", write_json_round)] if "--json" in sys.argv else []
    old, new, rounds = args[0], args[1], int(args[2]) if len(args) > 2 else 10
    differ = 0
    with tempfile.TemporaryDirectory() as folder:
        exes = [] if "--no-lang" in sys.argv else [lang_probe(old, folder), lang_probe(new, folder)]
        for n in range(rounds if exes else 0):
            a, b = lang_round(random.Random(1000 + n), exes)
            for k, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    differ += 1
                    print("language round %d, text %d: %r, %r" % (n, k, x, y))
    for n in range(rounds):
        for kind, write in kinds:
            rnd = random.Random(n)
            with tempfile.TemporaryDirectory() as folder:
                files = write(rnd, folder)
                run = json_outputs if kind == "json" else outputs
                a, b = run(old, folder, files), run(new, folder, files)
                if kind == "texts":
                    marks = marks_units_round(rnd, folder)
                    a.update(marks_units_outputs(old, folder, marks))
                    b.update(marks_units_outputs(new, folder, marks))
                for name in a:
                    if a[name] != b[name]:
                        differ += 1
                        print("round %d (%s): %s differs" % (n, kind, name))
    print("%d rounds of 300 texts, 120 marks and units texts%s%s%s, %d outputs differ"
          % (rounds, " and 300 scans texts" if "--scans" in sys.argv else "",
             " and 672 JSON lines" if "--json" in sys.argv else "",
             " and 400 languages' texts" if exes else "", differ))
    return 1 if differ else 0


def dates_main(old, new, rounds):
    """--dates: the dates rounds alone (the probe's 400 texts, the CLI's 300)."""
    differ = 0
    with tempfile.TemporaryDirectory() as folder:
        exes = [dates_probe(old, folder), dates_probe(new, folder)]
        for n in range(rounds):
            rnd = random.Random(3000 + n)
            a, b = dates_round(rnd, exes)
            for k, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    differ += 1
                    print("dates round %d, text %d: %r, %r" % (n, k, x, y))
            with tempfile.TemporaryDirectory() as sub:
                files, days = write_dates_round(rnd, sub)
                x, y = dates_outputs(old, sub, files, days), dates_outputs(new, sub, files, days)
                for name in x:
                    if x[name] != y[name]:
                        differ += 1
                        print("dates round %d: %s differs" % (n, name))
    print("%d dates rounds of 400 probed texts and 300 ingested, %d outputs differ" % (rounds, differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
