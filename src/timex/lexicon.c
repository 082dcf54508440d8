/* lexicon.c — tokens for the temporal-expression matcher and the word classes
 * its patterns are written in (month, weekday, number, unit, season...).
 * The text stage's tokenizer keeps "third-quarter" and "a.m." whole and gives
 * bytes only; temporal patterns need the pieces and code-point offsets, so
 * this stage splits on its own, in one pass. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "timex/timex.h"
#include "util/alloc.h"
#include "util/byte_table.h"

typedef struct word_class {
    const char *word;
    uint32_t cls;
    int val;
} word_class;

/* Month and weekday names count only capitalised ("may", "march", "sun"). */
/* Kept in strcmp order: looked up by binary search. */
static const word_class words[] = {
    {"a", TX_NWORD, 1}, {"afternoon", TX_PART, 1}, {"an", TX_NWORD, 1}, {"apr", TX_MONTH, 4},
    {"april", TX_MONTH, 4}, {"aug", TX_MONTH, 8}, {"august", TX_MONTH, 8},
    {"autumn", TX_SEASON, 2}, {"centuries", TX_UNIT | TX_PLURAL, TX_U_CENTURY},
    {"century", TX_UNIT, TX_U_CENTURY}, {"day", TX_UNIT, TX_U_DAY},
    {"days", TX_UNIT | TX_PLURAL, TX_U_DAY}, {"dec", TX_MONTH, 12},
    {"decade", TX_UNIT, TX_U_DECADE}, {"decades", TX_UNIT | TX_PLURAL, TX_U_DECADE},
    {"december", TX_MONTH, 12}, {"eight", TX_NWORD, 8}, {"eighteen", TX_NWORD, 18},
    {"eighth", TX_ORD, 8}, {"eighty", TX_NWORD, 80}, {"eleven", TX_NWORD, 11},
    {"eleventh", TX_ORD, 11}, {"evening", TX_PART, 2}, {"fall", TX_SEASON, 2},
    {"feb", TX_MONTH, 2}, {"february", TX_MONTH, 2}, {"few", TX_NWORD, -1},
    {"fifteen", TX_NWORD, 15}, {"fifth", TX_ORD, 5}, {"fifty", TX_NWORD, 50}, {"first", TX_ORD, 1},
    {"five", TX_NWORD, 5}, {"forty", TX_NWORD, 40}, {"four", TX_NWORD, 4},
    {"fourteen", TX_NWORD, 14}, {"fourth", TX_ORD, 4}, {"friday", TX_WDAY, 4},
    {"hour", TX_UNIT, TX_U_HOUR}, {"hours", TX_UNIT | TX_PLURAL, TX_U_HOUR},
    {"hundred", TX_NWORD, 100}, {"jan", TX_MONTH, 1}, {"january", TX_MONTH, 1},
    {"jul", TX_MONTH, 7}, {"july", TX_MONTH, 7}, {"jun", TX_MONTH, 6}, {"june", TX_MONTH, 6},
    {"many", TX_NWORD, -1}, {"mar", TX_MONTH, 3}, {"march", TX_MONTH, 3}, {"may", TX_MONTH, 5},
    {"minute", TX_UNIT, TX_U_MINUTE}, {"minutes", TX_UNIT | TX_PLURAL, TX_U_MINUTE},
    {"monday", TX_WDAY, 0}, {"month", TX_UNIT, TX_U_MONTH},
    {"months", TX_UNIT | TX_PLURAL, TX_U_MONTH}, {"morning", TX_PART, 0}, {"night", TX_PART, 3},
    {"nine", TX_NWORD, 9}, {"nineteen", TX_NWORD, 19}, {"ninety", TX_NWORD, 90},
    {"ninth", TX_ORD, 9}, {"nov", TX_MONTH, 11}, {"november", TX_MONTH, 11}, {"oct", TX_MONTH, 10},
    {"october", TX_MONTH, 10}, {"one", TX_NWORD, 1}, {"quarter", TX_UNIT, TX_U_QUARTER},
    {"quarters", TX_UNIT | TX_PLURAL, TX_U_QUARTER}, {"saturday", TX_WDAY, 5},
    {"second", TX_ORD | TX_UNIT, 2}, {"seconds", TX_UNIT | TX_PLURAL, TX_U_SECOND},
    {"sep", TX_MONTH, 9}, {"sept", TX_MONTH, 9}, {"september", TX_MONTH, 9},
    {"seven", TX_NWORD, 7}, {"seventeen", TX_NWORD, 17}, {"seventh", TX_ORD, 7},
    {"seventy", TX_NWORD, 70}, {"several", TX_NWORD, -1}, {"six", TX_NWORD, 6},
    {"sixteen", TX_NWORD, 16}, {"sixth", TX_ORD, 6}, {"sixty", TX_NWORD, 60},
    {"some", TX_NWORD, -1}, {"spring", TX_SEASON, 0}, {"summer", TX_SEASON, 1},
    {"sunday", TX_WDAY, 6}, {"ten", TX_NWORD, 10}, {"tenth", TX_ORD, 10}, {"third", TX_ORD, 3},
    {"thirteen", TX_NWORD, 13}, {"thirty", TX_NWORD, 30}, {"three", TX_NWORD, 3},
    {"thursday", TX_WDAY, 3}, {"tuesday", TX_WDAY, 1}, {"twelfth", TX_ORD, 12},
    {"twelve", TX_NWORD, 12}, {"twenty", TX_NWORD, 20}, {"two", TX_NWORD, 2},
    {"wednesday", TX_WDAY, 2}, {"week", TX_UNIT, TX_U_WEEK}, {"weekend", TX_UNIT, TX_U_WEEKEND},
    {"weeks", TX_UNIT | TX_PLURAL, TX_U_WEEK}, {"winter", TX_SEASON, 3},
    {"year", TX_UNIT, TX_U_YEAR}, {"years", TX_UNIT | TX_PLURAL, TX_U_YEAR},
};

