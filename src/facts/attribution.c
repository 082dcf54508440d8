/* attribution.c — where a quote's attribution stands and what it says:
 * after the closing mark ("...," said Smith), before the opening one
 * (Smith said: "..."), the colon paragraph over a block quote, the
 * signature line under a quote ("- Smith."), the sentence before it, and
 * an interview's turns; the speaker phrase and its cue verb, as token
 * ranges, for quotes.c to name. */
#include <stdlib.h>
#include <string.h>

#include "facts/attribution.h"
#include "facts/entity_cues.h"

/* Tokens looked at around a quote for its attribution (after it, appositives
 * make the window longer: "…," Jane Roe, a spokeswoman for X, said; the
 * window itself is SL_ATTRIBUTION_WINDOW, attribution.h). */
#define ATTRIBUTION_AFTER 22
#define ATTRIBUTION_BEFORE 24
/* Longest speaker phrase in tokens. */
#define SPEAKER_MAX 7

static const char *const cues[] = {"said", "says", "say", "told", "tells", "added", "adds",
    "asked", "asks", "stated", "wrote", "writes", "explained", "noted", "notes", "insisted",
    "argued", "warned", "warns", "declared", "continued", "tweeted", "posted", "claimed",
    "recalled", "replied", "responded", "acknowledged", "admitted", "announced", "according",
    "testified", "remarked", "observed", "conceded", "joked", "quipped", "shouted", "yelled",
    "agreed", "cautioned", "predicted", "suggested", "insists", "argues", "explains", "pointed",
    "emphasized", "stressed", "complained", "countered", "concluded", "boasted", "vowed",
    "promised", "urged", "demanded", "charged", "alleged", "lamented", "mused", "opined",
    "reiterated", "confirmed", "denied", "maintained", "contended", "wondered", "exclaimed",
    "reported", "tweets", "writing", "saying", "telling", "adding", "asking", "reads", "read",
    "concludes", "continues", "recalls", "agrees", "acknowledges", "admits", "claims",
    "declares", "observes", "predicts", "replies", "responds", "states", "suggests", "jokes",
    "laments", "complains", "counters", "stresses", "urges", "wonders", "announces",
    "responding", "replying", "explaining", "noting", "arguing", "warning", "retorted",
    "scoffed", "snapped", "mocked", "mocks", "pleaded", "pledged", "proclaimed", "chided",
    "confided", "recounted", "remembered", "reflected", "speculated", "underscored",
    "emphasised", "commented", "texted", "emailed", "answered", "interjected", "bragged",
    "marveled", "explains", "quips", "scoffs", "boasts", "touted", "conceded", "griped", "sang",
    "sings", NULL};
/* Cues of a partial quote, before it only: she described the talks as "good". */
static const char *const partial_cues[] = {"described", "describes", "called", "calls",
    "calling", "termed", "dubbed", NULL};
static const char *const pronouns[] = {"he", "she", "they", "i", "we", NULL};
static const char *const abbrev_titles[] = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen",
    "st", "jr", "lt", "col", "sgt", "capt", "prof", "rev", NULL};
static const char *const np_stops[] = {"in", "on", "at", "during", "when", "while", "after",
    "before", "as", "and", "but", "because", "to", "that", "who", "which", "from", "with",
    "last", "this", "earlier", "later", "recently", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "yesterday", "today", "then", "also",
    "told", "of", NULL};

/* Adverbs and auxiliaries between a speaker and the cue ("Mills then wrote"). */
static const char *const speaker_trailers[] = {"also", "then", "later", "once", "again", "now",
    "just", "was", "is", "has", "had", "have", "will", "would", "repeatedly", "previously",
    "recently", "often", "still", "first", "finally", NULL};

bool sl_attr_punct(const sl_facts_doc *d, size_t i)
{
    return i < d->toks.n && (d->toks.items[i].flags & SL_TOK_PUNCT);
}

/* The dot of a title ("Mr."), of an initial ("John D. Podesta") or of a
 * short capitalised abbreviation before a comma or a closing parenthesis
 * ("Allentown, Pa., said"; "Marco Rubio (R-Fla.) said": the part after the
 * hyphen). */
