/* numbers.c — numbers stated in a text: digits and words ("40,000", "1.2
 * million", "2 1/2", "ten", "ninth", "two-thirds", "dozens"), with
 * approximation ("over", "about") and ranges; the unit, currency and scale
 * words around them are units.c's, the phrase they count counted.c's. Years,
 * days of dates, clock times, ids and page counters are left out. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
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
static const struct { const char *w; double v; } vague_scales[] = {
    {"dozens", 12}, {"hundreds", 1e2}, {"thousands", 1e3}, {"millions", 1e6},
    {"billions", 1e9}, {"tens", 10},
};

/* Words before a number that make it approximate, and how; the first entry
 * that ends right before the number wins (a two-word phrase is listed before
 * any entry of its last word). */
static const struct { const char *w1, *w2; char approx; } approx_words[] = {
    {"more", "than", '>'}, {"over", NULL, '>'}, {"at", "least", '>'}, {"above", NULL, '>'},
    {"exceeding", NULL, '>'}, {"upwards", "of", '>'}, {"upward", "of", '>'},
    {"in", "excess", '>'}, {"beyond", NULL, '>'}, {"less", "than", '<'},
    {"fewer", "than", '<'}, {"under", NULL, '<'}, {"up", "to", '<'}, {"below", NULL, '<'},
    {"many", "as", '<'}, {"much", "as", '<'}, {"at", "most", '<'},
    {"nearly", NULL, '~'}, {"almost", NULL, '~'}, {"about", NULL, '~'},
    {"around", NULL, '~'}, {"approximately", NULL, '~'}, {"roughly", NULL, '~'},
    {"some", NULL, '~'}, {"estimated", NULL, '~'}, {"circa", NULL, '~'}, {"approx", NULL, '~'},
    {"close", "to", '~'}, {"ca.", NULL, '~'}, {"c.", NULL, '~'}, {"approx.", NULL, '~'},
};

/* Words before a number that make it a name or an id, not a count. */
static const char *const id_words[] = {"no", "no.", "number", "#", "section", "row", "room",
    "page", "flight", "route", "highway", "chapter", "article", "amendment", "id", "photo",
    "image", "slide", "item", "step", "episode", "season", "vol", "vol.", "version", "level",
    "gate", "platform", "seat", "apartment", "suite", "box", "code", "ext", "tel", "phone",
    "fax", "channel", "interstate", "district", "precinct", "ward", "exit", "lot", "category",
    "game", "unit", "zip", "covid", "windows", "ios", "android", NULL};
/* Words before a four-digit number that make an older one a year too ("in 1600"). */
static const char *const year_preps[] = {"in", "since", "between", "from", "by", "until",
    "before", "after", "and", "of", "to", NULL};
/* Words after a number that make it page chrome: counters of a web page. */
static const char *const chrome_words[] = {"comments", "comment", "shares", "share", "likes",
    "views", "retweets", "followers", "replies", "reads", "reactions", "photos", "images",
    "slides", "min", "mins", NULL};
typedef struct number {
    size_t first, last;      /* token range of the number words */
    double value, value_hi;  /* value_hi > value for an order of magnitude ("dozens") */
    bool ordinal, word_form, scaled;
    char approx;             /* from a prefix glued to the digits ("sub-7"); 0 when none */
    const char *glued_unit;  /* unit glued to the digits ("10km", "12-year-old", "$US5") */
    const char *glued_noun;  /* noun glued to a number word ("three-phase") */
    size_t glued_noun_len;
} number;

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

/* Whether s[0, n) is a fraction as numbers are written: a numerator below
 * a usual denominator ("1/2", "3/4", "1/16"), not "24/7" or "9/11". */
static bool usual_fraction(const char *s, size_t n)
{
    static const int dens[] = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128, 1000};
    const char *slash = memchr(s, '/', n);
    int num = atoi(s), den = atoi(slash + 1);
    for (size_t k = 0; k < sizeof dens / sizeof *dens; k++)
        if (den == dens[k])
            return num > 0 && num < den;
    return false;
}

