/* credit.c — credit lines: the words by which a republished article names
 * where it came from ("WASHINGTON (AP) —", "— Reuters", "Source: …",
 * "originally appeared on …"). Only the first and last lines are read:
 * that is where outlets put them. */
#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "copies/copies.h"
#include "util/count.h"

#define LINES_READ 3        /* first and last lines looked at */
#define SHORT_LINE 90       /* bytes: a byline or credit line, not a paragraph */
#define NAME_MAX_LEN 60

/* News agencies whose name alone on a byline or credit line is a credit. */
static const char *const agencies[] = {
    "Associated Press", "Agence France-Presse", "Reuters", "AFP", "Bloomberg", "UPI",
    "United Press International", "dpa", "PA Media", "Press Association", "Canadian Press",
    "AAP", "PTI", "ANI", "IANS", "Xinhua", "Kyodo", "Yonhap", "EFE", "ANSA", "TASS",
};

/* Phrases that credit the name after them, anywhere in a first or last line. */
static const char *const phrases[] = {
    "originally published on", "originally published in", "originally published by",
    "originally appeared on",  "originally appeared in",  "first appeared on",
    "first appeared in",       "first published on",      "first published in",
    "first published by",      "republished from",        "reprinted from",
    "reprinted with permission from",
};

/* A list of needles and, for each byte, the mask of those that may open
 * with it (bit k: needles[k]; either case: the two bytes x with x | 0x20
 * equal to the needle's). The masks depend on the list alone: made once a
 * process (lists_once), where first_needle made them at each line, 4.1 M
 * instructions of the first 1,000 Reuters stories (docs/history/benchmarks-rounds.md,
 * "Eighteenth round"). */
typedef struct needle_list {
    const char *const *needles;
    size_t n;
    uint32_t opens[256];
    size_t lens[32];              /* each needle's strlen, taken once a process too */
} needle_list;

static needle_list agency_list = {agencies, SL_COUNT(agencies), {0}, {0}};
static needle_list phrase_list = {phrases, SL_COUNT(phrases), {0}, {0}};
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void open_masks(needle_list *l)
{
    static_assert(SL_COUNT(agencies) < 32 && SL_COUNT(phrases) < 32, "a mask has 32 bits");
    for (size_t k = 0; k < l->n; k++) {
        l->lens[k] = strlen(l->needles[k]);
        unsigned char c = (unsigned char)l->needles[k][0] | 0x20;
        l->opens[c] |= 1u << k;
        l->opens[c & ~0x20u] |= 1u << k;
    }
}

static void lists_init(void)
{
    open_masks(&agency_list);
    open_masks(&phrase_list);
}

typedef bool match_fn(const char *line, size_t len, size_t at, const char *needle, size_t n);

static bool word_at(const char *line, size_t len, size_t at, const char *word, size_t n)
{
    if (at + n > len || strncmp(line + at, word, n))
        return false;
    bool left = at == 0 || !isalnum((unsigned char)line[at - 1]);
    bool right = at + n == len || !isalnum((unsigned char)line[at + n]);
    return left && right;
}

static bool phrase_at(const char *line, size_t len, size_t at, const char *phrase, size_t n)
{
    return at + n <= len && !strncasecmp(line + at, phrase, n);
}

/* Whether bytes x and y may be one byte but for ASCII case. */
static bool same_but_case(char x, char y)
{
    return ((unsigned char)x | 0x20) == ((unsigned char)y | 0x20);
}

/* The first of the list's needles, in its order, that `match` finds
 * anywhere in the line (l->n if none), and where it first occurs. One
 * pass: at each byte, only the needles that open with it and are listed
 * before the best found so far are tried, by the list's mask for the byte.
 * Comparing every needle at every position was 5% of ingest; trying each
 * listed needle at a byte that opens any of them, 0.8%. */
static size_t first_needle(const char *line, size_t len, const needle_list *l, match_fn *match,
                           size_t *where)
{
    const char *const *needles = l->needles;
    size_t best = l->n;
    for (size_t at = 0; at < len && best > 0; at++) {
        uint32_t tried = l->opens[(unsigned char)line[at]] & ((1u << best) - 1);
        for (; tried; tried &= tried - 1) {
            size_t k = (size_t)__builtin_ctz(tried);
            /* the second bytes equal but for ASCII case too: needed by
             * both matches (every needle has two bytes at least) */
            if (at + 1 >= len || !same_but_case(line[at + 1], needles[k][1]))
                continue;
            if (match(line, len, at, needles[k], l->lens[k])) {
                best = k;
                *where = at;
                break;
            }
        }
    }
    return best;
}

/* An agency named in a short line, as a whole word. */
static const char *agency_in(const char *line, size_t len)
{
    size_t at, k = first_needle(line, len, &agency_list, word_at, &at);
    return k < agency_list.n ? agencies[k] : NULL;
}

/* Copies a name of up to NAME_MAX_LEN bytes, stopping at sentence punctuation. */
static bool take_name(const char *s, size_t len, sl_buf *out)
{
    while (len && (*s == ' ' || *s == ':'))
        s++, len--;
    size_t n = 0;
    while (n < len && n < NAME_MAX_LEN && !strchr(".;|)\n", s[n]) && !(s[n] == ',' && n > 0))
        n++;
    while (n && s[n - 1] == ' ')
        n--;
    if (!n || !isupper((unsigned char)s[0]))
        return false;
    sl_buf_clear(out);
    sl_buf_put(out, s, n);
    return true;
}