static bool abbrev_dot(const sl_facts_doc *d, size_t i)
{
    if (!sl_facts_is(d, i, ".") || i == 0)
        return false;
    size_t n;
    const char *w = sl_facts_tok(d, i - 1, &n);
    bool title = sl_facts_in(d, i - 1, abbrev_titles) >= 0;
    const char *hyphen = memrchr(w, '-', n);
    if (hyphen) {
        n -= (size_t)(hyphen + 1 - w);
        w = hyphen + 1;
    }
    bool cap = n >= 1 && w[0] >= 'A' && w[0] <= 'Z';
    return title || (cap && n == 1) ||
           (cap && n <= 4 && (sl_facts_is(d, i + 1, ",") || sl_facts_is(d, i + 1, ")")));
}

/* Punctuation that ends an attribution's clause: a sentence's end, a
 * semicolon or colon, or a quotation mark (a new quote); not the commas,
 * parentheses, dashes and apostrophes of an apposition ("Jeff Weaver,
 * Sanders' campaign manager, said"; "Rep. Jim McDermott (D-Wash.) said"). */
bool sl_attr_clause_end(const sl_facts_doc *d, size_t i)
{
    static const char *const ends[] = {".", "!", "?", ";", ":", "\"", "\u201c", "\u201d", "\u201e",
                                       "\u00ab", "\u00bb", NULL};
    return sl_attr_punct(d, i) && sl_facts_in(d, i, ends) >= 0 && !abbrev_dot(d, i);
}

/* Word tokens in [a, b). */
static size_t word_count(const sl_facts_doc *d, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b && i < d->toks.n; i++)
        n += (d->toks.items[i].flags & SL_TOK_WORD) != 0;
    return n;
}

bool sl_attr_is_cue(const sl_facts_doc *d, size_t i)
{
    /* "As Dana Milbank puts it, "..."" */
    return i < d->toks.n && (sl_facts_in(d, i, cues) >= 0 ||
                             ((sl_facts_is(d, i, "put") || sl_facts_is(d, i, "puts")) &&
                              sl_facts_is(d, i + 1, "it")));
}

/* Cues whose speaker always comes first: "Smith told reporters". */
static bool speaker_before_cue(const sl_facts_doc *d, size_t k)
{
    return sl_facts_is(d, k, "told") || sl_facts_is(d, k, "tells") || sl_facts_is(d, k, "telling");
}

/* A cue in -ing after a comma or "by", whose speaker is the sentence's
 * subject: "Warren endorsed Clinton, saying", "Husted continued by saying". */
static bool participle(const sl_facts_doc *d, size_t k)
{
    size_t n;
    const char *w = sl_facts_tok(d, k, &n);
    return k > 0 && n > 4 && !strncmp(w + n - 3, "ing", 3) &&
           (sl_facts_is(d, k - 1, ",") || sl_facts_is(d, k - 1, "by"));
}

/* An adverb or auxiliary between a speaker and the cue. */
bool sl_attr_trailer(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    bool ly = n > 3 && !strncmp(w + n - 2, "ly", 2) && !sl_facts_upper(d, i);
    return ly || sl_facts_in(d, i, speaker_trailers) >= 0;
}

static const char *const np_starts[] = {"the", "a", "an", "his", "her", "their", "its", "he",
    "she", "they", "we", "i", "one", "former", "another", NULL};

/* Lower-case words before a name from token i: a title of no list
 * ("said union secretary Ann Holt", "said longtime resident Jo Ray"). */
static bool titled_name(const sl_facts_doc *d, size_t i, size_t limit)
{
    for (size_t j = i; j < limit && j - i <= 3; j++) {
        if (sl_facts_upper(d, j))
            return j > i;
        if (!(d->toks.items[j].flags & SL_TOK_WORD) || (d->toks.items[j].flags & SL_TOK_STOP) ||
            sl_attr_is_cue(d, j))
            return false;
    }
    return false;
}

/* Speaker phrase forwards from token i: "Caddell", "the White House", "Mr. Smith",
 * "el-Masri", "van der Berg". It must start like a name (a family name's
 * lower-case particle too) or a noun phrase, else there is none (i itself). */