#define N_WORDS (sizeof words / sizeof words[0])

/* One hash table over the lexicon and the pattern table's literal words, so
 * that a token costs one probe (most tokens are in neither). */
#define SLOTS 1024
static struct slot {
    const char *word;         /* NULL: empty */
    uint32_t hash;
    int16_t lexicon;          /* index into words[], -1 none */
    int16_t pattern;          /* sl_tx_pattern_word's index, -1 none */
} slots[SLOTS];
static pthread_once_t slots_once = PTHREAD_ONCE_INIT;

/* FNV-1a, a byte at a time: hash_word's step, which classify also takes
 * as it lowers a token, so that its lookup reads the token once. */
#define FNV_BASIS 2166136261u
static uint32_t hash_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

static uint32_t hash_word(const char *w)
{
    uint32_t h = FNV_BASIS;
    for (; *w; w++)
        h = hash_step(h, (unsigned char)*w);
    return h;
}

static struct slot *probe(const char *w, uint32_t h)
{
    size_t i = h & (SLOTS - 1);
    while (slots[i].word && (slots[i].hash != h || strcmp(slots[i].word, w)))
        i = (i + 1) & (SLOTS - 1);
    return &slots[i];
}

static struct slot *insert(const char *w)
{
    uint32_t h = hash_word(w);
    struct slot *s = probe(w, h);
    if (!s->word)
        *s = (struct slot){w, h, -1, -1};
    return s;
}

static void build_slots(void)
{
    for (size_t i = 0; i < N_WORDS; i++)
        insert(words[i].word)->lexicon = (int16_t)i;
    int n = 0;
    const char *const *pattern_words = sl_tx_pattern_words(&n);
    for (int i = 0; i < n; i++)
        insert(pattern_words[i])->pattern = (int16_t)i;
}

/* The slot of `low` (hash: hash_word(low)), NULL when none; the slots are
 * built (sl_tx_tokenize makes sure, once a text, not once a token). */
static const struct slot *lookup(const char *low, uint32_t hash)
{
    const struct slot *s = probe(low, hash);
    return s->word ? s : NULL;
}

/* ASCII letters and digits, the bytes of a run token: one load a byte. */
#define ALNUM(c) (((c) >= '0' && (c) <= '9') || ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
static const uint8_t alnum[256] = SL_BYTE_TABLE(ALNUM);

/* Digits with an optional ordinal or decade suffix: "19", "19th", "1990s". */
static void classify_number(tx_token *t, const char *s, size_t n)
{
    size_t d = 0;
    long v = 0;
    while (d < n && s[d] >= '0' && s[d] <= '9') {
        if (d < 9)
            v = v * 10 + (s[d] - '0');
        d++;
    }
    const char *rest = t->low + d;
    if (d == n) {
        t->cls |= TX_NUM;
        t->ndigits = (int)d;
    } else if (d == 4 && !strcmp(rest, "s")) {
        t->cls |= TX_DECADE;
    } else if (d == 2 && !strcmp(rest, "s")) {
        t->cls |= TX_DECADE;
        v += 1900;
    } else if (d <= 2 && (!strcmp(rest, "st") || !strcmp(rest, "nd") || !strcmp(rest, "rd") ||
                          !strcmp(rest, "th"))) {
        t->cls |= TX_ORD;
    } else {
        return;
    }
    t->val = (int)v;
}

