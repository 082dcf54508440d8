/* numbers.c — reading a number out of the text: digits and words ("40,000",
 * "1.2 million", "2 1/2", "ten", "ninth", "two-thirds", "dozens"), with the
 * scale, currency code or unit glued to them (what is glued after the digits
 * is glued.c's). Whether a number read is a fact, and its unit,
 * approximation and range, are quantities.c's. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "facts/numbers.h"
#include "facts/units.h"

static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", NULL};
/* "first" and "second" are left out: mostly not counts ("first time", "a second"). */
static const char *const ordinals[] = {"", "", "", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", NULL};
/* Denominators of fractions in words: "a third", "two-thirds", "three quarters". */
static const char *const denominators[] = {"", "", "half", "third", "quarter", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth", NULL};
/* Plural scales that state an order of magnitude: "dozens", "thousands of".
 * NewsQuant reads them as the range up to ten times the scale (dozens:
 * 12-120), and so do we. */
static const char *const vague_words[] = {"dozens", "hundreds", "thousands", "millions",
    "billions", "tens", NULL};
static const double vague_values[] = {12, 1e2, 1e3, 1e6, 1e9, 10};

/* The scale of vague word at token i (vague_words), 0 when it is none:
 * one lookup by hash, as this runs at every word. */
static double vague_scale(const sl_facts_doc *d, size_t i)
{
    int k = sl_facts_in(d, i, vague_words);
    return k < 0 ? 0 : vague_values[k];
}

/* The digits of s[0, n) with their , and . ("40,000", "2.5", "1/2"); *used
 * is set to the bytes read. */
static double parse_digits(const char *s, size_t n, size_t *used)
{
    char buf[64];
    size_t k = 0, i = 0;
    for (; i < n && k + 1 < sizeof buf; i++) {
        if (isdigit((unsigned char)s[i]) || (s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1])))
            buf[k++] = s[i];
        else if (!(s[i] == ',' && i + 1 < n && isdigit((unsigned char)s[i + 1])))
            break;
    }
    buf[k] = '\0';
    *used = i;
    if (i + 1 < n && s[i] == '/' && isdigit((unsigned char)s[i + 1])) {
        size_t u2;
        double den = parse_digits(s + i + 1, n - i - 1, &u2);
        *used = i + 1 + u2;
        return den > 0 ? strtod(buf, NULL) / den : 0;
    }
    return strtod(buf, NULL);
}

/* The value of the digits that open s[0, n), read no further than n (the
 * text after them may be a buffer's unwritten end); capped, as only small
 * values matter to the caller. */
static int leading_int(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n && isdigit((unsigned char)s[i]) && v < 100000; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Whether s[0, n) is a fraction as numbers are written: a numerator below
 * a usual denominator ("1/2", "3/4", "1/16"), not "24/7" or "9/11". */
static bool usual_fraction(const char *s, size_t n)
{
    static const int dens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128, 1000};
    const char *slash = memchr(s, '/', n);
    int num = leading_int(s, (size_t)(slash - s));
    int den = leading_int(slash + 1, n - (size_t)(slash + 1 - s));
    for (size_t k = 0; k < sizeof dens / sizeof *dens; k++)
        if (den == dens[k])
            return num > 0 && num < den;
    return false;
}

bool sl_numbers_glued(const sl_facts_doc *d, size_t a, size_t b)
{
    return b < d->toks.n && d->toks.items[a].end == d->toks.items[b].start;
}

/* The fraction after a whole number that adds to it: "2 1/2", and as wire
 * copy writes share prices, "11-1/2" (a usual fraction glued by a hyphen:
 * 11.5, not the range 11 to 0.5). */
static void mixed_fraction(const sl_facts_doc *d, sl_number *nb)
{
    size_t j = nb->last + 1, n2, used;
    if (sl_facts_is(d, j, "-") && sl_numbers_glued(d, nb->last, j) && sl_numbers_glued(d, j, j + 1))
        j++;
    else if (j >= d->toks.n || d->toks.items[j].start != d->toks.items[nb->last].end + 1)
        return;
    const char *s2 = sl_facts_tok(d, j, &n2);
    if (!memchr(s2, '/', n2) || !isdigit((unsigned char)s2[0]) ||
        (j > nb->last + 1 && !usual_fraction(s2, n2)))
        return;
    nb->value += parse_digits(s2, n2, &used);
    nb->last = j;
}

