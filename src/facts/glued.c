/* glued.c — what is glued to a number's digits or to the token after it:
 * an ordinal's suffix, a scale ("$13.6M", "4bn-euro", "-mln-share", "500
 * mln-dlr"), a unit ("10km", "12-year-old"), "-plus" and "-odd", a rate's
 * hyphens ("-a-share"), a noun ("40,000-strong"). numbers.c reads the digits
 * and calls these. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "facts/numbers.h"
#include "facts/units.h"

/* The approximation a glued suffix s[0, n) says: '>' for "-plus" ("5,000-plus"),
 * '~' for "-odd" ("3,000-odd"), 0 for none. */
static char approx_suffix(const char *s, size_t n)
{
    return n == 5 && !strncasecmp(s, "-plus", 5) ? '>' : n == 4 && !strncasecmp(s, "-odd", 4) ? '~' : 0;
}

/* Whether s[0, n) is a hyphen and a lower-case word ("-member"). */
static bool lower_noun(const char *s, size_t n)
{
    if (n < 3 || s[0] != '-')
        return false;
    for (size_t k = 1; k < n; k++)
        if (!islower((unsigned char)s[k]))
            return false;
    return true;
}

/* Whether s[0, n) names what is counted in thousands or millions and never
 * measured in metres: "m" before it is a scale ("a 100m-share sale", "a
 * 2m-member union", "a 5m-barrel field"), as it is not before "-long",
 * "-high" or "-race". */
static bool counted_in_millions(const char *s, size_t n)
{
    static const char *const nouns[] = {"share", "member", "user", "subscriber", "customer",
        "viewer", "voter", "barrel", "tonne", "ton", "ounce", "unit", "vehicle", "job"};
    if (n > 1 && s[n - 1] == 's')
        n--; /* "-shares", "-tonnes" */
    for (size_t k = 0; k < sizeof nouns / sizeof *nouns; k++)
        if (strlen(nouns[k]) == n && !strncasecmp(s, nouns[k], n))
            return true;
    return false;
}

/* A scale glued to the digits, then a unit or a noun glued by a hyphen:
 * "bn-euro" of "a 4bn-euro hole", "-mln-dlr" of "a 5.0-mln-dlr loan",
 * "-mln-share" of "a 3-mln-share offer"; the unit, or NULL with the noun's
 * offset in s in *noun (the scale's value in *k), or with the approximation
 * "-plus" or "-odd" says in *approx ("-mln-plus"). NULL, *noun 0 and
 * *approx 0 when s[0, n) is not so written. "m" and "k" are scales after a
 * currency only, as sl_units_glued_scale reads them, or before what is
 * counted in millions ("100m-share"), never before another noun
 * ("10m-long" stays metres). */
const char *sl_numbers_scale_then_unit(const char *s, size_t n, bool money, double *k, size_t *noun,
                                       char *approx)
{
    size_t last = n;
    *noun = 0;
    *approx = 0;
    while (last > 1 && s[last - 1] != '-')
        last--;
    if (last <= 1 || last >= n)
        return NULL;
    const char *unit = sl_units_word(s + last - 1, n - last + 1);
    if (!unit && !lower_noun(s + last - 1, n - last + 1))
        return NULL;
    *k = sl_units_glued_scale(s, last - 1, (unit && (money || sl_units_is_currency(unit))) ||
                                               counted_in_millions(s + last, n - last));
    if (*k == 0 && s[0] == '-' && last > 2)
        *k = sl_units_glued_scale(s + 1, last - 2, false); /* "-mln", "-bn"; not "-m" */
    if (*k > 0 && !unit && !(*approx = approx_suffix(s + last - 1, n - last + 1)))
        *noun = last;
    return *k > 0 ? unit : NULL;
}

/* Whether the token before i is digits glued to the letter unit ("2h"
 * before "10m", "10m" before "30s"): a duration said in its parts, whose
 * next part is minutes or seconds, not metres or a decade. */
static bool after_duration_part(const sl_facts_doc *d, size_t i, char unit)
{
    size_t n;
    if (i == 0 || !sl_numbers_same_sentence(d, i - 1, i))
        return false;
    const char *w = sl_facts_tok(d, i - 1, &n);
    return n >= 2 && w[n - 1] == unit && isdigit((unsigned char)w[0]) &&
           isdigit((unsigned char)w[n - 2]);
}