/* "… (Reuters) -", "(AP) —": a parenthesised name before a dash, near the start. */
static bool dateline_credit(const char *line, size_t len, sl_buf *out)
{
    const char *open = memchr(line, '(', len < 80 ? len : 80);
    if (!open)
        return false;
    const char *close = memchr(open, ')', (size_t)(line + len - open));
    if (!close || close - open < 3 || close - open > NAME_MAX_LEN)
        return false;
    const char *after = close + 1;
    while (after < line + len && *after == ' ')
        after++;
    bool dash = after < line + len && (*after == '-' || !strncmp(after, "\u2014", 3) ||
                                       !strncmp(after, "\u2013", 3));
    return dash && take_name(open + 1, (size_t)(close - open - 1), out);
}

/* A byline or sign-off: "By …", "— …", or a line of a few words at most (a
 * headline that mentions an agency is not a credit). */
static bool byline(const char *line, size_t len)
{
    if (len > 3 && !strncmp(line, "By ", 3))
        return true;
    if (*line == '-' || !strncmp(line, "\u2014", 3) || !strncmp(line, "\u2013", 3))
        return true;
    size_t words = 1;
    for (size_t k = 0; k < len; k++)
        words += line[k] == ' ';
    return words <= 3;
}

/* Credit phrases anywhere in a first or last line. */
static bool phrase_credit(const char *line, size_t len, sl_buf *out)
{
    size_t at = 0, phrase = first_needle(line, len, &phrase_list, phrase_at, &at);   /* set when found: -O3 cannot tell */
    if (phrase < phrase_list.n) {
        size_t name = at + phrase_list.lens[phrase];
        return take_name(line + name, len - name, out);
    }
    if (len <= SHORT_LINE) {
        static const char *const labels[] = {"Source:", "Sources:", "Credit:", "Via:", "Via "};
        unsigned char first = (unsigned char)line[0] | 0x20;   /* most lines open no label: no call */
        for (size_t k = 0; (first == 's' || first == 'c' || first == 'v') && k < SL_COUNT(labels); k++) {
            size_t n = strlen(labels[k]);
            if (len > n && !strncasecmp(line, labels[k], n))
                return take_name(line + n, len - n, out);
        }
        const char *agency = byline(line, len) ? agency_in(line, len) : NULL;
        if (agency) {
            sl_buf_clear(out);
            sl_buf_puts(out, agency);
            return true;
        }
    }
    return false;
}

/* "(Northwire)" on a line of its own. */
static bool parenthesised_credit(const char *line, size_t len, sl_buf *out)
{
    while (len && line[len - 1] == ' ')
        len--;
    return len > 2 && line[0] == '(' && line[len - 1] == ')' && len - 2 <= NAME_MAX_LEN &&
           !memchr(line + 1, '(', len - 2) && take_name(line + 1, len - 2, out);
}

static bool line_credit(const char *line, size_t len, sl_buf *out)
{
    return parenthesised_credit(line, len, out) || dateline_credit(line, len, out) ||
           phrase_credit(line, len, out);
}

/* The lines of a text that line_credit has read, none a credit: a second
 * text's line of the same bytes answers the same, so it is not read again
 * (the clean text's first and last lines are mostly the normalised text's:
 * half of the search's 21.6 M instructions of the first 1,000 Reuters
 * stories, docs/history/benchmarks-rounds.md "Thirty-sixth round"). */
typedef struct lines_read {
    const char *at[2 * LINES_READ];
    size_t len[2 * LINES_READ], n;
} lines_read;

static bool read_before(const lines_read *r, const char *line, size_t len)
{
    for (size_t k = 0; r && k < r->n; k++)
        if (r->len[k] == len && !memcmp(r->at[k], line, len))
            return true;
    return false;
}

/* line_credit of a line not in `skip`, noted in `seen` (either NULL: none). */
static bool new_line_credit(const char *line, size_t len, const lines_read *skip, lines_read *seen,
                            sl_buf *out)
{
    if (seen) {
        seen->at[seen->n] = line;
        seen->len[seen->n++] = len;
    }
    return !read_before(skip, line, len) && line_credit(line, len, out);
}

static bool find(const char *text, size_t len, const lines_read *skip, lines_read *seen, sl_buf *out)
{
    pthread_once(&lists_once, lists_init);
    sl_buf_clear(out);
    /* first lines */
    size_t pos = 0;
    for (int k = 0; k < LINES_READ && pos < len; k++) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end > pos && new_line_credit(text + pos, end - pos, skip, seen, out))
            return true;
        pos = end + 1;
        while (pos < len && text[pos] == '\n')
            pos++;
    }
    /* last lines */
    size_t end = len;
    for (int k = 0; k < LINES_READ && end > pos; k++) {
        while (end > 0 && text[end - 1] == '\n')
            end--;
        const char *nl = end ? memrchr(text, '\n', end) : NULL;
        size_t start = nl ? (size_t)(nl - text) + 1 : 0;
        if (start < pos)
            break;
        if (end > start && new_line_credit(text + start, end - start, skip, seen, out))
            return true;
        end = start;
    }
    return false;
}

bool sl_credit_find(const char *text, size_t len, sl_buf *out)
{
    return find(text, len, NULL, NULL, out);
}

bool sl_credit_find_either(const char *a, size_t a_len, const char *b, size_t b_len, sl_buf *out)
{
    lines_read seen = {.n = 0};
    return find(a, a_len, NULL, &seen, out) || find(b, b_len, &seen, NULL, out);
}