/* The bytes of the space between tokens a and a + 1 when it is one written
 * to group digits: 2 for U+00A0 (no-break), 3 for U+202F (narrow no-break)
 * or U+2009 (thin); 0 otherwise. A plain space does not group: "In 2019 500
 * pilgrims", "June 4 300 boats", "some 300 787 Dreamliners" are two numbers,
 * and no held-out data told the few plain-space groupings apart from these
 * (docs/facts.md, fix28). */
static size_t group_space(const sl_facts_doc *d, size_t a)
{
    size_t from = d->toks.items[a].end, to = d->toks.items[a + 1].start;
    const char *g = d->s + from;
    if (to - from == 2 && !memcmp(g, "\xC2\xA0", 2))
        return 2;
    if (to - from == 3 && (!memcmp(g, "\xE2\x80\xAF", 3) || !memcmp(g, "\xE2\x80\x89", 3)))
        return 3;
    return 0;
}

/* Whether token i is digits only, n of them (n 0: 1 to 3). */
static bool digit_group(const sl_facts_doc *d, size_t i, size_t n)
{
    size_t len;
    const char *s = sl_facts_tok(d, i, &len);
    if (n ? len != n : len < 1 || len > 3)
        return false;
    for (size_t k = 0; k < len; k++)
        if (!isdigit((unsigned char)s[k]))
            return false;
    return true;
}

/* The groups of three digits after token i that a grouping space joins
 * to it ("5\u00a0000", "1\u202f200\u202f000"): the last token of the
 * number. The first group has 1 to 3 digits, each after it exactly 3, all
 * after the same kind of space. */
static size_t space_groups(const sl_facts_doc *d, size_t i)
{
    size_t last = i, gap = 0;
    if (!digit_group(d, i, 0))
        return i;
    while (last + 1 < d->toks.n && digit_group(d, last + 1, 3)) {
        size_t g = group_space(d, last);
        if (!g || (gap && g != gap))
            break;
        gap = g;
        last++;
    }
    return last;
}

/* The text of a number written across glued tokens from token i: "US55" ","
 * "931,000" or "RM23" "." "50" or "1" "⁄" "32" are one number. Copies it into
 * buf (cap bytes, "⁄" as "/") and returns the last token. */
static size_t glued_number(const sl_facts_doc *d, size_t i, char *buf, size_t cap, size_t *len)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    size_t k = n < cap ? n : cap - 1, last = i;
    memcpy(buf, s, k);
    while (last + 2 < d->toks.n && sl_numbers_glued(d, last, last + 1) &&
           sl_numbers_glued(d, last + 1, last + 2) &&
           isdigit((unsigned char)s[n - 1])) {
        size_t pn, nn;
        const char *p = sl_facts_tok(d, last + 1, &pn);
        const char *nx = sl_facts_tok(d, last + 2, &nn);
        bool frac = pn == 3 && !memcmp(p, "\xE2\x81\x84", 3);
        if (!(frac || (pn == 1 && (*p == ',' || *p == '.'))) || !isdigit((unsigned char)nx[0]) ||
            k + 1 + nn >= cap)
            break;
        buf[k++] = frac ? '/' : *p;
        memcpy(buf + k, nx, nn);
        k += nn;
        last += 2;
        s = nx;
        n = nn;
    }
    size_t spaced = last == i ? space_groups(d, i) : i;
    for (size_t g = i + 1; g <= spaced && k + 3 < cap; g++, last++) {
        memcpy(buf + k, sl_facts_tok(d, g, &n), 3);
        k += 3;
    }
    *len = k;
    return last;
}

/* Whether a currency sign is right before token i. */
static bool currency_before(const sl_facts_doc *d, size_t i)
{
    size_t first;
    return sl_units_currency_before(d, i, &first) != NULL;
}

/* Plural nouns of races after a distance ("the 60m hurdles", "800m
 * runners", "the 100m and 200m titles"): after them a glued "m" is metres
 * (32 such in the 2,225 BBC News articles, none a million). */
static const char *const race_words[] = {"hurdles", "runners", "sprinters", "swimmers",
    "races", "heats", "finals", "titles", "events", "relays", NULL};