bool sl_numbers_glued_rest(const sl_facts_doc *d, size_t i, const char *rest, size_t rn, bool currency,
                           bool money, sl_number *nb)
{
    const char *dash = memchr(rest, '-', rn);
    size_t sn = dash ? (size_t)(dash - rest) : rn;
    const char *unit;
    double k;
    size_t noun;
    char about;
    if ((rn == 2 && (!strncasecmp(rest, "st", 2) || !strncasecmp(rest, "nd", 2) ||
                     !strncasecmp(rest, "rd", 2) || !strncasecmp(rest, "th", 2))))
        nb->ordinal = true;
    else if (rn == 1 && rest[0] == 's' && after_duration_part(d, i, 'm'))
        nb->glued_unit = "second"; /* "2h 12m 30s" */
    else if (rn == 1 && (rest[0] == 's' || rest[0] == 'S'))
        return false; /* a decade: "1990s" */
    else if (rn == 1 && rest[0] == 'm' && !nb->glued_unit && after_duration_part(d, i, 'h'))
        nb->glued_unit = "minute"; /* "3h 10m" */
    else if (dash && sn && sl_units_rate_suffix(dash, rn - sn) &&
             (k = sl_units_glued_scale(rest, sn, money)) > 0) {
        nb->value *= k; /* "$1.5m-a-year": quantities.c reads the rate */
        nb->scaled = true;
        nb->glued_scale = k;
    } else if (dash && sn && (approx_suffix(dash, rn - sn) || (currency && lower_noun(dash, rn - sn))) &&
               (k = sl_units_glued_scale(rest, sn, money)) > 0) {
        /* "$30m-plus", "$2bn-odd", "2m-plus fans", "$10m-rated": a scale, not
         * metres; a hyphened word needs the currency ("10m-long tunnels") */
        nb->value *= k;
        nb->scaled = true;
        nb->glued_scale = k;
        nb->approx = approx_suffix(dash, rn - sn);
    } else if (!nb->glued_unit &&
               ((unit = sl_numbers_scale_then_unit(rest, rn, money, &k, &noun, &about)) || noun || about)) {
        nb->value *= k; /* "a 4bn-euro hole", "a 5.0-mln-dlr loan", "a 3-mln-share offer" */
        nb->scaled = true;
        nb->glued_scale = k;
        nb->glued_unit = unit;
        if (about)
            nb->approx = about; /* "a 1-mln-plus crowd" */
        if (noun) {
            size_t ln;
            const char *lt = sl_facts_tok(d, nb->last, &ln);
            nb->glued_noun = lt + ln - rn + noun; /* in the text: buf is gone on return */
            nb->glued_noun_len = rn - noun;
        }
    } else if ((k = sl_units_glued_scale(rest, rn, money)) > 0) {
        nb->value *= k; /* "$13.6M", "4.3M", "$1.7bn" */
        nb->scaled = true;
        nb->glued_scale = k;
    } else if (!nb->glued_unit && (nb->glued_unit = sl_units_word(rest, rn))) {
        /* "10km", "12-year-old" */
    } else if (!nb->glued_unit && rn == 2 && !strncmp(rest, "in", 2)) {
        nb->glued_unit = "inch"; /* "6ft 2in", "a 5in screen": glued, no preposition */
    } else if (!nb->glued_unit && rn == 1 && rest[0] == 'h') {
        nb->glued_unit = "hour"; /* "24h", "3h 10m" */
    } else if (!nb->glued_unit && rn == 1 && rest[0] == 't') {
        nb->glued_unit = "metric ton"; /* "a 40t lorry"; alone "t" is a letter */
    } else if (approx_suffix(rest, rn)) {
        nb->approx = approx_suffix(rest, rn); /* "5,000-plus", "3,000-odd" */
    } else if (sl_units_rate_suffix(rest, rn)) {
        /* "$12-a-share": quantities.c reads the rate */
    } else if (!nb->glued_unit && lower_noun(rest, rn)) {
        size_t ln; /* "40,000-strong", "10-member", as "three-phase" */
        const char *lt = sl_facts_tok(d, nb->last, &ln);
        nb->glued_noun = lt + ln - rn + 1; /* in the text: buf is gone on return */
        nb->glued_noun_len = rn - 1;
    } else {
        return false; /* "3D", "5G", "F16": a name */
    }
    return true;
}

/* Applies the scale v glued to the token after the number nb (taken
 * into it) unless a scale word said before is as large (`said`, 0 when
 * none): "500 mln-dlr", "five thousand million-dlr", not "5 mln mln-dlr". */
static void scale_once(sl_number *nb, double v, double said)
{
    if (v > said) {
        nb->value *= v;
        nb->glued_scale = v;
    }
    nb->scaled = true;
    nb->last++;
}

/* "1.8 billion-mile", "400 million-year-old", "5 million-strong", wire
 * copy's "500 mln-dlr loan": a scale glued to a unit or a noun in the token
 * after the number. After a scale word (`said`) it is a larger one's group
 * ("five thousand million-dlr", as "five thousand million dlrs" reads) or
 * the same scale said twice ("5 mln mln-dlr" is 5 mln dollars): applied
 * only when larger. */
void sl_numbers_dashed_scale(const sl_facts_doc *d, sl_number *nb, double said)
{
    static const struct { const char *w; double v; } dashed[] = {
        {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
        {"mln", 1e6}, {"bln", 1e9}, {"bn", 1e9}};
    size_t n = 0;
    const char *w = nb->last + 1 < d->toks.n ? sl_facts_tok(d, nb->last + 1, &n) : "";
    const char *dash = memchr(w, '-', n < 12 ? n : 12), *unit;
    for (size_t k = 0; dash && !nb->glued_unit && k < sizeof dashed / sizeof *dashed; k++)
        if ((size_t)(dash - w) == strlen(dashed[k].w) &&
            !strncasecmp(w, dashed[k].w, (size_t)(dash - w)) &&
            (unit = sl_units_word(dash, n - (size_t)(dash - w)))) {
            nb->glued_unit = unit;
            scale_once(nb, dashed[k].v, said); /* a range's low end takes it: "400 to 500 mln-dlr" */
        } else if ((size_t)(dash - w) == strlen(dashed[k].w) &&
                   !strncasecmp(w, dashed[k].w, (size_t)(dash - w)) &&
                   lower_noun(dash, n - (size_t)(dash - w))) {
            nb->glued_noun = dash + 1; /* "5 million-strong" */
            nb->glued_noun_len = n - (size_t)(dash - w) - 1;
            scale_once(nb, dashed[k].v, said);
        }
}