static size_t np_forward(const sl_facts_doc *d, size_t i, size_t limit)
{
    if (i >= d->toks.n || (!sl_facts_upper(d, i) && sl_facts_in(d, i, np_starts) < 0 &&
                           !titled_name(d, i, limit) &&
                           !sl_name_particle_start(d->s, d->toks.items, i, limit)))
        return i;
    size_t j = i;
    while (j < limit && j - i < SPEAKER_MAX && (!sl_attr_punct(d, j) || abbrev_dot(d, j)) &&
           !(j > i && sl_facts_in(d, j, np_stops) >= 0) && !sl_attr_is_cue(d, j))
        j++;
    return j;
}

/* Speaker phrase backwards ending before token `end`. */
static size_t np_backward(const sl_facts_doc *d, size_t end, size_t limit)
{
    size_t j = end;
    while (j > limit && end - j < SPEAKER_MAX && (!sl_attr_punct(d, j - 1) || abbrev_dot(d, j - 1)) &&
           sl_facts_in(d, j - 1, np_stops) < 0 && !sl_attr_is_cue(d, j - 1))
        j--;
    /* keep a name and what qualifies it, not the clause before: start at a
     * determiner or capitalised word when there is one */
    return j;
}

/* Whether a quote ends on a comma, ? or ! before its closing mark: its
 * sentence goes on, most often with its attribution. */
static bool ends_open(const sl_facts_doc *d, const sl_quote_piece *p)
{
    char last = p->close > p->start ? d->s[p->close - 1] : '\0';
    return last == ',' || last == '?' || last == '!';
}

/* A verb in the past tense, lower case ("questioned", "elaborated"). */
static bool past_verb(const sl_facts_doc *d, size_t i)
{
    if (i >= d->toks.n)
        return false;
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return (d->toks.items[i].flags & SL_TOK_WORD) && !sl_facts_upper(d, i) &&
           !(d->toks.items[i].flags & SL_TOK_STOP) && n > 4 && !strncmp(w + n - 2, "ed", 2);
}

/* The end of a name from token i: its capitalised words and their dots. */
static size_t name_end(const sl_facts_doc *d, size_t i, size_t limit)
{
    size_t j = i;
    while (j < limit && j - i < SPEAKER_MAX && (sl_facts_upper(d, j) || abbrev_dot(d, j)))
        j++;
    return j;
}

/* An attribution with a verb of no list, after a quote whose sentence goes
 * on: ""...," Beck questioned." / "she elaborated" / "the governor
 * repeated" / "reacted Trump." The speaker is a name, a pronoun or a role
 * the chooser resolves, the verb in the past tense next to it. */
static void unlisted_cue(const sl_facts_doc *d, size_t i, size_t limit, sl_attribution *a)
{
    size_t e = sl_facts_in(d, i, pronouns) >= 0 ? i + 1 : name_end(d, i, limit);
    for (size_t r = i + 2; e == i && r < limit && r <= i + 4; r++)
        if (sl_speakers_resolvable(d, i, r) && past_verb(d, r))
            e = r; /* "the governor repeated" */
    if (e > i && e < limit && past_verb(d, e)) {
        *a = (sl_attribution){e, i, e};
        return;
    }
    e = name_end(d, i + 1, limit);
    if (past_verb(d, i) && e > i + 1 && (e == limit || sl_facts_is(d, e, ",")))
        *a = (sl_attribution){i, i + 1, e};
}