/* Whether the words after token `last` make a glued "m" or "k" on it a
 * scale: "of", "people", a currency, or a plural noun that is no unit (not
 * all capitals, not a possessive, not a race's): "1.5m people", "2m of
 * them", "125m euros", "1.6m Muslims", but "1500m champion's", "60m
 * hurdles". */
static bool scale_words_after(const sl_facts_doc *d, size_t last)
{
    size_t n = last + 1, len;
    const char *unit;
    if (n >= d->toks.n || d->sent_of[n] != d->sent_of[last] || sl_facts_in(d, n, race_words) >= 0)
        return false;
    if (sl_facts_is(d, n, "of") || sl_facts_is(d, n, "people"))
        return true;
    if (sl_units_at(d, n, &unit))
        return sl_units_is_currency(unit);
    const char *w = sl_facts_tok(d, n, &len);
    return (d->toks.items[n].flags & SL_TOK_WORD) && !(d->toks.items[n].flags & SL_TOK_ALLCAPS) &&
           len > 3 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != '\'' &&
           !(len > 4 && !memcmp(w + len - 4, "\xE2\x80\x99s", 4));
}

/* A glued "m" or "k" on token `last` is a scale, not metres: before the
 * words scale_words_after takes, or as the lower end of a range whose upper
 * end is so ("3.5m to 4m people"). */
static bool million_before_noun(const sl_facts_doc *d, size_t last)
{
    size_t n = last + 1, hn;
    if (scale_words_after(d, last))
        return true;
    const char *h = n + 1 < d->toks.n ? sl_facts_tok(d, n + 1, &hn) : NULL;
    return h && d->sent_of[n + 1] == d->sent_of[last] &&
           (sl_facts_is(d, n, "to") || sl_facts_is(d, n, "-")) && isdigit((unsigned char)h[0]) &&
           (h[hn - 1] == 'm' || h[hn - 1] == 'k') && scale_words_after(d, n + 1);
}

/* "sub-7", "now-18", "near-40": a word glued before the digits by a hyphen
 * that says how the number relates (approx: '<', '=', '~', '>'); the bytes
 * it takes, 0 when none. */
static size_t hyphen_prefix(const char *s, size_t n, char *approx)
{
    static const struct { const char *w; char approx; } prefixes[] = {
        {"sub-", '<'}, {"under-", '<'}, {"now-", '='}, {"near-", '~'}, {"over-", '>'}};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        if (s[0] != prefixes[k].w[0])
            continue; /* the first byte first: this runs at every number */
        size_t pn = strlen(prefixes[k].w);
        if (n > pn && !strncmp(s, prefixes[k].w, pn) && isdigit((unsigned char)s[pn])) {
            *approx = prefixes[k].approx;
            return pn;
        }
    }
    return 0;
}

/* Whether token i holds an ASCII digit: every form digits_at reads does
 * ("sub-7", "USD1,700"), so a word without one is asked nothing more. */