static void classify(tx_token *t, const char *s)
{
    size_t n = t->end - t->start;
    t->word = -1;
    if (n >= sizeof t->low)
        return;
    uint32_t hash = FNV_BASIS; /* hash_word(t->low), but for a NUL byte, whose token is in no slot */
    for (size_t k = 0; k < n; k++) {
        t->low[k] = (char)sl_ascii_lower[(unsigned char)s[k]];
        hash = hash_step(hash, (unsigned char)t->low[k]);
    }
    t->low[n] = 0;
    if (s[0] >= 'A' && s[0] <= 'Z')
        t->cls |= TX_UPPER;
    if (s[0] >= '0' && s[0] <= '9') {
        classify_number(t, s, n);
        return;
    }
    const struct slot *found = lookup(t->low, hash);
    const word_class *w = found && found->lexicon >= 0 ? &words[found->lexicon] : NULL;
    if (w && (!(w->cls & (TX_MONTH | TX_WDAY)) || (t->cls & TX_UPPER))) {
        t->cls |= w->cls;
        t->val = w->val;
        if ((w->cls & TX_MONTH) && n <= 4 && strcmp(t->low, "may") && strcmp(t->low, "june") &&
            strcmp(t->low, "july"))
            t->cls |= TX_ABBR;
    }
    if (found && (t->word = found->pattern) >= 0)
        t->cls |= TX_WORD;
}

/* Bytes of the space at text[i], one code point, or 0: ASCII blanks and
 * every Unicode space separator (Zs), so that "3\u00A0p.m." and
 * "5\u202FMarch" read as "3 p.m." and "5 March" in a text not normalised
 * (sl_timex_find takes the text as given). */
static size_t space_at(const unsigned char *s, size_t i, size_t len)
{
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        return 1;
    if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0)
        return 2; /* U+00A0 */
    if (c < 0xE1 || c > 0xE3 || i + 2 >= len)
        return 0;
    unsigned b = s[i + 1], d = s[i + 2];
    bool zs = (c == 0xE1 && b == 0x9A && d == 0x80) ||                  /* U+1680 */
              (c == 0xE2 && b == 0x80 && ((d >= 0x80 && d <= 0x8A) || d == 0xAF)) ||   /* U+2000-200A, U+202F */
              (c == 0xE2 && b == 0x81 && d == 0x9F) ||                  /* U+205F */
              (c == 0xE3 && b == 0x80 && d == 0x80);                    /* U+3000 */
    return zs ? 3 : 0;
}

/* Room for more than `*cap` tokens (64 at first, then twice as many), the
 * n of `toks` moved in: the heap's grown, or a heap array where `toks` is
 * the caller's room (or none yet). NULL when out of memory (`toks` left
 * as it was); *cap is the new room's. */
static tx_token *grow(tx_token *toks, const tx_token *room, size_t n, size_t *cap)
{
    size_t want = *cap ? 2 * *cap : 64;
    if (want > ((size_t)1 << 29))
        return NULL;
    tx_token *more = toks && toks != room ? sl_realloc(toks, want * sizeof *toks)
                                          : sl_malloc(want * sizeof *more);
    if (more && toks == room && n)
        memcpy(more, room, n * sizeof *more);
    if (more)
        *cap = want;
    return more;
}

long sl_tx_tokenize(const char *text, size_t len, tx_token *room, size_t cap, tx_token **out)
{
    pthread_once(&slots_once, build_slots);
    size_t n = 0;
    if (!room)
        cap = 0;
    tx_token *toks = room;
    uint32_t cp = 0;
    size_t i = 0;
    bool failed = false;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        size_t space = space_at((const unsigned char *)text, i, len);
        if (space) {
            i += space, cp++;
            continue;
        }
        size_t start = i, cp_start = cp;
        if (alnum[c]) {
            while (i < len && alnum[(unsigned char)text[i]])
                i++;
            cp += (uint32_t)(i - start); /* ASCII: a byte a code point */
        } else {
            do { /* one code point */
                i++;
            } while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80);
            cp++;
        }
        if (n == cap) {
            tx_token *more = grow(toks, room, n, &cap);
            if (!more) {
                failed = true; /* i may be len already: the last token's room */
                break;
            }
            toks = more;
        }
        tx_token *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)start, t->end = (uint32_t)i;
        t->cp_start = (uint32_t)cp_start, t->cp_end = cp;
        classify(t, text + start);
    }
    if (failed) {
        if (toks != room)
            free(toks);
        *out = NULL;
        return -1;
    }
    *out = toks;
    return (long)n;
}