/* Attribution after the closing mark: ", said Smith." / ", Smith said." */
sl_attribution sl_attr_after_quote(const sl_facts_doc *d, const sl_quote_piece *p)
{
    sl_attribution a = {SIZE_MAX, 0, 0};
    size_t i = sl_facts_token_at(d, p->after);
    while (i < d->toks.n && sl_facts_is(d, i, ","))
        i++;
    size_t limit = i;
    while (limit < d->toks.n && limit - i < ATTRIBUTION_AFTER && !sl_attr_clause_end(d, limit))
        limit++;
    /* no attribution across a new quotation or a paragraph */
    for (size_t k = i; k < limit; k++)
        if (d->toks.items[k].start > p->close + 1 &&
            memchr(d->s + p->close, '\n', d->toks.items[k].start - p->close)) {
            limit = k;
            break;
        }
    for (size_t k = i; k < limit; k++) {
        if (!sl_attr_is_cue(d, k))
            continue;
        a.cue = k;
        if (sl_facts_is(d, k, "according") && sl_facts_is(d, k + 1, "to")) {
            a.sp_first = k + 2;
            a.sp_end = np_forward(d, k + 2, limit);
        } else if (k > i) {
            a.sp_first = i;
            a.sp_end = k;
            /* "Jane Roe, a spokeswoman for X, said": the first part that starts
             * like a noun phrase ("in the legislature, he said": the last) */
            size_t seg = i;
            for (size_t c = i; c <= k; c++) {
                if (c < k && !sl_facts_is(d, c, ","))
                    continue;
                if (c > seg && (sl_facts_upper(d, seg) || sl_facts_in(d, seg, np_starts) >= 0)) {
                    a.sp_first = seg;
                    a.sp_end = c;
                    break;
                }
                seg = c + 1;
            }
            if (word_count(d, a.sp_first, a.sp_end) > SPEAKER_MAX)
                a.cue = SIZE_MAX;
        } else if (speaker_before_cue(d, k)) {
            a.cue = SIZE_MAX;
        } else {
            a.sp_first = k + 1;
            a.sp_end = np_forward(d, k + 1, limit);
        }
        return a;
    }
    if (ends_open(d, p))
        unlisted_cue(d, i, limit, &a);
    return a;
}

/* The subject of the sentence of token k, from byte `from` to k: the first person or
 * organisation named in it or personal pronoun, else its first run of
 * capitalised words. ("Band member Flea shared the news, writing "..."";
 * "Rubio fired back:"; "although he thanked them, he sounded a rare note,
 * saying "..."") */
static bool subject_from(const sl_facts_doc *d, uint32_t from, size_t k, sl_attribution *a)
{
    uint32_t to = d->toks.items[k].start;
    const sl_fact_item *first = NULL;
    for (size_t j = 0; j < d->out->n; j++) {
        const sl_fact_item *it = &d->out->items[j];
        if (it->kind == SL_FACT_ENTITY && it->span.start >= from && it->span.end <= to &&
            it->detail && strcmp(it->detail, "place") && (!first || it->span.start < first->span.start))
            first = it;
    }
    size_t j = sl_facts_token_at(d, from);
    size_t stop = first ? sl_facts_token_at(d, first->span.start) : k;
    for (size_t p = j; p < stop; p++)
        if (sl_facts_in(d, p, pronouns) >= 0) {
            a->sp_first = p;
            a->sp_end = p + 1;
            return true;
        }
    if (first) {
        a->sp_first = sl_facts_token_at(d, first->span.start);
        a->sp_end = sl_facts_token_at(d, first->span.end);
        return a->sp_first < a->sp_end;
    }
    while (j < k && !(sl_facts_upper(d, j) && !(d->toks.items[j].flags & SL_TOK_STOP)))
        j++;
    a->sp_first = j;
    while (j < k && sl_facts_upper(d, j))
        j++;
    a->sp_end = j;
    return a->sp_first < a->sp_end;
}

static bool sentence_subject(const sl_facts_doc *d, size_t k, sl_attribution *a)
{
    return subject_from(d, d->sents.items[d->sent_of[k]].start, k, a);
}

/* Whether tokens [first, end) end with a person's name and hold nothing
 * before it but its title ("Jane Roe", "Sen. Tom Hale", "Émile Roux"). */
static bool person_name(const sl_facts_doc *d, size_t first, size_t end)
{
    if (end <= first || !sl_facts_upper(d, first))
        return false;
    for (size_t k = 0; k < d->out->n; k++) {
        const sl_fact_item *it = &d->out->items[k];
        if (sl_facts_named_person(d, it) && it->span.end == d->toks.items[end - 1].end &&
            it->span.start >= d->toks.items[first].start)
            return true;
    }
    return false;
}