static bool has_digit(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    for (size_t k = 0; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return true;
    return false;
}

/* Whether a scale word follows token last in its sentence ("R50 billion"). */
static bool scale_next(const sl_facts_doc *d, size_t last)
{
    return last + 1 < d->toks.n && sl_numbers_same_sentence(d, last, last + 1) &&
           sl_units_scale_word(d, last + 1) > 0;
}

/* A number written in digits at token i (possibly glued to a currency
 * code, a scale or a unit: "USD1,700", "$13.6M", "10km"). */
static bool digits_at(const sl_facts_doc *d, size_t i, sl_number *nb)
{
    if (!has_digit(d, i))
        return false;
    char buf[64];
    size_t n, used;
    nb->last = glued_number(d, i, buf, sizeof buf, &n);
    nb->first = i;
    const char *s = buf;
    bool dollar = i > 0 && sl_facts_is(d, i - 1, "$") && sl_numbers_glued(d, i - 1, i);
    bool minus = false;
    size_t skip;
    if (!isdigit((unsigned char)s[0])) {
        if (n > 6 && !strncasecmp(s, "minus-", 6) && isdigit((unsigned char)s[6])) {
            s += 6; /* "minus-5" */
            n -= 6;
            minus = true;
        } else if ((skip = hyphen_prefix(s, n, &nb->approx))) {
            s += skip;
            n -= skip;
        } else if ((nb->glued_unit = sl_units_currency_prefix(s, n, dollar, scale_next(d, nb->last)))) {
            while (n && !isdigit((unsigned char)*s))
                s++, n--;
        } else {
            return false;
        }
    }
    nb->value = parse_digits(s, n, &used);
    const char *slash = memchr(s, '/', used);
    if (slash && !usual_fraction(s, used))
        return false; /* "24/7", "9/11", "3/12": a phrase, a date, a counter */
    if (minus)
        nb->value = -nb->value;
    /* "$-50.8bn": a minus between the currency and the digits */
    if (s == buf && i > 1 && sl_facts_is(d, i - 1, "-") && sl_numbers_glued(d, i - 1, i) &&
        sl_facts_is(d, i - 2, "$") && sl_numbers_glued(d, i - 2, i - 1)) {
        nb->value = -nb->value;
        nb->first = i - 1;
    }
    /* ".001": a decimal point written alone before the digits */
    if (s == buf && i > 1 && sl_facts_is(d, i - 1, ".") && sl_numbers_glued(d, i - 1, i) &&
        !sl_numbers_glued(d, i - 2, i - 1)) {
        char dec[66] = ".";
        memcpy(dec + 1, buf, used < 64 ? used : 63);
        dec[1 + (used < 64 ? used : 63)] = '\0';
        nb->value = strtod(dec, NULL);
        nb->first = i - 1;
    }
    if (used < n) {
        /* a currency said, or a scale read from the words after ("1.5m people") */
        bool currency = nb->glued_unit || currency_before(d, i);
        bool money = currency || million_before_noun(d, nb->last);
        if (!sl_numbers_glued_rest(d, i, s + used, n - used, currency, money, nb))
            return false;
    }
    if (!nb->ordinal && !nb->glued_unit && !memchr(buf, '/', n))
        mixed_fraction(d, nb);
    return true;
}

/* The whole number at token j written as a word below twenty or as plain
 * digits up to 1,000 (the denominator of "nine in 10"), -1 when none. */
static int small_count(const sl_facts_doc *d, size_t j)
{
    size_t n;
    int k = sl_facts_in(d, j, ones);
    if (k >= 0 || j >= d->toks.n || !(d->toks.items[j].flags & SL_TOK_NUMBER))
        return k;
    const char *s = sl_facts_tok(d, j, &n);
    for (size_t c = 0; c < n; c++)
        if (!isdigit((unsigned char)s[c]))
            return -1;
    return n <= 4 && leading_int(s, n) <= 1000 ? leading_int(s, n) : -1;
}

/* "one in three", "nine in 10", "1 out of 5", "one in every 10": a share
 * written as a count of a count, from the numerator num at token i; its
 * value, 0 when none. */
static double count_of_count(const sl_facts_doc *d, size_t i, int num, size_t *last)
{
    size_t j = sl_facts_is(d, i + 1, "out") && sl_facts_is(d, i + 2, "of") ? i + 3
               : sl_facts_is(d, i + 1, "in") ? i + 2 : 0;
    if (j && sl_facts_is(d, j, "every"))
        j++;
    int den = j ? small_count(d, j) : -1;
    if (num < 1 || den <= num)
        return 0;
    *last = j;
    return (double)num / den;
}

/* Words before "a third", "a quarter" that make it a share without "of"
 * ("cut by a third", "almost a quarter said", "more than a fifth"; "a
 * quarter" alone is as often three months). */
static const char *const share_before[] = {"by", "almost", "nearly", "about", "around",
    "roughly", "than", "over", "under", "just", "some", "barely", NULL};

/* Words before "half" that make it one part of a period, no share: "the
 * first half of 2004", "the second half of the season". */
static const char *const period_halves[] = {"first", "second", "1st", "2nd", "latter", NULL};

/* A fraction in words at token i: "half", "a third", "two-thirds", "three
 * quarters", "one in three"; its value, 0 when none. */
static double fraction_at(const sl_facts_doc *d, size_t i, size_t *last)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    *last = i;
    if (sl_facts_is(d, i, "half") && i > 0 && sl_facts_in(d, i - 1, period_halves) >= 0)
        return 0;
    if (sl_facts_is(d, i, "half") || sl_facts_is(d, i, "quarter")) {
        double f = sl_facts_is(d, i, "half") ? 0.5 : 0.25;
        const char *unit;
        if (sl_facts_is(d, i + 1, "a") && sl_units_scale_word(d, i + 2) > 0)
            *last = i + 1; /* "half a million": scale() applies the million */
        else if (f == 0.5 && (((sl_facts_is(d, i + 1, "a") || sl_facts_is(d, i + 1, "an")) &&
                               sl_units_at(d, i + 2, &unit) > 0) ||
                              (sl_facts_is(d, i + 1, "the") && i + 2 < d->toks.n &&
                               d->sent_of[i + 2] == d->sent_of[i])))
            *last = i + 1; /* "half an hour" (the unit after), "half the population" */
        if (*last > i || sl_units_scale_word(d, i + 1) > 0 || (f == 0.5 && sl_facts_is(d, i + 1, "of")))
            return f; /* "half of", "quarter million"; not "the first half" (above) */
    }
    int num = sl_facts_in(d, i, ones), den;
    if (sl_facts_is(d, i, "a"))
        num = 1;
    const char *dash = memchr(s, '-', n);
    if (dash && num < 0) { /* "two-thirds" */
        for (int k = 1; k < 10 && num < 0; k++)
            if ((size_t)(dash - s) == strlen(ones[k]) && !strncasecmp(s, ones[k], (size_t)(dash - s)))
                num = k;
        for (den = 2; num > 0 && denominators[den]; den++) {
            size_t dl = strlen(denominators[den]), rest = n - (size_t)(dash - s) - 1;
            if ((rest == dl || (rest == dl + 1 && dash[1 + dl] == 's')) &&
                !strncasecmp(dash + 1, denominators[den], dl))
                return (double)num / den;
        }
        return 0;
    }
    if (num < 1 || num > 19)
        return 0;
    double share = sl_facts_is(d, i, "a") ? 0 : count_of_count(d, i, num, last);
    if (share > 0)
        return share; /* "one in three", "one out of five", "nine in 10" */
    size_t dn = 0;
    const char *w = i + 1 < d->toks.n ? sl_facts_tok(d, i + 1, &dn) : "";
    for (den = 2; i + 1 < d->toks.n && denominators[den]; den++) {
        size_t dl = strlen(denominators[den]);
        if ((dn == dl || (dn == dl + 1 && w[dl] == 's')) && !strncasecmp(w, denominators[den], dl) &&
            (num == 1) == (dn == dl) && (den > 2 || num == 1) &&
            (sl_facts_is(d, i + 2, "of") || (den == 2 && num > 1) ||
             (i > 0 && sl_facts_in(d, i - 1, share_before) >= 0))) { /* "cut by a third" */
            *last = i + 1;
            if (sl_facts_is(d, i + 2, "of") && sl_facts_is(d, i + 3, "a") &&
                sl_units_scale_word(d, i + 4) > 0)
                *last = i + 3; /* "a quarter of a million": scale() applies the million */
            return (double)num / den;
        }
    }
    return 0;
}

