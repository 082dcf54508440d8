"""Attribution styles for eval/facts_quotes_styles.py: PolNeAR rewritten at
run time in who speaks and how they are attributed, where its US-politics
texts have little variety: names of other cultures, verbs other than
"said", speakers named only by their role, and attribution in the sentence
before the quote. Each function returns edits (start, end, new text, and
per character of the new text the original character it stands for) that
facts_quotes_styles.rewrite applies; the gold spans stay on the original
text and the predictions are mapped back. Method: docs/facts.md, "Speakers
in other attribution styles"; figures: docs/eval.md.

The names below are invented (first names and family names as other
cultures write them), none a person PolNeAR's outlets quote."""
import re

# (full name, its short form in later mentions). Family name first where the
# culture writes it so (Chinese, Korean, Vietnamese: the short form is the
# family name, or the given name as Vietnamese press writes it); particles in
# lower case inside a sentence; a title where one goes with the name.
NAMES = [
    ("Abdel Karim el-Masri", "el-Masri"),
    ("Jan van der Berg", "van der Berg"),
    ("Andrés Felipe García Obregón", "García Obregón"),
    ("Zhao Lijun", "Zhao"),
    ("Oluwaseun Adeyemi", "Adeyemi"),
    ("Sheikh Tamim bin Rashid al-Nuaimi", "Sheikh Tamim"),
    ("Ursula von der Heide", "von der Heide"),
    ("Venkatesh Raghunathan", "Raghunathan"),
    ("Park Ji-hoon", "Park"),
    ("Anne-Sophie Lefèvre-Durand", "Lefèvre-Durand"),
    ("Dr Amina Farouk", "Dr Farouk"),
    ("María José Fernández de la Vega", "Fernández de la Vega"),
    ("Tran Duc Minh", "Minh"),
    ("Ngozi Okonkwo-Abara", "Okonkwo-Abara"),
    ("Mohammed bin Khalid", "bin Khalid"),
    ("Pieter de Vries", "de Vries"),
    ("Kwame Mensah-Bonsu", "Mensah-Bonsu"),
    ("Priyanka Deshpande", "Deshpande"),
    ("Luis Alberto Pérez Molina", "Pérez Molina"),
    ("Nguyen Thi Hoa", "Hoa"),
    ("Karl-Heinz von Arnim", "von Arnim"),
    ("Thabo Mthembu", "Mthembu"),
    ("Yusuf Abdel Rahman", "Abdel Rahman"),
    ("Kim Soo-yeon", "Kim"),
]
# Roles that stand for a person's later mentions (one per person).
ROLES = ["the minister", "the senator", "the governor", "the ambassador", "the chairman",
         "the mayor", "the commissioner", "the envoy"]
TITLE_ROLES = {"sen": "the senator", "senator": "the senator", "gov": "the governor",
               "governor": "the governor", "president": "the president", "rep": "the congressman",
               "secretary": "the secretary", "mayor": "the mayor", "judge": "the judge",
               "speaker": "the speaker", "minister": "the minister"}
# Verbs for "said" after the quote (the last two reorder: "said X", "according to X").
AFTER_VERBS = ["told reporters", "wrote", "tweeted", "insisted", "added", "'s spokesman said",
               "INVERT", "ACCORDING"]
BEFORE_VERBS = ["told reporters:", "wrote:", "tweeted:", "insisted:", "added:"]
# What stands for the attribution in the sentence before the quote.
BLUNT = ["was blunt.", "did not mince words.", "was unmoved.", "had a warning.",
         "went further."]
# Words that open a sentence before a name ("But Kaine said"), not a given name.
OPENERS = {"but", "and", "later", "then", "so", "yet", "when", "if", "as", "in", "on", "at",
           "after", "before", "while", "asked", "for", "still", "now", "here", "there", "since",
           "though", "although", "because", "with", "without", "even", "mr.", "mrs.", "ms.",
           "dr.", "sen.", "rep.", "gov.", "president", "senator", "secretary", "speaker"}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you"}