/* Whether tokens a and b touch (no space between). */
static bool glued(const sl_facts_doc *d, size_t a, size_t b)
{
    return b < d->toks.n && d->toks.items[a].end == d->toks.items[b].start;
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
    while (last + 2 < d->toks.n && glued(d, last, last + 1) && glued(d, last + 1, last + 2) &&
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
    *len = k;
    return last;
}

/* Whether a currency sign is right before token i. */
static bool currency_before(const sl_facts_doc *d, size_t i)
{
    size_t first;
    return sl_units_currency_before(d, i, &first) != NULL;
}

/* "1.5m people", "2m of them": a glued "m" or "k" before a plural noun that
 * is no unit, or before "of", is a scale, not metres. */
static bool million_before_noun(const sl_facts_doc *d, size_t last)
{
    size_t n = last + 1;
    const char *unit;
    if (n >= d->toks.n || d->sent_of[n] != d->sent_of[last])
        return false;
    if (sl_facts_is(d, n, "of") || sl_facts_is(d, n, "people"))
        return true;
    if (sl_units_at(d, n, &unit))
        return false;
    size_t len;
    const char *w = sl_facts_tok(d, n, &len);
    return (d->toks.items[n].flags & SL_TOK_WORD) && !(d->toks.items[n].flags & SL_TOK_UPPER) &&
           len > 3 && w[len - 1] == 's' && w[len - 2] != 's';
}

/* "sub-7", "now-18", "near-40": a word glued before the digits by a hyphen
 * that says how the number relates (approx: '<', '=', '~', '>'); the bytes
 * it takes, 0 when none. */
static size_t hyphen_prefix(const char *s, size_t n, char *approx)
{
    static const struct { const char *w; char approx; } prefixes[] = {
        {"sub-", '<'}, {"under-", '<'}, {"now-", '='}, {"near-", '~'}, {"over-", '>'}};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t pn = strlen(prefixes[k].w);
        if (n > pn && !strncmp(s, prefixes[k].w, pn) && isdigit((unsigned char)s[pn])) {
            *approx = prefixes[k].approx;
            return pn;
        }
    }
    return 0;
}

/* A number written in digits at token i (possibly glued to a currency
 * code, a scale or a unit: "USD1,700", "$13.6M", "10km"). */