/* Words after a plural scale that make it the subject of its clause
 * ("Dozens were injured", "Thousands have fled", "hundreds more"). */
static const char *const subject_after[] = {"were", "are", "was", "have", "had", "will",
    "would", "could", "can", "may", "might", "must", "more", "remain", "remained", NULL};

/* Whether the plural scale at token j stands alone as the subject of its
 * clause: an auxiliary, modal or past form after it, and no determiner,
 * possessive or preposition before it ("in their thousands", "by the
 * hundreds" say how, not how many). */
static bool vague_subject(const sl_facts_doc *d, size_t i, size_t j)
{
    size_t n;
    if (j + 1 >= d->toks.n || (i > 0 && (d->toks.items[i - 1].flags & SL_TOK_STOP) &&
                               !sl_facts_is(d, i - 1, "and") && !sl_facts_is(d, i - 1, "but")))
        return false;
    const char *w = sl_facts_tok(d, j + 1, &n);
    return sl_facts_in(d, j + 1, subject_after) >= 0 ||
           (n > 4 && !sl_facts_upper(d, j + 1) && !strncasecmp(w + n - 2, "ed", 2));
}

/* An order of magnitude at token i: "dozens of", "thousands of", "tens of
 * millions of", or alone as a subject ("Dozens were hurt"); value and
 * value_hi set, false when none. */
