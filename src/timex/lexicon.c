/* lexicon.c — tokens for the temporal-expression matcher and the word classes
 * its patterns are written in (month, weekday, number, unit, season...).
 * The text stage's tokenizer keeps "third-quarter" and "a.m." whole and gives
 * bytes only; temporal patterns need the pieces and code-point offsets, so
 * this stage splits on its own, in one pass. */
#include <stdlib.h>
#include <string.h>

#include "timex/timex.h"

typedef struct word_class {
    const char *word;
    uint32_t cls;
    int val;
} word_class;

/* Month and weekday names count only capitalised ("may", "march", "sun"). */
static const word_class words[] = {
    {"january", TX_MONTH, 1}, {"jan", TX_MONTH, 1}, {"february", TX_MONTH, 2},
    {"feb", TX_MONTH, 2}, {"march", TX_MONTH, 3}, {"mar", TX_MONTH, 3},
    {"april", TX_MONTH, 4}, {"apr", TX_MONTH, 4}, {"may", TX_MONTH, 5},
    {"june", TX_MONTH, 6}, {"jun", TX_MONTH, 6}, {"july", TX_MONTH, 7}, {"jul", TX_MONTH, 7},
    {"august", TX_MONTH, 8}, {"aug", TX_MONTH, 8}, {"september", TX_MONTH, 9},
    {"sept", TX_MONTH, 9}, {"sep", TX_MONTH, 9}, {"october", TX_MONTH, 10},
    {"oct", TX_MONTH, 10}, {"november", TX_MONTH, 11}, {"nov", TX_MONTH, 11},
    {"december", TX_MONTH, 12}, {"dec", TX_MONTH, 12},
    {"monday", TX_WDAY, 0}, {"tuesday", TX_WDAY, 1}, {"wednesday", TX_WDAY, 2},
    {"thursday", TX_WDAY, 3}, {"friday", TX_WDAY, 4}, {"saturday", TX_WDAY, 5},
    {"sunday", TX_WDAY, 6},
    {"a", TX_NWORD, 1}, {"an", TX_NWORD, 1}, {"one", TX_NWORD, 1}, {"two", TX_NWORD, 2},
    {"three", TX_NWORD, 3}, {"four", TX_NWORD, 4}, {"five", TX_NWORD, 5},
    {"six", TX_NWORD, 6}, {"seven", TX_NWORD, 7}, {"eight", TX_NWORD, 8},
    {"nine", TX_NWORD, 9}, {"ten", TX_NWORD, 10}, {"eleven", TX_NWORD, 11},
    {"twelve", TX_NWORD, 12}, {"thirteen", TX_NWORD, 13}, {"fourteen", TX_NWORD, 14},
    {"fifteen", TX_NWORD, 15}, {"sixteen", TX_NWORD, 16}, {"seventeen", TX_NWORD, 17},
    {"eighteen", TX_NWORD, 18}, {"nineteen", TX_NWORD, 19}, {"twenty", TX_NWORD, 20},
    {"thirty", TX_NWORD, 30}, {"forty", TX_NWORD, 40}, {"fifty", TX_NWORD, 50},
    {"sixty", TX_NWORD, 60}, {"seventy", TX_NWORD, 70}, {"eighty", TX_NWORD, 80},
    {"ninety", TX_NWORD, 90}, {"hundred", TX_NWORD, 100}, {"several", TX_NWORD, -1},
    {"few", TX_NWORD, -1}, {"many", TX_NWORD, -1}, {"some", TX_NWORD, -1},
    {"first", TX_ORD, 1}, {"second", TX_ORD | TX_UNIT, 2}, {"third", TX_ORD, 3},
    {"fourth", TX_ORD, 4}, {"fifth", TX_ORD, 5}, {"sixth", TX_ORD, 6}, {"seventh", TX_ORD, 7},
    {"eighth", TX_ORD, 8}, {"ninth", TX_ORD, 9}, {"tenth", TX_ORD, 10},
    {"eleventh", TX_ORD, 11}, {"twelfth", TX_ORD, 12},
    {"seconds", TX_UNIT | TX_PLURAL, TX_U_SECOND}, {"minute", TX_UNIT, TX_U_MINUTE},
    {"minutes", TX_UNIT | TX_PLURAL, TX_U_MINUTE}, {"hour", TX_UNIT, TX_U_HOUR},
    {"hours", TX_UNIT | TX_PLURAL, TX_U_HOUR}, {"day", TX_UNIT, TX_U_DAY},
    {"days", TX_UNIT | TX_PLURAL, TX_U_DAY}, {"week", TX_UNIT, TX_U_WEEK},
    {"weeks", TX_UNIT | TX_PLURAL, TX_U_WEEK}, {"weekend", TX_UNIT, TX_U_WEEKEND},
    {"month", TX_UNIT, TX_U_MONTH}, {"months", TX_UNIT | TX_PLURAL, TX_U_MONTH},
    {"quarter", TX_UNIT, TX_U_QUARTER}, {"quarters", TX_UNIT | TX_PLURAL, TX_U_QUARTER},
    {"year", TX_UNIT, TX_U_YEAR}, {"years", TX_UNIT | TX_PLURAL, TX_U_YEAR},
    {"decade", TX_UNIT, TX_U_DECADE}, {"decades", TX_UNIT | TX_PLURAL, TX_U_DECADE},
    {"century", TX_UNIT, TX_U_CENTURY}, {"centuries", TX_UNIT | TX_PLURAL, TX_U_CENTURY},
    {"spring", TX_SEASON, 0}, {"summer", TX_SEASON, 1}, {"fall", TX_SEASON, 2},
    {"autumn", TX_SEASON, 2}, {"winter", TX_SEASON, 3},
    {"morning", TX_PART, 0}, {"afternoon", TX_PART, 1}, {"evening", TX_PART, 2},
    {"night", TX_PART, 3},
};

