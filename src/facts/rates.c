/* rates.c — a unit per something after a number ("$1.40 a share", "$58
 * per barrel", "5 mg/l", "15-cent-a-share", "300 dots per inch"), written
 * as "unit per what" for quantities.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "facts/numbers.h"
#include "facts/rates.h"
#include "facts/units.h"

/* The unit of a symbol after a slash ("m/s", "km/h", "mg/l"), NULL when
 * none: alone, such letters are words or initials. */
static const char *per_symbol(const sl_facts_doc *d, size_t k)
{
    return sl_facts_is(d, k, "s") ? "second"
         : sl_facts_is(d, k, "h") || sl_facts_is(d, k, "hr") ? "hour"
         : sl_facts_is(d, k, "l") ? "litre" : NULL;
}

bool sl_rates_slash_unit(const sl_facts_doc *d, size_t k)
{
    const char *unit;
    return sl_facts_is(d, k, "/") && sl_numbers_glued(d, k, k + 1) &&
           (sl_units_at(d, k + 1, &unit) || per_symbol(d, k + 1));
}

/* Writes "unit per what" into per (cap bytes), lower-cased: what is
 * per_unit when it is a unit, else the word w[0, n). */
static void write_rate(const char *per_unit, const char *w, size_t n, const char *unit, char *per,
                       size_t cap)
{
    if (per_unit)
        snprintf(per, cap, "%s per %s", unit, per_unit);
    else
        snprintf(per, cap, "%s per %.*s", unit, (int)(n < 24 ? n : 24), w);
    for (char *c = per; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
}

/* A rate glued by hyphens inside the token w[0, n) ("-a-share"): written
 * into per; false when none. */
static bool rate_in_token(const char *w, size_t n, const char *unit, char *per, size_t cap)
{
    for (size_t at = 1; at < n; at++) {
        size_t word = sl_units_rate_suffix(w + at, n - at);
        if (word) {
            write_rate(sl_units_word(w + at + word, n - at - word), w + at + word,
                       n - at - word, unit, per, cap);
            return true;
        }
    }
    return false;
}

/* A rate glued by hyphens to the digits of the number's last token
 * ("15-cent-a-share", "$40-per-ton"; not "two-and-a-half") or to the unit
 * word after it, token unit_tok ("530 pence-a-share"; 0: none): written
 * into per; false when none. */
bool sl_rates_glued(const sl_facts_doc *d, size_t last, size_t unit_tok, const char *unit, char *per,
                    size_t cap)
{
    size_t n;
    const char *w = sl_facts_tok(d, last, &n);
    per[0] = '\0';
    if (!unit)
        return false;
    if (isdigit((unsigned char)w[0]) && rate_in_token(w, n, unit, per, cap))
        return true;
    if (!unit_tok || strstr(unit, " per "))
        return false; /* "barrel-a-day" is read whole as a unit */
    w = sl_facts_tok(d, unit_tok, &n);
    return isalpha((unsigned char)w[0]) && rate_in_token(w, n, unit, per, cap);
}

/* "300,000 barrels daily", "$2m annually": an adverb of a period at token
 * k, as "a day", "a year" say it (not an adjective before a noun: "a $40
 * monthly fee"); the period, NULL when none. */
static const char *period_adverb(const sl_facts_doc *d, size_t k)
{
    static const char *const adverbs[][2] = {{"daily", "day"}, {"weekly", "week"},
                                             {"monthly", "month"}, {"annually", "year"}};
    if (sl_numbers_same_sentence(d, k, k + 1) && sl_numbers_content_word(d, k + 1))
        return NULL;
    for (size_t a = 0; a < sizeof adverbs / sizeof *adverbs; a++)
        if (sl_facts_is(d, k, adverbs[a][0]))
            return adverbs[a][1];
    return NULL;
}

/* Tokens a bracketed conversion may take ("($2.408 billion; Â£1.9
 * billion)"). */
#define CONVERSION_WINDOW 12

/* "$1.40 a share", "$58 per barrel", "$21 per square foot", "5 mg/l",
 * "$ 45 - a - share", "300,000 barrels daily": the unit per something,
 * written into per (cap bytes, left empty when none); the tokens it takes. */
size_t sl_rates_after(const sl_facts_doc *d, size_t after, const char *unit, char *per, size_t cap)
{
    static const char *const when[] = {"earlier", "ago", "before", "later", "previously", NULL};
    const char *wu;
    size_t used;
    per[0] = '\0';
    if (unit && after > 0 && sl_numbers_same_sentence(d, after - 1, after) && (wu = period_adverb(d, after))) {
        write_rate(wu, NULL, 0, unit, per, cap);
        return 1;
    }
    if (unit && sl_facts_is(d, after, "-") && sl_facts_is(d, after + 2, "-") &&
        (sl_facts_is(d, after + 1, "a") || sl_facts_is(d, after + 1, "per")) &&
        sl_numbers_same_sentence(d, after, after + 3) && sl_numbers_content_word(d, after + 3)) {
        size_t n;
        const char *w = sl_facts_tok(d, after + 3, &n);
        write_rate(sl_units_at(d, after + 3, &wu) ? wu : NULL, w, n, unit, per, cap);
        return 4; /* "$ 70 - a - share" */
    }
    if (unit && sl_numbers_glued(d, after - 1, after) && sl_rates_slash_unit(d, after) &&
        ((used = sl_units_at(d, after + 1, &wu)) || (wu = per_symbol(d, after + 1)))) {
        snprintf(per, cap, "%s per %s", unit, wu); /* "5 mg/l", "3 kg/m2", "80km/h" */
        return 1 + (used ? used : 1);
    }
    if (!unit || !(sl_facts_is(d, after, "a") || sl_facts_is(d, after, "an") ||
                   sl_facts_is(d, after, "per")) ||
        after + 1 >= d->toks.n || !sl_numbers_content_word(d, after + 1) || !sl_numbers_same_sentence(d, after, after + 1) ||
        sl_facts_in(d, after + 2, when) >= 0) /* "$6.8 billion a year earlier" */
        return 0;
    size_t n;
    used = sl_units_at(d, after + 1, &wu);
    const char *w = sl_facts_tok(d, after + 1, &n);
    write_rate(used ? wu : NULL, w, n, unit, per, cap);
    return 1 + (used ? used : 1);
}

void sl_rates_after_conversion(const sl_facts_doc *d, size_t after, const char *unit, char *per,
                               size_t cap)
{
    size_t close;
    bool amount = false;
    per[0] = '\0';
    if (!sl_facts_is(d, after, "("))
        return;
    for (close = after + 1; close < after + CONVERSION_WINDOW && sl_numbers_same_sentence(d, after, close) &&
                            !sl_facts_is(d, close, ")");
         close++) {
        size_t n;
        if (sl_facts_is(d, close, "("))
            return;
        amount |= isdigit((unsigned char)*sl_facts_tok(d, close, &n)) != 0;
    }
    if (amount && sl_facts_is(d, close, ")") && sl_numbers_same_sentence(d, close, close + 1))
        sl_rates_after(d, close + 1, unit, per, cap);
}

/* "300 dots per inch", "2 million viewers a night": a count over time or
 * space, whose counted phrase ends at token noun_end - 1 in a plural noun;
 * its unit, that noun per what, written into per (cap bytes, left empty
 * when none). Returns the tokens the rate takes after the noun. */
size_t sl_rates_count(const sl_facts_doc *d, size_t noun_end, char *per, size_t cap)
{
    size_t n;
    const char *w = sl_facts_tok(d, noun_end - 1, &n);
    char noun[32];
    per[0] = '\0';
    if (!sl_numbers_plural(d, noun_end - 1) || n >= sizeof noun)
        return 0;
    memcpy(noun, w, n);
    noun[n] = '\0';
    return sl_rates_after(d, noun_end, noun, per, cap);
}