static bool vague_at(const sl_facts_doc *d, size_t i, sl_number *nb)
{
    size_t j = i;
    double v = vague_scale(d, j);
    if (!v)
        return false;
    /* "tens of thousands of", "hundreds of millions of" */
    while (sl_facts_is(d, j + 1, "of") && j < i + 4) {
        double more = vague_scale(d, j + 2);
        if (more < 100)
            break;
        v *= more;
        j += 2;
    }
    if (v == 10 || !(sl_facts_is(d, j + 1, "of") || vague_subject(d, i, j)))
        return false; /* "tens" alone; "in their thousands" */
    nb->value = v;
    nb->value_hi = v * 10;
    nb->last = j;
    return true;
}

/* The first letters of every word words_at reads at its token (ones, tens,
 * ordinals, vague_words, "half", "quarter", "a", "dozen"; a new word there
 * adds its letter here). Two in five word tokens start with another letter
 * and are no number word: they skip the lookups. */
#define NUMBER_WORD_STARTS                                                                  \
    (SL_FACTS_LETTER('a') | SL_FACTS_LETTER('b') | SL_FACTS_LETTER('d') | SL_FACTS_LETTER('e') | \
     SL_FACTS_LETTER('f') | SL_FACTS_LETTER('h') | SL_FACTS_LETTER('m') | SL_FACTS_LETTER('n') | \
     SL_FACTS_LETTER('o') | SL_FACTS_LETTER('q') | SL_FACTS_LETTER('s') | SL_FACTS_LETTER('t') | \
     SL_FACTS_LETTER('z'))

/* Every word words_at reads at its token as a whole (ones, tens,
 * ordinals from "third", vague_words, and the words it tests by name); a
 * new word there is added here too. A token without a hyphen that is none
 * of them is no number word, whatever the tests below would try: one
 * lookup by hash rules it out (test facts_numbers_every_word_form). */
static const char *const number_words[] = {"zero", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "dozens",
    "hundreds", "thousands", "millions", "billions", "tens", "half", "quarter", "a", "dozen",
    NULL};