TITLE = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator|Secretary|Speaker)\.?\s+)"
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator",
          "secretary", "speaker", "governor", "former", "sens", "reps", "vice", "candidate",
          "nominee", "judge", "mayor", "lt", "col", "rev", "prof", "u.s", "first", "lady"}
NOT_PERSON = {"the", "house", "post", "times", "news", "campaign", "committee", "department",
              "party", "service", "office", "administration", "association", "council",
              "agency", "court", "senate", "congress", "republicans", "democrats", "white",
              "national", "state", "new", "york", "washington", "america", "american", "fox",
              "cnn", "united", "states", "street", "journal", "foundation", "center", "group",
              "poll", "university", "institute", "county", "city", "press", "daily"}
WORD = re.compile(r"^[A-Z][a-z]+(?:['\u2019-][A-Z]?[a-z]+)*$")


def _text(text, pieces):
    return " ".join(text[a:b] for a, b in pieces)


def person_of(source):
    """(given, family) of a gold source that is a person's full name after any
    title ("Sen. Tim Kaine" -> Tim, Kaine), else None."""
    words = re.sub(r"['\u2019]s$", "", source.strip()).split()
    while words and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    words = [w for w in words if not re.match(r"^[A-Z]\.$", w)]  # a middle initial
    if not 2 <= len(words) <= 3 or not all(WORD.match(w) for w in words):
        return None
    if any(w.lower() in NOT_PERSON for w in words):
        return None
    return words[0], words[-1]


def full_name_of(text, family):
    """(given, family) of the first "Given [X.] Family" in the text, else None."""
    for m in re.finditer(r"\b([A-Z][a-z]+)(?:\s+[A-Z]\.)?\s+%s\b" % re.escape(family), text):
        if m.group(1).lower() not in TITLES | NOT_PERSON:
            return m.group(1), family
    return None


def persons(text, quotes):
    """The persons quoted in the article whom it names in full somewhere, most
    quoted first: [(given, family)], a family name taken by its first person
    only. A source is a full name ("Sen. Tim Kaine") or a family name alone
    ("Mr. Kaine", "Kaine") that the text gives in full elsewhere."""
    count = {}
    for _, source, _ in quotes:
        s = _text(text, source) if source else ""
        p = person_of(s)
        if not p:
            words = re.sub(r"['\u2019]s$", "", s.strip()).split()
            while words and words[0].lower().rstrip(".") in TITLES:
                words = words[1:]
            if len(words) == 1 and WORD.match(words[0]) and words[0].lower() not in NOT_PERSON:
                p = full_name_of(text, words[0])
        if p:
            count[p] = count.get(p, 0) + 1
    out, families = [], set()
    for p in sorted(count, key=lambda p: -count[p]):
        if p[1] not in families:
            families.add(p[1])
            out.append(p)
    return out


def starts_sentence(text, at):
    """Whether a word at `at` opens a sentence (after a line break, a full
    stop that ends no title or initial, or a quotation mark after one)."""
    before = text[:at].rstrip(" \u00a0")
    if before[-1:] in ("\u201c", '"', "\u201d"):
        before = before[:-1].rstrip()
        if before[-1:] not in ("", "\n", ".", "!", "?"):
            return not before or before[-1] == "\n" or text[len(before)] in "\u201c"
    if not before or before[-1] in "\n!?":
        return True
    return before[-1] == "." and not re.search(r"(?:\b[A-Z][a-z]{0,3}|\b[A-Z])\.$", before)


def cap(s):
    return s[:1].upper() + s[1:]