static const word_class *lookup(const char *low)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (low[0] == words[i].word[0] && !strcmp(low, words[i].word))
            return &words[i];
    return NULL;
}

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

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
    if (n >= sizeof t->low)
        return;
    for (size_t k = 0; k < n; k++)
        t->low[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    t->low[n] = 0;
    if (s[0] >= 'A' && s[0] <= 'Z')
        t->cls |= TX_UPPER;
    if (s[0] >= '0' && s[0] <= '9') {
        classify_number(t, s, n);
        return;
    }
    const word_class *w = lookup(t->low);
    if (w && (!(w->cls & (TX_MONTH | TX_WDAY)) || (t->cls & TX_UPPER))) {
        t->cls |= w->cls;
        t->val = w->val;
        if ((w->cls & TX_MONTH) && n <= 4 && strcmp(t->low, "may") && strcmp(t->low, "june") &&
            strcmp(t->low, "july"))
            t->cls |= TX_ABBR;
    }
    if (sl_tx_is_pattern_word(t->low))
        t->cls |= TX_WORD;
}

long sl_tx_tokenize(const char *text, size_t len, tx_token **out)
{
    size_t cap = 64, n = 0;
    tx_token *toks = malloc(cap * sizeof *toks);
    uint32_t cp = 0;
    size_t i = 0;
    while (toks && i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            i++, cp++;
            continue;
        }
        size_t start = i, cp_start = cp;
        if (is_alnum(c)) {
            while (i < len && is_alnum((unsigned char)text[i]))
                i++, cp++;
        } else {
            do { /* one code point */
                i++;
            } while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80);
            cp++;
        }
        if (n == cap) {
            tx_token *more = cap > ((size_t)1 << 28) ? NULL : realloc(toks, 2 * cap * sizeof *toks);
            if (!more)
                break;
            toks = more, cap *= 2;
        }
        tx_token *t = &toks[n++];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)start, t->end = (uint32_t)i;
        t->cp_start = (uint32_t)cp_start, t->cp_end = cp;
        classify(t, text + start);
    }
    if (!toks || i < len) {
        free(toks);
        *out = NULL;
        return -1;
    }
    *out = toks;
    return (long)n;
}