/* A number written in words at token i: "ten", "twenty-five", "ninth". */
static bool words_at(const sl_facts_doc *d, size_t i, sl_number *nb)
{
    int k;
    if (i >= d->toks.n)
        return false;
    nb->first = nb->last = i;
    nb->word_form = true;
    if (!sl_facts_starts_in(d, i, NUMBER_WORD_STARTS))
        return false;
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    const char *dash = memchr(s, '-', n);
    if (sl_facts_in(d, i, number_words) < 0 && !dash)
        return false;
    double f = fraction_at(d, i, &nb->last);
    if (f > 0) {
        nb->value = f;
        return true;
    }
    if (vague_at(d, i, nb))
        return true;
    if ((k = sl_facts_in(d, i, ones)) >= 0) {
        nb->value = k;
        return true;
    }
    if ((k = sl_facts_in(d, i, ordinals)) >= 3) {
        nb->value = k;
        nb->ordinal = true;
        return true;
    }
    if (sl_facts_is(d, i, "a") && sl_units_scale_word(d, i + 1) > 0) {
        nb->value = 1; /* "a million dollars": scale() applies the million */
        return true;
    }
    if (sl_facts_is(d, i, "dozen") || (sl_facts_is(d, i, "a") && sl_facts_is(d, i + 1, "dozen"))) {
        nb->value = 12;
        nb->last = sl_facts_is(d, i, "a") ? i + 1 : i;
        return true;
    }
    if (dash) { /* "three-phase", "ten-month": the number and what it counts */
        for (k = 1; ones[k]; k++)
            if ((size_t)(dash - s) == strlen(ones[k]) && !strncasecmp(s, ones[k], (size_t)(dash - s))) {
                nb->value = k;
                size_t rest = n - (size_t)(dash - s);
                if ((rest == 11 && !strncasecmp(dash, "-and-a-half", 11)) ||
                    (rest == 14 && !strncasecmp(dash, "-and-a-quarter", 14))) {
                    nb->value += rest == 11 ? 0.5 : 0.25; /* "two-and-a-half" */
                    return true;
                }
                double scaled;
                size_t noun;
                char about;
                if ((nb->glued_unit = sl_numbers_scale_then_unit(dash, rest, false, &scaled, &noun, &about)) ||
                    noun || about) {
                    nb->value *= scaled; /* "a one-billion-dlr loan", "ten-mln-dlr", "three-mln-share" */
                    nb->scaled = true;
                    nb->glued_scale = scaled;
                    if (about)
                        nb->approx = about; /* "a two-mln-odd fleet" */
                    nb->glued_noun = noun ? dash + noun : NULL;
                    nb->glued_noun_len = noun ? rest - noun : 0;
                    return true;
                }
                nb->glued_unit = sl_units_word(dash, n - (size_t)(dash - s));
                nb->glued_noun = nb->glued_unit ? NULL : dash + 1;
                nb->glued_noun_len = n - (size_t)(dash - s) - 1;
                return true;
            }
        if (n > 6 && !strncasecmp(s, "minus-", 6))
            return false;
    }
    for (k = 0; tens[k]; k++) {
        if (((unsigned char)s[0] | 0x20) != tens[k][0])
            continue; /* the first byte first: this runs at every word */
        size_t tl = strlen(tens[k]);
        if (n < tl || strncasecmp(s, tens[k], tl))
            continue;
        if (n == tl) {
            nb->value = 20 + 10 * k;
            int o = sl_facts_in(d, i + 1, ones); /* "ninety five" */
            if (o >= 1 && o <= 9) {
                nb->value += o;
                nb->last = i + 1;
            }
            return true;
        }
        for (int o = 1; o < 10; o++)
            if (n == tl + 1 + strlen(ones[o]) && s[tl] == '-' &&
                !strncasecmp(s + tl + 1, ones[o], n - tl - 1)) {
                nb->value = 20 + 10 * k + o;
                return true;
            }
    }
    return false;
}

/* A number word below a hundred at token j ("fifty" of "two hundred and
 * fifty"), its value in *v; false when none. */
static bool small_number_at(const sl_facts_doc *d, size_t j, double *v)
{
    sl_number more = {0};
    if (!words_at(d, j, &more) || more.ordinal || more.value < 1 || more.value >= 100 ||
        more.value_hi > 0 || more.glued_noun || more.glued_unit || more.last != j)
        return false;
    *v = more.value;
    return true;
}

/* Applies "hundred", "million" ... after the number: "1.2 million", "two
 * hundred and fifty thousand" (a hundred multiplies what precedes it, a
 * larger scale closes a group), "1.8 billion-mile". */
static void scale(const sl_facts_doc *d, sl_number *nb)
{
    double s, v, total = 0, group = nb->value, said = 0;
    if (nb->ordinal || nb->value_hi > 0 || nb->glued_noun || nb->scaled)
        return;
    while ((s = sl_units_scale_word(d, nb->last + 1)) > 0) {
        group *= s;
        said = s;
        nb->last++;
        nb->scaled = true;
        if (s > 100) {
            total += group;
            group = 0;
        }
        size_t j = nb->last + 1 + sl_facts_is(d, nb->last + 1, "and");
        if (!nb->word_form || !small_number_at(d, j, &v))
            continue;
        if (sl_units_scale_word(d, j + 1) > 0)
            total += group; /* "one million two hundred": a new group */
        group = sl_units_scale_word(d, j + 1) > 0 ? v : group + v; /* "two hundred and fifty" */
        nb->last = j;
    }
    nb->value = total + group;
    sl_numbers_dashed_scale(d, nb, said);
}

/* Whether token i may be a fraction sign: every sign opens with 0xC2 or
 * 0xE2, so most tokens stop here, before any call (sl_numbers_read asks
 * it of every token). */
static inline bool may_be_fraction(const sl_facts_doc *d, size_t i)
{
    return i < d->toks.n && ((unsigned char)d->s[d->toks.items[i].start] | 0x20) == 0xE2;
}

/* The value of a fraction written as one character ("½", "¾", "⅓") at
 * token i, 0 when none. */