def spread(a, b, new):
    """Per character of `new` replacing text[a:b], an original position in it."""
    n = max(len(new), 1)
    return [a + min((b - a) * i // n, max(b - a - 1, 0)) for i in range(len(new))]


def edit(a, b, new):
    return (a, b, new, spread(a, b, new))


def full_pattern(given, family):
    return re.compile(r"\b%s(?:\s+[A-Z]\.)?\s+%s\b" % (re.escape(given), re.escape(family)))


def family_pattern(family, titled):
    return re.compile(r"%s\b%s\b(?![\w-])" % (TITLE + "?" if titled else "", re.escape(family)))


def name_edits(text, quotes):
    """Each quoted person's full name and family name, all mentions, by one
    of NAMES; and {a form of a new name, or a capitalised word of one: the
    original name} to map a predicted speaker's name back."""
    edits, back, taken = [], {}, []
    for k, (given, family) in enumerate(persons(text, quotes)[:len(NAMES)]):
        full, short = NAMES[k]
        for m in full_pattern(given, family).finditer(text):
            new = full
            if full.startswith(("Dr ", "Sheikh ")) and re.search(TITLE + "$", text[:m.start()]):
                new = full.split(" ", 1)[1]  # the original's title stays
            edits.append(edit(m.start(), m.end(), new))
            taken.append((m.start(), m.end()))
        for m in family_pattern(family, False).finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            edits.append(edit(m.start(), m.end(),
                              cap(short) if starts_sentence(text, m.start()) else short))
        for form in (full, full.split(" ", 1)[1], short, cap(short)):
            back[form] = "%s %s" % (given, family)
        for w in re.findall(r"\w+", full):  # a part the finder kept alone ("Berg")
            if w[:1].isupper():
                back.setdefault(w, "%s %s" % (given, family))
    return edits, back


def speaker_back(speaker, back):
    """A predicted speaker's name in the original's words (name styles)."""
    if not speaker or not back:
        return speaker
    forms = sorted(back, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, forms)))
    return pattern.sub(lambda m: back[m.group(0)], speaker)


def after_name(text, at):
    """Whether the word at `at` follows a hyphen or a capitalised word that
    opens no sentence ("Eric Trump": another person's given name)."""
    m = re.search(r"(-|[A-Z][\w.'\u2019-]*)\s*$", text[max(at - 30, 0):at])
    return bool(m) and (m.group(1) == "-" or m.group(1).lower() not in OPENERS or
                        not starts_sentence(text, at - len(m.group(0))))


def role_of(text, at, k):
    """The role a later mention takes: the title before the full name at `at`
    ("Sen. Tim Kaine" -> "the senator"), else the k-th of ROLES."""
    m = re.search(r"\b(\w+)\.?\s+$", text[max(at - 20, 0):at])
    fallback = ROLES[k % len(ROLES)]
    return TITLE_ROLES.get(m.group(1).lower(), fallback) if m else fallback


def role_edits(text, quotes):
    """Each quoted person's later mentions by family name alone (and its title)
    as a role: "Reyes said" -> "the minister said" after the first full name."""
    edits = []
    for k, (given, family) in enumerate(persons(text, quotes)[:len(ROLES)]):
        fulls = [(m.start(), m.end()) for m in full_pattern(given, family).finditer(text)]
        if not fulls:
            continue
        for m in family_pattern(family, True).finditer(text, fulls[0][1]):
            if any(a <= m.start() < b for a, b in fulls) or \
                    re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) or after_name(text, m.start()):
                continue  # part of a longer name
            role = role_of(text, fulls[0][0], k)
            edits.append(edit(m.start(), m.end(), cap(role) if starts_sentence(text, m.start())
                              else role))
    return edits


def _mark_before(text, a):
    return a - 1 if text[a - 1:a] in '"\u201c\u201d' else a


def _source_cue(text, source, cue):
    """(source start, source end, cue start, cue end) when the gold source is
    one piece right before a one-piece cue "said"/"says", else None."""
    if not source or not cue or len(source) != 1 or len(cue) != 1:
        return None
    (sa, sb), (ca, cb) = source[0], cue[0]
    if text[ca:cb] not in ("said", "says") or sb > ca or text[sb:ca].strip():
        return None
    return sa, sb, ca, cb