static bool digits_at(const sl_facts_doc *d, size_t i, number *nb)
{
    char buf[64];
    size_t n, used;
    nb->last = glued_number(d, i, buf, sizeof buf, &n);
    nb->first = i;
    const char *s = buf;
    bool dollar = i > 0 && sl_facts_is(d, i - 1, "$") && glued(d, i - 1, i), minus = false;
    size_t skip;
    if (!isdigit((unsigned char)s[0])) {
        if (n > 6 && !strncasecmp(s, "minus-", 6) && isdigit((unsigned char)s[6])) {
            s += 6; /* "minus-5" */
            n -= 6;
            minus = true;
        } else if ((skip = hyphen_prefix(s, n, &nb->approx))) {
            s += skip;
            n -= skip;
        } else if ((nb->glued_unit = sl_units_currency_prefix(s, n, dollar))) {
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
    if (s == buf && i > 1 && sl_facts_is(d, i - 1, "-") && glued(d, i - 1, i) &&
        sl_facts_is(d, i - 2, "$") && glued(d, i - 2, i - 1)) {
        nb->value = -nb->value;
        nb->first = i - 1;
    }
    /* ".001": a decimal point written alone before the digits */
    if (s == buf && i > 1 && sl_facts_is(d, i - 1, ".") && glued(d, i - 1, i) &&
        !glued(d, i - 2, i - 1)) {
        char dec[66] = ".";
        memcpy(dec + 1, buf, used < 64 ? used : 63);
        dec[1 + (used < 64 ? used : 63)] = '\0';
        nb->value = strtod(dec, NULL);
        nb->first = i - 1;
    }
    if (used < n) {
        const char *rest = s + used;
        size_t rn = n - used;
        double k;
        if ((rn == 2 && (!strncasecmp(rest, "st", 2) || !strncasecmp(rest, "nd", 2) ||
                         !strncasecmp(rest, "rd", 2) || !strncasecmp(rest, "th", 2))))
            nb->ordinal = true;
        else if (rn == 1 && (rest[0] == 's' || rest[0] == 'S'))
            return false; /* a decade: "1990s" */
        else if ((k = sl_units_glued_scale(rest, rn, nb->glued_unit || currency_before(d, i) ||
                                                      million_before_noun(d, nb->last))) > 0) {
            nb->value *= k; /* "$13.6M", "4.3M", "$1.7bn" */
            nb->scaled = true;
        } else if (nb->glued_unit || !(nb->glued_unit = sl_units_word(rest, rn)))
            return false; /* "3D", "5G", "F16": a name */
    }
    /* "2 1/2" */
    if (!nb->ordinal && !nb->glued_unit && nb->last + 1 < d->toks.n) {
        size_t n2;
        const char *s2 = sl_facts_tok(d, nb->last + 1, &n2);
        if (memchr(s2, '/', n2) && isdigit((unsigned char)s2[0]) &&
            d->toks.items[nb->last + 1].start == d->toks.items[nb->last].end + 1 &&
            !memchr(buf, '/', n)) {
            nb->value += parse_digits(s2, n2, &used);
            nb->last++;
        }
    }
    return true;
}

/* A fraction in words at token i: "half", "a third", "two-thirds", "three
 * quarters", "one in three"; its value, 0 when none. */
static double fraction_at(const sl_facts_doc *d, size_t i, size_t *last)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    *last = i;
    if (sl_facts_is(d, i, "half") || sl_facts_is(d, i, "quarter")) {
        double f = sl_facts_is(d, i, "half") ? 0.5 : 0.25;
        if (sl_facts_is(d, i + 1, "a") && sl_units_scale_word(d, i + 2) > 0)
            *last = i + 1; /* "half a million": scale() applies the million */
        if (*last > i || sl_units_scale_word(d, i + 1) > 0 || (f == 0.5 && sl_facts_is(d, i + 1, "of")))
            return f; /* "half of", "quarter million"; not "the first half" */
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
    /* "one in three", "one out of five" */
    size_t j = sl_facts_is(d, i + 1, "out") && sl_facts_is(d, i + 2, "of") ? i + 3
               : sl_facts_is(d, i + 1, "in") ? i + 2 : 0;
    if (j && !sl_facts_is(d, i, "a") && (den = sl_facts_in(d, j, ones)) > num) {
        *last = j;
        return (double)num / den;
    }
    size_t dn = 0;
    const char *w = i + 1 < d->toks.n ? sl_facts_tok(d, i + 1, &dn) : "";
    for (den = 2; i + 1 < d->toks.n && denominators[den]; den++) {
        size_t dl = strlen(denominators[den]);
        if ((dn == dl || (dn == dl + 1 && w[dl] == 's')) && !strncasecmp(w, denominators[den], dl) &&
            (num == 1) == (dn == dl) && (den > 2 || num == 1) &&
            (sl_facts_is(d, i + 2, "of") || (den == 2 && num > 1))) {
            *last = i + 1;
            return (double)num / den;
        }
    }
    return 0;
}

/* An order of magnitude at token i: "dozens of", "thousands of", "tens of
 * millions of"; value and value_hi set, false when none. */
static bool vague_at(const sl_facts_doc *d, size_t i, number *nb)
{
    size_t j = i;
    double v = 0;
    for (size_t k = 0; k < sizeof vague_scales / sizeof *vague_scales; k++)
        if (sl_facts_is(d, j, vague_scales[k].w))
            v = vague_scales[k].v;
    if (!v)
        return false;
    /* "tens of thousands of", "hundreds of millions of" */
    while (sl_facts_is(d, j + 1, "of") && j < i + 4) {
        double more = 0;
        for (size_t k = 0; k < sizeof vague_scales / sizeof *vague_scales; k++)
            if (sl_facts_is(d, j + 2, vague_scales[k].w) && vague_scales[k].v >= 100)
                more = vague_scales[k].v;
        if (!more)
            break;
        v *= more;
        j += 2;
    }
    if (v == 10 || !sl_facts_is(d, j + 1, "of"))
        return false; /* "tens" alone; "in their thousands" */
    nb->value = v;
    nb->value_hi = v * 10;
    nb->last = j;
    return true;
}

/* A number written in words at token i: "ten", "twenty-five", "ninth". */
static bool words_at(const sl_facts_doc *d, size_t i, number *nb)
{
    int k;
    if (i >= d->toks.n)
        return false;
    nb->first = nb->last = i;
    nb->word_form = true;
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
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    const char *dash = memchr(s, '-', n);
    if (dash) { /* "three-phase", "ten-month": the number and what it counts */
        for (k = 1; ones[k]; k++)
            if ((size_t)(dash - s) == strlen(ones[k]) && !strncasecmp(s, ones[k], (size_t)(dash - s))) {
                nb->value = k;
                nb->glued_unit = sl_units_word(dash, n - (size_t)(dash - s));
                nb->glued_noun = nb->glued_unit ? NULL : dash + 1;
                nb->glued_noun_len = n - (size_t)(dash - s) - 1;
                return true;
            }
        if (n > 6 && !strncasecmp(s, "minus-", 6))
            return false;
    }
    for (k = 0; tens[k]; k++) {
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
    number more = {0};
    if (!words_at(d, j, &more) || more.ordinal || more.value < 1 || more.value >= 100 ||
        more.value_hi > 0 || more.glued_noun || more.glued_unit || more.last != j)
        return false;
    *v = more.value;
    return true;
}

/* "1.8 billion-mile", "400 million-year-old": a scale glued to a unit in
 * the token after the number. */
static void dashed_scale(const sl_facts_doc *d, number *nb)
{
    static const struct { const char *w; double v; } dashed[] = {
        {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}};
    size_t n = 0;
    const char *w = nb->last + 1 < d->toks.n ? sl_facts_tok(d, nb->last + 1, &n) : "";
    const char *dash = memchr(w, '-', n < 12 ? n : 12), *unit;
    for (size_t k = 0; dash && !nb->glued_unit && k < sizeof dashed / sizeof *dashed; k++)
        if ((size_t)(dash - w) == strlen(dashed[k].w) &&
            !strncasecmp(w, dashed[k].w, (size_t)(dash - w)) &&
            (unit = sl_units_word(dash, n - (size_t)(dash - w)))) {
            nb->glued_unit = unit;
            nb->value *= dashed[k].v;
            nb->scaled = true;
            nb->last++;
        }
}

/* Applies "hundred", "million" ... after the number: "1.2 million", "two
 * hundred and fifty thousand" (a hundred multiplies what precedes it, a
 * larger scale closes a group), "1.8 billion-mile". */
static void scale(const sl_facts_doc *d, number *nb)
{
    double s, v, total = 0, group = nb->value;
    if (nb->ordinal || nb->value_hi > 0 || nb->glued_noun || nb->scaled)
        return;
    while ((s = sl_units_scale_word(d, nb->last + 1)) > 0) {
        group *= s;
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
    dashed_scale(d, nb);
}

static bool number_at(const sl_facts_doc *d, size_t i, number *nb)
{
    memset(nb, 0, sizeof *nb);
    if (!(d->toks.items[i].flags & (SL_TOK_NUMBER | SL_TOK_WORD)))
        return false;
    if (!digits_at(d, i, nb) && (memset(nb, 0, sizeof *nb), !words_at(d, i, nb)))
        return false;
    scale(d, nb);
    /* "minus 387" */
    if (nb->first > 0 && sl_facts_is(d, nb->first - 1, "minus") && nb->value > 0) {
        nb->value = -nb->value;
        nb->first--;
    }
    return true;
}

/* Approximation words just before token `first`; moves *first back over them. */
static char approx_before(const sl_facts_doc *d, size_t *first)
{
    size_t f = *first;
    for (size_t k = 0; k < sizeof approx_words / sizeof *approx_words; k++) {
        if (approx_words[k].w2) {
            if (f >= 2 && sl_facts_is(d, f - 2, approx_words[k].w1) &&
                sl_facts_is(d, f - 1, approx_words[k].w2)) {
                *first = f - 2;
                return approx_words[k].approx;
            }
        } else if (f >= 1 && sl_facts_is(d, f - 1, approx_words[k].w1)) {
            *first = f - 1;
            return approx_words[k].approx;
        }
    }
    return '=';
}

/* The unit at token i (NULL when none) and the tokens it takes. */
static size_t unit_at(const sl_facts_doc *d, size_t i, const char **unit)
{
    *unit = NULL;
    return i < d->toks.n ? sl_units_at(d, i, unit) : 0;
}

/* A word with a capital after its first letter: "iPhone", "PlayStation". */
static bool camel_case(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    if (!(d->toks.items[i].flags & SL_TOK_WORD) || (d->toks.items[i].flags & SL_TOK_ALLCAPS))
        return false;
    for (size_t k = 1; k < n; k++)
        if (w[k] >= 'A' && w[k] <= 'Z')
            return true;
    return false;
}

/* Capitalised words ending in a street word within three tokens: an address. */
static bool street_after(const sl_facts_doc *d, size_t i)
{
    static const char *const streets[] = {"road", "street", "st", "avenue", "ave", "way",
        "lane", "drive", "boulevard", "blvd", "rd", "place", "square", NULL};
    for (size_t k = i; k < i + 3 && k < d->toks.n && sl_facts_upper(d, k); k++)
        if (k > i && sl_facts_in(d, k, streets) >= 0)
            return true;
    return false;
}

/* Whether the number at tokens [first, last] is a name, id, time or counter. */
static bool not_a_fact(const sl_facts_doc *d, const number *nb, size_t first, const char *unit)
{
    size_t last = nb->last;
    size_t n;
    const char *s = sl_facts_tok(d, nb->first, &n);
    const char *next_unit;
    bool unit_after = unit || unit_at(d, last + 1, &next_unit) > 0;
    if (first > 0 && sl_numbers_same_sentence(d, first, first - 1) && sl_facts_in(d, first - 1, id_words) >= 0)
        return true;
    if (first > 0 && (sl_facts_is(d, first - 1, "top") || sl_facts_is(d, first - 1, "bottom")) &&
        !(last + 1 < d->toks.n && sl_numbers_content_word(d, last + 1)))
        return true; /* a rank: "the bottom three", but "the top three seeds" count */
    size_t before = first > 0 && sl_facts_is(d, first - 1, ".") && first > 1 ? first - 2 : first - 1;
    if (!nb->word_form && first > 0 && sl_facts_month(d, before))
        return true; /* the day of a date: "Oct 7", "Oct. 7" */
    if (first > 1 && glued(d, first - 1, first) && glued(d, first - 2, first - 1) &&
        (sl_facts_is(d, first - 1, ",") || sl_facts_is(d, first - 1, ".") ||
         sl_facts_is(d, first - 1, "-")))
        return true; /* the tail of a larger token: "PS2.7m" */
    if (first > 0 && !nb->word_form && camel_case(d, first - 1))
        return true; /* a model: "iPhone 11" */
    if (!nb->word_form && street_after(d, last + 1))
        return true; /* an address: "575 Wilbraham Road" */
    if (!nb->word_form && last + 1 < d->toks.n && sl_facts_month(d, last + 1) && nb->value <= 31)
        return true; /* "7 October" */
    bool year_word = first > 0 && sl_facts_in(d, first - 1, year_preps) >= 0;
    if (!nb->word_form && !nb->glued_unit && n == 4 && !memchr(s, ',', n) && !unit_after &&
        nb->value <= 2200 && (nb->value >= 1800 || (nb->value >= 1000 && year_word)))
        return true; /* a year: dates.c */
    if (sl_facts_is(d, last + 1, ":") || sl_facts_is(d, last + 1, "a.m.") ||
        sl_facts_is(d, last + 1, "p.m.") || sl_facts_is(d, last + 1, "am") ||
        sl_facts_is(d, last + 1, "pm") ||
        (first > 1 && sl_facts_is(d, first - 1, ":") &&
         (d->toks.items[first - 2].flags & SL_TOK_NUMBER)))
        return true; /* a clock time */
    if (sl_facts_in(d, last + 1, chrome_words) >= 0 && !nb->scaled)
        return true; /* "12 comments", but "80 million followers" is a count */
    /* "1 of 12", "3/12" on their own: a page or photo counter */
    if (sl_facts_is(d, last + 1, "of") && last + 2 < d->toks.n &&
        (d->toks.items[last + 2].flags & SL_TOK_NUMBER) &&
        (last + 3 >= d->toks.n || !sl_numbers_same_sentence(d, last, last + 3)))
        return true;
    /* a number after a capitalised name: "Apollo 11", "Big 12" */
    if (!nb->word_form && first > 0 && sl_numbers_same_sentence(d, first, first - 1) &&
        sl_facts_upper(d, first - 1) && d->sent_of[first - 1] == d->sent_of[first] &&
        d->toks.items[first - 1].start > d->sents.items[d->sent_of[first]].start &&
        !(d->toks.items[first - 1].flags & SL_TOK_STOP) && !unit_after)
        return true;
    return false;
}

/* Whether the sentence of token i holds fewer than three words: a line of
 * bare numbers ("12 4 87") is page chrome (share counters), not a
 * statement. Only 32 tokens either side are read: a longer sentence is no
 * counter line, and a run of numbers stays linear. */
static bool bare_line(const sl_facts_doc *d, size_t i)
{
    size_t s = d->sent_of[i], words = 0, a = i, b = i;
    while (a > 0 && d->sent_of[a - 1] == s && i - a < 32)
        a--;
    while (b < d->toks.n && d->sent_of[b] == s && b - i < 32)
        b++;
    if ((a > 0 && d->sent_of[a - 1] == s) || (b < d->toks.n && d->sent_of[b] == s))
        return false;
    for (size_t k = a; k < b && words < 3; k++)
        words += (d->toks.items[k].flags & SL_TOK_WORD) != 0;
    return words < 3;
}

/* "40 years old", "6 weeks of age", "90 day old": an age in that unit. */
static const char *age_unit(const sl_facts_doc *d, const char *unit, size_t *after)
{
    static const char *const ages[][2] = {{"year", "year of age"}, {"month", "month of age"},
                                          {"week", "week of age"}, {"day", "day of age"}};
    for (size_t k = 0; unit && k < sizeof ages / sizeof *ages; k++) {
        if (strcmp(unit, ages[k][0]))
            continue;
        if (sl_facts_is(d, *after, "old")) {
            (*after)++;
            return ages[k][1];
        }
        if (sl_facts_is(d, *after, "of") && sl_facts_is(d, *after + 1, "age")) {
            *after += 2;
            return ages[k][1];
        }
    }
    return unit;
}

/* Whether money is spoken of within six tokens before token i, or the
 * amount is scaled: what tells "25 pounds" of money from a weight. */
static bool money_near(const sl_facts_doc *d, size_t i)
{
    static const char *const money[] = {"paid", "pay", "pays", "cost", "costs", "worth", "fine",
        "fined", "price", "priced", "spent", "spend", "raised", "salary", "wage", "bid", "sold",
        "bought", "earn", "earned", "earns", "owed", "owes", "fee", "loan", "budget", "bill",
        "million", "billion", "thousand", "bn", "m", NULL};
    for (size_t k = i; k > 0 && k + 6 > i && sl_numbers_same_sentence(d, i, k - 1); k--)
        if (sl_facts_in(d, k - 1, money) >= 0)
            return true;
    return sl_facts_in(d, i, money) >= 0;
}

/* The unit at token k after words that say which system it is of ("US
 * fluid ounce", "imperial gallon"); the tokens taken, 0 when none. */
static size_t qualified_unit_at(const sl_facts_doc *d, size_t k, const char **unit)
{
    static const char *const systems[] = {"us", "u.s.", "imperial", "fluid", NULL};
    size_t q = k;
    while (q < k + 2 && sl_numbers_same_sentence(d, k, q) && sl_facts_in(d, q, systems) >= 0)
        q++;
    size_t used = sl_numbers_same_sentence(d, k, q) ? unit_at(d, q, unit) : 0;
    return used ? q - k + used : 0;
}

/* "a third of a mile", "1/16 of a US pint": the unit a fraction is a share
 * of, from token *after (moved past it); NULL when none. */
static const char *share_of_unit(const sl_facts_doc *d, const number *nb, size_t *after)
{
    const char *unit;
    size_t used;
    if (nb->value <= 0 || nb->value >= 1 || !sl_facts_is(d, *after, "of") ||
        !(sl_facts_is(d, *after + 1, "a") || sl_facts_is(d, *after + 1, "an")) ||
        !sl_numbers_same_sentence(d, *after, *after + 2) ||
        !(used = qualified_unit_at(d, *after + 2, &unit)))
        return NULL;
    *after += 2 + used;
    return unit;
}

/* The unit written after the number, from token *after (moved past it). */
static const char *unit_after(const sl_facts_doc *d, size_t anchor, size_t *after)
{
    const char *unit;
    size_t used;
    if (!sl_numbers_same_sentence(d, anchor, *after))
        return NULL;
    if ((used = qualified_unit_at(d, *after, &unit))) {
        if (!strcmp(unit, "pound sterling") && sl_facts_is(d, *after, "pounds") &&
            !money_near(d, anchor))
            unit = "pound-mass"; /* "dropped 25 pounds", but "paid 25 pounds" */
        *after += used;
        return age_unit(d, unit, after);
    }
    size_t old = *after + 3;
    const char *age;
    if (sl_facts_is(d, *after, "-") && sl_facts_is(d, *after + 2, "-") &&
        sl_numbers_same_sentence(d, anchor, old) && unit_at(d, *after + 1, &unit) &&
        (age = age_unit(d, unit, &old)) != unit) {
        *after = old; /* "28 - year - old", as some tokenised text writes it */
        return age;
    }
    size_t n;
    const char *w = sl_facts_tok(d, *after, &n);
    if (memchr(w, '-', n) && (unit = sl_units_word(w, n))) {
        (*after)++; /* "12 year-old", "43.4 percent-owned", "5 mile-long" */
        return unit;
    }
    return NULL;
}

/* The currency before token i: its unit, *first moved to its first token. */
static const char *currency_at(const sl_facts_doc *d, size_t *first)
{
    size_t f;
    const char *unit = sl_units_currency_before(d, *first, &f);
    if (unit)
        *first = f;
    return unit;
}

/* A range's upper end after the low one and its unit, at token `after`:
 * "10 to 20", "10-20", "between 3 and 5", "5 per cent to 20 per cent",
 * "$89 to $93 billion". Fills hi and its unit; false when none. */
static bool range_end(const sl_facts_doc *d, size_t after, size_t first, const char *lo_unit,
                      number *hi, const char **hi_unit)
{
    bool between = first > 0 &&
                   (sl_facts_is(d, first - 1, "between") || sl_facts_is(d, first - 1, "from"));
    bool by = first > 0 && sl_facts_is(d, first - 1, "by"); /* "rose by 4 to 40": two values */
    if (!(sl_facts_is(d, after, "to") || sl_facts_is(d, after, "-") ||
          sl_facts_is(d, after, "\xE2\x80\x93") || sl_facts_is(d, after, "or") ||
          (between && sl_facts_is(d, after, "and"))))
        return false;
    size_t j = after + 1, f;
    const char *cur = NULL;
    for (size_t k = j + 1; k <= j + 2 && k < d->toks.n && !cur; k++)
        if ((cur = sl_units_currency_before(d, k, &f)) && f == j)
            j = k; /* "to $93 billion", "to US $89" */
        else
            cur = NULL;
    if (!sl_numbers_same_sentence(d, after, j) || !number_at(d, j, hi) || hi->ordinal)
        return false;
    size_t end = hi->last + 1;
    *hi_unit = hi->glued_unit ? hi->glued_unit : cur ? cur : unit_after(d, hi->last, &end);
    if (by && (lo_unit || !*hi_unit || sl_facts_is(d, after, "-")))
        return false;
    if (lo_unit && ((!*hi_unit && !between) || (*hi_unit && strcmp(lo_unit, *hi_unit))))
        return false; /* "up 9.4 per cent to $84", "rose 8% to 3.65": two quantities */
    hi->last = end - 1;
    return true;
}

/* "from $75 a barrel in October to $45.88": the "to" of a "from" further on
 * (within eight tokens, no other number but a year between), read as a range
 * as NewsQuant does. */
static bool from_range_end(const sl_facts_doc *d, size_t after, size_t first, const char *lo_unit,
                           number *hi, const char **hi_unit)
{
    if (first == 0 || !sl_facts_is(d, first - 1, "from"))
        return false;
    for (size_t k = after; k < after + 8 && sl_numbers_same_sentence(d, first, k); k++) {
        if (sl_facts_is(d, k, "to"))
            return range_end(d, k, first, lo_unit, hi, hi_unit);
        size_t n;
        const char *w = sl_facts_tok(d, k, &n);
        bool year = n == 4 && (d->toks.items[k].flags & SL_TOK_NUMBER) && atoi(w) >= 1800 &&
                    atoi(w) <= 2100;
        if (sl_facts_is(d, k, "from") || sl_facts_is(d, k, ",") || sl_facts_is(d, k, ";") ||
            ((d->toks.items[k].flags & SL_TOK_NUMBER) && !year))
            return false;
    }
    return false;
}

/* "$1.40 a share", "$58 per barrel", "$21 per square foot": the unit per
 * something, written into per (cap bytes); the tokens it takes, 0 when none. */
static size_t rate_unit(const sl_facts_doc *d, size_t after, const char *unit, char *per, size_t cap)
{
    static const char *const when[] = {"earlier", "ago", "before", "later", "previously", NULL};
    if (!unit || !(sl_facts_is(d, after, "a") || sl_facts_is(d, after, "an") ||
                   sl_facts_is(d, after, "per")) ||
        after + 1 >= d->toks.n || !sl_numbers_content_word(d, after + 1) || !sl_numbers_same_sentence(d, after, after + 1) ||
        sl_facts_in(d, after + 2, when) >= 0) /* "$6.8 billion a year earlier" */
        return 0;
    const char *wu;
    size_t used = unit_at(d, after + 1, &wu), n;
    const char *w = sl_facts_tok(d, after + 1, &n);
    if (used)
        snprintf(per, cap, "%s per %s", unit, wu);
    else
        snprintf(per, cap, "%s per %.*s", unit, (int)(n < 24 ? n : 24), w);
    for (char *c = per; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
    return 1 + (used ? used : 1);
}

/* "Jane Doe, 65, said": a bare number between commas after a name is an age. */
static bool age_after_name(const sl_facts_doc *d, const number *nb)
{
    size_t f = nb->first;
    return !nb->word_form && !nb->glued_unit && nb->value >= 1 && nb->value < 120 &&
           nb->value == floor(nb->value) && f > 1 && sl_facts_is(d, f - 1, ",") &&
           sl_facts_upper(d, f - 2) && !(d->toks.items[f - 2].flags & SL_TOK_STOP) &&
           (sl_facts_is(d, nb->last + 1, ",") || sl_facts_is(d, nb->last + 1, ")"));
}

/* Emits the number nb unless it is no fact; returns the last token it takes. */
static size_t emit_number(sl_facts_doc *d, number *nb, sl_buf *about)
{
    size_t first = nb->first;
    const char *unit = nb->glued_unit, *cur;
    if (nb->glued_unit && first > 0 && sl_facts_is(d, first - 1, "$") && glued(d, first - 1, first))
        first--; /* "$US55,931,000", "$A82" */
    else if (!unit && (cur = currency_at(d, &first)))
        unit = cur; /* "$1.2 billion", "US $5", "Rs 500 crore" */
    char approx = approx_before(d, &first);
    if (nb->approx && approx == '=')
        approx = nb->approx;
    if (not_a_fact(d, nb, nb->first, unit))
        return nb->last;
    size_t after = nb->last + 1;
    if (!unit && !(unit = share_of_unit(d, nb, &after)))
        unit = unit_after(d, nb->last, &after);
    if (unit && first == nb->first && first > 0 && sl_facts_is(d, first - 1, "-") &&
        glued(d, first - 1, first) && nb->value > 0 &&
        !(first > 1 && glued(d, first - 2, first - 1))) {
        nb->value = -nb->value; /* "-5 degrees", but not the "-" of "5-10" */
        first--;
    }
    double value_hi = nb->value_hi > 0 ? nb->value_hi : nb->value;
    number hi;
    const char *hi_unit = NULL;
    if (nb->value_hi == 0 && (range_end(d, after, first, unit, &hi, &hi_unit) ||
                              from_range_end(d, after, first, unit, &hi, &hi_unit))) {
        value_hi = hi.value_hi > 0 ? hi.value_hi : hi.value;
        /* "$89 to $93 billion", "1 to 2 thousand": the scale of both ends */
        if (hi.scaled && !nb->scaled && hi.last > hi.first) {
            double s = sl_units_scale_word(d, hi.first + 1);
            if (s > 0 && nb->value * s <= value_hi)
                nb->value *= s;
        }
        after = hi.last + 1;
        if (!unit)
            unit = hi_unit;
    }
    if (unit && !strcmp(unit, "kilometre") && sl_facts_is(d, after, "/") &&
        (sl_facts_is(d, after + 1, "h") || sl_facts_is(d, after + 1, "hr"))) {
        unit = "kilometre per hour"; /* "80km/h" */
        after += 2;
    }
    char per[64];
    size_t used = rate_unit(d, after, unit, per, sizeof per);
    if (used) {
        unit = per;
        after += used;
    }
    if (!unit && age_after_name(d, nb))
        unit = "year of age";
    if (!unit && bare_line(d, nb->first))
        return after - 1; /* a bare number on a line of its own: page chrome */
    sl_buf_clear(about);
    for (size_t k = 0; nb->glued_noun && k < nb->glued_noun_len; k++) {
        char c = nb->glued_noun[k];
        sl_buf_putc(about, c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    size_t end_tok = nb->glued_noun ? after
                                    : sl_numbers_counted_after(d, after, nb->last, unit != NULL,
                                                        nb->value == 1, about);
    if (!about->len && nb->ordinal)
        sl_numbers_apposition(d, first, about);
    else if (!about->len && !sl_numbers_conversion(d, first, about))
        sl_numbers_value_of(d, first, unit, about);
    if (about->err) {   /* out of memory: an item without its noun would be wrong */
        d->err = about->err;
        return after - 1;
    }
    if (end_tok < after)
        end_tok = after;
    sl_fact_item *it = sl_facts_add(d, SL_FACT_NUMBER, d->toks.items[first].start,
                                    d->toks.items[end_tok - 1].end);
    if (!it)
        return after - 1;
    it->value = nb->value;
    it->value_hi = value_hi;
    it->approx = approx;
    if (unit)
        it->detail = sl_facts_strdup(d, unit, strlen(unit));
    if (about->len)
        it->about = sl_facts_strdup(d, about->ptr, about->len);
    if (nb->ordinal)
        it->role = sl_facts_strdup(d, "ordinal", 7);
    return after - 1;
}

void sl_facts_numbers(sl_facts_doc *d)
{
    sl_buf about = SL_BUF_INIT;
    for (size_t i = 0; i < d->toks.n && !d->err; i++) {
        number nb;
        if (!number_at(d, i, &nb))
            continue;
        /* "one" as a pronoun ("one of them", "the one") is not a count */
        bool one_of_the = sl_facts_is(d, nb.last + 1, "of") &&
                          (sl_facts_is(d, nb.last + 2, "the") || sl_facts_is(d, nb.last + 2, "his") ||
                           sl_facts_is(d, nb.last + 2, "her") || sl_facts_is(d, nb.last + 2, "its"));
        const char *unit;
        if (nb.word_form && nb.value == 1 && !unit_at(d, nb.last + 1, &unit) && !one_of_the &&
            !(nb.last + 1 < d->toks.n && sl_numbers_content_word(d, nb.last + 1))) {
            i = nb.last;
            continue;
        }
        size_t last = emit_number(d, &nb, &about);
        i = last > nb.last ? last : nb.last;
    }
    sl_buf_free(&about);
}