static double fraction_sign(const sl_facts_doc *d, size_t i)
{
    static const struct { const char *s; double v; } signs[] = {
        {"\xC2\xBD", 1.0 / 2}, {"\xC2\xBC", 1.0 / 4}, {"\xC2\xBE", 3.0 / 4},
        {"\xE2\x85\x93", 1.0 / 3}, {"\xE2\x85\x94", 2.0 / 3}, {"\xE2\x85\x95", 1.0 / 5},
        {"\xE2\x85\x9B", 1.0 / 8}, {"\xE2\x85\x9C", 3.0 / 8}, {"\xE2\x85\x9D", 5.0 / 8},
        {"\xE2\x85\x9E", 7.0 / 8}};
    if (!may_be_fraction(d, i))
        return 0;
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
        if (sl_facts_is(d, i, signs[k].s))
            return signs[k].v;
    return 0;
}

/* What follows a whole number and adds to it: a fraction sign glued to the
 * digits ("2½") or "and a half" / "and a quarter" ("one and a half
 * million", "2 and a half years"). */
static void and_fraction(const sl_facts_doc *d, sl_number *nb)
{
    size_t j = nb->last + 1;
    double f;
    if (nb->ordinal || nb->value_hi > 0 || nb->glued_unit || nb->glued_noun || nb->value < 1 ||
        nb->value != floor(nb->value))
        return;
    if (!nb->word_form && sl_numbers_glued(d, nb->last, j) && (f = fraction_sign(d, j)) > 0) {
        nb->value += f;
        nb->last = j;
    } else if (sl_facts_is(d, j, "and") && sl_facts_is(d, j + 1, "a") &&
               (sl_facts_is(d, j + 2, "half") || sl_facts_is(d, j + 2, "quarter"))) {
        nb->value += sl_facts_is(d, j + 2, "half") ? 0.5 : 0.25;
        nb->last = j + 2;
    }
}

/* A power of ten after the digits: "1.99×10^30", "1.99×10−30", "3 x 10^8". */
static void power_of_ten(const sl_facts_doc *d, sl_number *nb)
{
    size_t j = nb->last + 1, k = j + 2, n;
    double sign = 1;
    if (nb->word_form || nb->glued_unit ||
        !(sl_facts_is(d, j, "\xC3\x97") || sl_facts_is(d, j, "x")) || !sl_facts_is(d, j + 1, "10"))
        return;
    if (sl_facts_is(d, k, "^"))
        k++;
    if (sl_facts_is(d, k, "-") || sl_facts_is(d, k, "\xE2\x88\x92")) {
        sign = -1;
        k++;
    }
    if (k == j + 2 || k >= d->toks.n || !(d->toks.items[k].flags & SL_TOK_NUMBER) ||
        !sl_numbers_glued(d, k - 1, k))
        return;
    int e = atoi(sl_facts_tok(d, k, &n));
    if (e > 300)
        return;
    nb->value *= pow(10, sign * e);
    nb->scaled = true;
    nb->last = k;
}

bool sl_numbers_read(const sl_facts_doc *d, size_t i, sl_number *nb)
{
    memset(nb, 0, sizeof *nb);
    if (may_be_fraction(d, i) && (nb->value = fraction_sign(d, i)) > 0) { /* "¾ of a teaspoon" */
        nb->first = nb->last = i;
        return true;
    }
    if (!(d->toks.items[i].flags & (SL_TOK_NUMBER | SL_TOK_WORD)))
        return false;
    if (!digits_at(d, i, nb) && (memset(nb, 0, sizeof *nb), !words_at(d, i, nb)))
        return false;
    double share;
    if (!nb->word_form && !nb->glued_unit && !nb->ordinal && !nb->scaled && nb->value < 100 &&
        nb->value == floor(nb->value) &&
        (share = count_of_count(d, nb->last, (int)nb->value, &nb->last)) > 0) {
        nb->value = share; /* "1 in 5 adults" */
        return true;
    }
    and_fraction(d, nb);
    power_of_ten(d, nb);
    scale(d, nb);
    /* "minus 387" */
    if (nb->first > 0 && sl_facts_is(d, nb->first - 1, "minus") && nb->value > 0) {
        nb->value = -nb->value;
        nb->first--;
    }
    return true;
}
