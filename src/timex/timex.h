/* timex.h — the temporal-expression stage: tokens with their word classes
 * (lexicon.c), the pattern table and its matcher (rules.c), and the
 * normalisation of a match into a TIMEX3 value against a reference date
 * (resolve.c). The public entry point is sl_timex_find (storyline.h). */
#ifndef SL_TIMEX_H
#define SL_TIMEX_H

#include <stddef.h>
#include <stdint.h>

#include "storyline.h"

/* Word classes of a token (a token may have several: "second", "May"). */
enum {
    TX_MONTH = 1 << 0,   /* val 1..12, capitalised name or abbreviation */
    TX_WDAY = 1 << 1,    /* val 0..6, Monday = 0, capitalised */
    TX_NUM = 1 << 2,     /* digits; val their value (up to 9 digits) */
    TX_NWORD = 1 << 3,   /* "two", "twenty", "a"...: val the number, -1 for "several" */
    TX_ORD = 1 << 4,     /* "third", "3rd": val the number */
    TX_UNIT = 1 << 5,    /* "day", "years": val a TX_U_* unit */
    TX_PLURAL = 1 << 6,  /* a plural unit ("years") */
    TX_SEASON = 1 << 7,  /* val 0..3: spring, summer, fall, winter */
    TX_PART = 1 << 8,    /* part of day; val 0..3: morning, afternoon, evening, night */
    TX_DECADE = 1 << 9,  /* "1990s", "'90s": val the decade's first year */
    TX_UPPER = 1 << 10,  /* starts with an upper-case letter */
    TX_WORD = 1 << 11,   /* one of the literal words of the pattern table */
    TX_ABBR = 1 << 12    /* a month's abbreviation ("Aug"), not a name alone */
};

enum { TX_U_SECOND, TX_U_MINUTE, TX_U_HOUR, TX_U_DAY, TX_U_WEEK, TX_U_WEEKEND, TX_U_MONTH,
       TX_U_QUARTER, TX_U_YEAR, TX_U_DECADE, TX_U_CENTURY };

typedef struct tx_token {
    uint32_t start, end;       /* bytes */
    uint32_t cp_start, cp_end; /* Unicode code points */
    uint32_t cls;              /* TX_* */
    int val;
    int ndigits;               /* digits of a TX_NUM token */
    int word;                  /* index of the pattern table's literal word, -1 when none */
    char low[16];              /* ASCII lower case; "" when longer */
} tx_token;

/* Splits `text` into tokens: runs of letters and digits, and single other
 * characters (so "third-quarter" is third, -, quarter and "a.m." is a . m .).
 * Spaces are dropped. The tokens go into `room` (of `cap`; NULL, 0: none)
 * while they fit, else into the heap: *out is then not `room`, and the
 * caller frees it. Returns the count, or -1 when out of memory (*out NULL,
 * nothing to free). */
long sl_tx_tokenize(const char *text, size_t len, tx_token *room, size_t cap, tx_token **out);
/* The pattern table's literal words (sorted; a token's `word` indexes them). */
const char *const *sl_tx_pattern_words(int *n);
#define TX_MAX_WORDS 192

/* What a match captured, for the normaliser. */
typedef struct tx_slots {
    int month, day, year, n, unit, wday, ord, season, part, decade;
    int hour, minute, pm;       /* clock time; pm: 1 p.m., 0 a.m., -1 none */
    int dir;                    /* -1 last/past, 0 this, +1 next, 2 none */
    int ago;                    /* "ago", "earlier": count back; "later": forward */
} tx_slots;

/* Document-level state the normaliser keeps between expressions. */
typedef struct tx_context {
    int64_t ref_day;            /* reference (publication) day, SL_NO_DAY when none */
    int last_quarter_year, last_quarter;  /* the last quarter named, 0 when none */
    int future;                 /* the sentence speaks of the future */
} tx_context;

/* The normalisers, named by the pattern table. */
enum { TX_R_FIXED, TX_R_DATE, TX_R_MONTH, TX_R_YEAR, TX_R_DECADE, TX_R_CENTURY, TX_R_QUARTER,
       TX_R_REL, TX_R_AGO, TX_R_WDAY, TX_R_DAYREL, TX_R_PART, TX_R_SEASON, TX_R_DUR,
       TX_R_SET, TX_R_CLOCK, TX_R_WEEKEND, TX_R_LAST_QUARTER, TX_R_YEAR_AGO };

/* Writes the value of a match (at most `cap` bytes with the NUL). `arg` is
 * the pattern's argument (fixed value, day offset). 0 or -1 when the match
 * cannot be normalised (it is then dropped). */
int sl_tx_resolve(int rule, const char *arg, const tx_slots *s, tx_context *ctx, char *out,
                  size_t cap);

/* Called with each expression sl_tx_find_each finds; nonzero stops it. */
typedef int (*sl_tx_found)(void *ctx, const sl_timex *x);
/* Hands the temporal expressions of `text` to `found` in text order, each
 * as it is found, against the reference day `ref_day` (SL_NO_DAY: none),
 * until `found` returns nonzero, which is returned: a match depends only on
 * the text and the matches before it, so the expressions handed before a
 * stop are the first of sl_timex_find's list. 0, SL_ENOMEM, SL_ETOOLARGE. */
int sl_tx_find_each(const char *text, size_t len, int64_t ref_day, sl_tx_found found, void *ctx);

#endif