/* The speaker phrase after cue k, before the quote's mark i: none (k + 1) when it
 * runs into the mark ('said Velmar had "moved"'), but a person's name opening an
 * aside with no subject before it ('The plan, said Ana Ruiz "will"'; k - 1 of k 0
 * is no token). (', said Smith: "..."' stops at its colon.) */
static size_t speaker_after_cue(const sl_facts_doc *d, size_t k, size_t i)
{
    size_t e = np_forward(d, k + 1, i);
    sl_attribution s;
    bool aside = e == i && sl_facts_is(d, k - 1, ",") && person_name(d, k + 1, i);
    return e < i || (aside && !sentence_subject(d, k, &s)) ? e : k + 1;
}

/* The speaker before cue k (floor: first token looked at; i: the quote's mark). */
static void speaker_before(const sl_facts_doc *d, size_t k, size_t floor, size_t i, sl_attribution *a)
{
    a->sp_end = k;
    if (k + 1 < i && !speaker_before_cue(d, k) && speaker_after_cue(d, k, i) > k + 1 &&
        (k == 0 || sl_attr_punct(d, k - 1))) { /* ', said Smith: "..."' */
        a->sp_first = k + 1;
        a->sp_end = speaker_after_cue(d, k, i);
        return;
    }
    while (a->sp_end > floor && sl_attr_trailer(d, a->sp_end - 1))
        a->sp_end--;
    a->sp_first = np_backward(d, a->sp_end, floor);
    if (a->sp_first == a->sp_end && a->sp_end > 0 && sl_facts_is(d, a->sp_end - 1, ",")) {
        /* "Jane Roe, a spokeswoman for X, said:": the name before the apposition */
        size_t c = a->sp_end - 1;
        while (c > floor && !sl_facts_is(d, c - 1, ",") && a->sp_end - c < SL_ATTRIBUTION_WINDOW)
            c--;
        if (c > floor && sl_facts_is(d, c - 1, ",")) {
            if (person_name(d, c, a->sp_end - 1)) {
                a->sp_first = c; /* "A spokeswoman for X, Jane Roe, said:": the name */
                a->sp_end--;
            } else {
                a->sp_end = c - 1;
                a->sp_first = np_backward(d, a->sp_end, floor);
            }
        }
    }
    if (a->sp_first == a->sp_end) { /* "said Smith:", but not "said he would win." */
        a->sp_first = k + 1;
        a->sp_end = speaker_after_cue(d, k, i);
        if (a->sp_end > a->sp_first + 1 && sl_facts_in(d, k + 1, pronouns) >= 0)
            a->sp_end = a->sp_first;
    }
    if (a->sp_first == a->sp_end)
        sentence_subject(d, k, a);
}

/* Attribution before the opening mark: Smith said: "..." / said Smith, "..." */
sl_attribution sl_attr_before_quote(const sl_facts_doc *d, const sl_quote_piece *p)
{
    sl_attribution a = {SIZE_MAX, 0, 0};
    size_t i = sl_facts_token_at(d, p->open); /* the opening mark's token */
    if (i == 0)
        return a;
    size_t floor = i > ATTRIBUTION_BEFORE ? i - ATTRIBUTION_BEFORE : 0;
    /* The paragraph's start, looked for no further back than the first token
     * the scan below reads: scanning to the paragraph's start for every quote
     * was quadratic in a long paragraph (62,500 quotes: 11.5 s). */
    uint32_t para = p->open, lowest = d->toks.items[floor].start;
    while (para > lowest && !(d->s[para - 1] == '\n' && para > 1 && d->s[para - 2] == '\n'))
        para--;
    for (size_t k = i; k-- > floor;) {
        if (d->toks.items[k].start < para)
            break;
        if (sl_attr_punct(d, k) && !abbrev_dot(d, k) && !sl_facts_is(d, k, ",") && !sl_facts_is(d, k, ":") &&
            k + 1 != i)
            break;
        if (!sl_attr_is_cue(d, k) && sl_facts_in(d, k, partial_cues) < 0)
            continue;
        a.cue = k;
        if (sl_facts_is(d, k, "according") && sl_facts_is(d, k + 1, "to")) {
            a.sp_first = k + 2;
            a.sp_end = np_forward(d, k + 2, i);
        } else if (!participle(d, k) || !sentence_subject(d, k, &a)) {
            speaker_before(d, k, floor, i, &a);
        }
        if (a.sp_first >= a.sp_end && sl_facts_is(d, i - 1, "."))
            return (sl_attribution){SIZE_MAX, 0, 0}; /* "Asked about it, Holm was blunt. "…"":
                                                   * the sentence before speaks */
        return a;
    }
    /* no cue, but a colon before the quote ("Rubio fired back:", "Article 33
     * affirms:") or a verb in the past tense and a comma ("Clinton cracked,") */
    bool verb = i >= 2 && sl_facts_is(d, i - 1, ",") && past_verb(d, i - 2);
    if ((sl_facts_is(d, i - 1, ":") || verb) && d->toks.items[i - 1].start >= para &&
        sentence_subject(d, i - 1, &a))
        a.cue = verb ? i - 2 : i - 1;
    return a;
}