def said_quotes(text, quotes):
    """(pieces, source start, source end, cue start, cue end) of each quote
    whose source is said/says right before the cue."""
    for pieces, source, cue in quotes:
        sc = _source_cue(text, source, cue)
        if sc:
            yield (pieces,) + sc


def lead_in(text, cb, mark):
    """Whether only a comma, colon or "that" stands between a cue ending at
    cb and the opening mark at `mark`."""
    return cb <= mark and re.match(r"[ ,:]*(?:that\s*)?$", text[cb:mark]) is not None


def verb_edits(text, quotes):
    """Cues "said"/"says" right after their source written otherwise, in turn:
    "told reporters", "wrote", "tweeted", "insisted", "added", "X's spokesman
    said", "said X", "according to X" (after the quote); with a colon before it."""
    edits, n = [], 0
    for pieces, sa, sb, ca, cb in said_quotes(text, quotes):
        if sa >= pieces[0][1]:  # after the quote or between its halves
            verb = AFTER_VERBS[n % len(AFTER_VERBS)]
            if text[sa:sb].lower() in PRONOUNS and verb not in AFTER_VERBS[:5]:
                verb = AFTER_VERBS[n % 5]  # no "according to he"
            if verb == "INVERT":
                cue_text, src = text[ca:cb], text[sa:sb]
                edits.append((sa, cb, cue_text + " " + src,
                              list(range(ca, cb)) + [ca] + list(range(sa, sb))))
            elif verb == "ACCORDING":
                src = text[sa:sb]
                edits.append((sa, cb, "according to " + src, [sa] * 13 + list(range(sa, sb))))
            elif verb.startswith("'s"):
                edits.append(edit(sb, cb, verb))
            else:
                edits.append(edit(ca, cb, verb))
        else:
            mark = _mark_before(text, pieces[0][0])
            if not lead_in(text, cb, mark):
                continue
            verb = BEFORE_VERBS[n % len(BEFORE_VERBS)]
            edits.append(edit(ca, mark, verb + " "))
        n += 1
    return edits


def before_edits(text, quotes):
    """The attribution as a sentence of its own before the quote:
    'Reyes said, "…"' -> 'Reyes was blunt. "…"'; '"…," Reyes said.' at a
    paragraph's start -> 'Reyes was blunt. "…."'."""
    edits, n = [], 0
    for pieces, sa, sb, ca, cb in said_quotes(text, quotes):
        blunt = BLUNT[n % len(BLUNT)]
        a, b = pieces[0][0], pieces[-1][1]
        open_mark = _mark_before(text, a)
        if cb <= open_mark:
            if not lead_in(text, cb, open_mark) or "\n" in text[sb:open_mark]:
                continue
            edits.append(edit(ca, open_mark, blunt + " "))
        elif sa >= b:
            close = b if text[b:b + 1] in '"\u201d' else b - 1
            if text[close - 1:close] != "," or not (open_mark == 0 or text[open_mark - 1] == "\n"):
                continue
            tail = re.match(r"\s*%s\s+%s[^.\n\"\u201c\u201d]*\." % (re.escape(text[sa:sb]),
                                                                     re.escape(text[ca:cb])),
                            text[close + 1:])
            if not tail or len(pieces) != 1:
                continue
            src = text[sa:sb]
            lead = cap(src) + " " + blunt + " "
            edits.append((open_mark, open_mark, lead,
                          list(range(sa, sb)) + [sa] * (len(lead) - (sb - sa))))
            edits.append(edit(close - 1, close, "."))
            edits.append(edit(close + 1, close + 1 + tail.end(), ""))
        else:
            continue
        n += 1
    return edits


ATTRIBUTION = {"names": name_edits, "verbs": verb_edits, "roles": role_edits,
               "before": before_edits}