/* A quote opening a paragraph after one that ends with a colon ("Smith said
 * on Monday:"): the attribution is at the end of that paragraph. */
sl_attribution sl_attr_colon_paragraph(const sl_facts_doc *d, const sl_quote_piece *p)
{
    sl_attribution none = {SIZE_MAX, 0, 0};
    uint32_t k = p->open;
    while (k > 0 && (d->s[k - 1] == ' ' || d->s[k - 1] == '\t'))
        k--;
    if (k < 2 || d->s[k - 1] != '\n' || d->s[k - 2] != '\n')
        return none;
    k -= 2;
    while (k > 0 && (d->s[k - 1] == ' ' || d->s[k - 1] == '\n'))
        k--;
    if (k == 0 || d->s[k - 1] != ':')
        return none;
    sl_quote_piece at = *p;
    at.open = k; /* just after the colon: its paragraph is searched */
    return sl_attr_before_quote(d, &at);
}

/* Whether the quote opens its paragraph (a sentence before it in the
 * paragraph, "Brandt was unmoved. "…"", says who speaks, not the quote before). */
bool sl_attr_opens_paragraph(const sl_facts_doc *d, const sl_quote_piece *p)
{
    uint32_t k = p->open;
    while (k > 0 && (d->s[k - 1] == ' ' || d->s[k - 1] == '\t'))
        k--;
    return k == 0 || d->s[k - 1] == '\n';
}

/* Longest signature line under a quote ("- Bernie Sanders.", "-Michelle
 * Marks, Philadelphia."), in bytes: longer, it is a paragraph of its own. */
#define SIGNATURE_MAX 120

/* The width of the dash at byte k: a hyphen, an en or em dash or a
 * horizontal bar, 0 when none. */
static int dash_at(const sl_facts_doc *d, uint32_t k)
{
    return k < d->len && d->s[k] == '-' ? 1 : sl_quote_wide_dash(d->s, d->len, k);
}

/* A quote signed by a dash and a name: on the line under it, when the
 * quote ends its paragraph ("- Bernie Sanders.", "-Michelle Marks,
 * Philadelphia."), or after it on its own line ("“…” ― Ana Ruiz"): pull
 * quotes, "quotable" lists, readers' voices, fact checks. The dash stands
 * for the cue; the signature runs to the end of its line. */
sl_attribution sl_attr_signature_line(const sl_facts_doc *d, const sl_quote_piece *p)
{
    sl_attribution a = {SIZE_MAX, 0, 0};
    uint32_t k = p->after, n = (uint32_t)d->len;
    while (k < n && (d->s[k] == ' ' || d->s[k] == '\t' || d->s[k] == '.'))
        k++;
    if (!dash_at(d, k)) { /* not on the quote's line: on the next */
        if (k + 1 >= n || d->s[k] != '\n')
            return a;
        while (k < n && (d->s[k] == '\n' || d->s[k] == ' ' || d->s[k] == '\t'))
            k++;
    }
    bool dash = dash_at(d, k) != 0;
    const char *eol = dash ? memchr(d->s + k, '\n', n - k) : NULL;
    uint32_t line_end = eol ? (uint32_t)(eol - d->s) : n;
    if (!dash || line_end - k > SIGNATURE_MAX)
        return a;
    size_t i = sl_facts_token_at(d, k), limit = i + 1;
    while (limit < d->toks.n && d->toks.items[limit].start < line_end)
        limit++;
    size_t end = np_forward(d, i + 1, limit);
    if (end > i + 1 && sl_facts_upper(d, i + 1)) {
        a.cue = i;
        a.sp_first = i + 1;
        a.sp_end = end;
    }
    return a;
}

/* A quote that opens a sentence within its paragraph, after one that
 * ends with a full stop ("Brandt was unmoved. "We have waited…""): that
 * sentence's subject speaks; its full stop stands for the cue. */
sl_attribution sl_attr_sentence_before(const sl_facts_doc *d, const sl_quote_piece *p)
{
    sl_attribution a = {SIZE_MAX, 0, 0};
    size_t i = sl_facts_token_at(d, p->open);
    if (i < 2 || sl_attr_opens_paragraph(d, p) || !sl_facts_is(d, i - 1, ".") ||
        memchr(d->s + d->toks.items[i - 1].end, '\n', p->open - d->toks.items[i - 1].end))
        return a;
    /* its last clause first: "Asked about the vote, Ryan was blunt."; "As a
     * phone rang, the announcer was unmoved." (a role the chooser names) */
    size_t from = sl_facts_token_at(d, d->sents.items[d->sent_of[i - 1]].start), c = i - 1;
    while (c > from && !sl_facts_is(d, c - 1, ","))
        c--;
    size_t r = c + 2;
    bool role = false;
    for (; !role && r < i - 1 && r <= c + 5; r += !role)
        role = sl_speakers_resolvable(d, c, r);
    if (c > from && subject_from(d, d->toks.items[c].start, i - 1, &a))
        a.cue = i - 1;
    else if (role)
        a = (sl_attribution){i - 1, c, r};
    else if (sentence_subject(d, i - 1, &a))
        a.cue = i - 1;
    return a;
}

/* An interview's turn, a paragraph opening with a dash ("— The one in
 * 2014, without a doubt, she says."; "— Every day — says Ruiz."): its
 * attribution follows its last comma or dash and ends the paragraph; the
 * quote ends before that comma. Returns the piece so cut, its sl_attribution
 * in *a (a->cue == SIZE_MAX: none, the turn is no quote: a question, a
 * list item). */
sl_quote_piece sl_attr_turn(const sl_facts_doc *d, const sl_quote_piece *p, sl_attribution *a)
{
    static const char *const seps[] = {",", "-", "--", "\u2014", "\u2013", "\u2015", NULL};
    sl_quote_piece q = *p;
    *a = (sl_attribution){SIZE_MAX, 0, 0};
    size_t first = sl_facts_token_at(d, p->start), c = sl_facts_token_at(d, p->close);
    while (c > first + 1 && sl_facts_in(d, c - 1, seps) < 0)
        c--;
    if (c <= first + 1)
        return q;
    q.close = d->toks.items[c - 1].start;
    q.after = d->toks.items[c - 1].end;
    q.end = sl_quote_text_end(d->s, q.start, q.close);
    sl_attribution at = sl_attr_after_quote(d, &q);
    if (at.cue == SIZE_MAX || at.sp_first >= at.sp_end)
        return q;
    size_t k = at.cue >= at.sp_end ? at.cue + 1 : at.sp_end;
    while (k < d->toks.n && d->toks.items[k].start < p->close && sl_attr_punct(d, k))
        k++;
    if (k >= d->toks.n || d->toks.items[k].start >= p->close)
        *a = at; /* nothing but punctuation after it in the paragraph */
    return q;
}

bool sl_attr_np_stop(const sl_facts_doc *d, size_t i) { return sl_facts_in(d, i, np_stops) >= 0; }
bool sl_attr_np_start(const sl_facts_doc *d, size_t i) { return sl_facts_in(d, i, np_starts) >= 0; }
bool sl_attr_pronoun(const sl_facts_doc *d, size_t i) { return sl_facts_in(d, i, pronouns) >= 0; }
