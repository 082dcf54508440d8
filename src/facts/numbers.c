/* numbers.c — numbers stated in a text: digits and words ("40,000", "1.2
 * million", "2 1/2", "ten", "ninth"), with approximation ("over", "about"),
 * ranges, percentages, money, units, and the noun phrase they count. Years,
 * days of dates, clock times, ids and page counters are left out. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"

static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", NULL};
/* "first" and "second" are left out: mostly not counts ("first time", "a second"). */
static const char *const ordinals[] = {"", "", "", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", NULL};
static const char *const scales[] = {"hundred", "thousand", "million", "billion", "trillion",
    "bn", "mln", NULL};
static const double scale_values[] = {1e2, 1e3, 1e6, 1e9, 1e12, 1e9, 1e6};

/* Words before a number that make it approximate, and how. */
static const struct { const char *w1, *w2; char approx; } approx_words[] = {
    {"more", "than", '>'}, {"over", NULL, '>'}, {"at", "least", '>'}, {"above", NULL, '>'},
    {"exceeding", NULL, '>'}, {"upwards", "of", '>'}, {"less", "than", '<'},
    {"fewer", "than", '<'}, {"under", NULL, '<'}, {"up", "to", '<'}, {"below", NULL, '<'},
    {"many", "as", '<'}, {"nearly", NULL, '~'}, {"almost", NULL, '~'}, {"about", NULL, '~'},
    {"around", NULL, '~'}, {"approximately", NULL, '~'}, {"roughly", NULL, '~'},
    {"some", NULL, '~'}, {"estimated", NULL, '~'}, {"circa", NULL, '~'}, {"approx", NULL, '~'},
};

/* Unit words after a number and their normal form (NewsQuant's names). */
static const struct { const char *w, *unit; } unit_words[] = {
    {"percent", "percentage"}, {"per", "percentage"}, {"%", "percentage"}, {"pct", "percentage"},
    {"points", "point"}, {"point", "point"}, {"dollars", "dollar"}, {"dollar", "dollar"},
    {"euros", "euro"}, {"euro", "euro"}, {"pounds", "pound sterling"}, {"yen", "japanese yen"},
    {"yuan", "chinese yuan"}, {"shekels", "shekel"}, {"ringgit", "malaysian ringgit"},
    {"cents", "cent"}, {"rupees", "indian rupee"}, {"pence", "penny"}, {"marks", "mark"},
    {"years", "year"}, {"year", "year"},
    {"months", "month"}, {"month", "month"}, {"weeks", "week"}, {"week", "week"},
    {"days", "day"}, {"day", "day"}, {"hours", "hour"}, {"hour", "hour"},
    {"minutes", "minute"}, {"minute", "minute"}, {"seconds", "second"},
    {"miles", "mile"}, {"mile", "mile"}, {"mph", "mile per hour"}, {"km", "kilometre"},
    {"kilometres", "kilometre"}, {"kilometers", "kilometre"}, {"metres", "metre"},
    {"meters", "metre"}, {"feet", "foot"}, {"foot", "foot"}, {"inches", "inch"},
    {"inch", "inch"}, {"yards", "yard"}, {"yard", "yard"}, {"kg", "kilogram"},
    {"kilograms", "kilogram"}, {"tons", "ton"}, {"tonnes", "tonne"}, {"litres", "litre"},
    {"liters", "litre"}, {"degrees", "degree"}, {"gb", "gigabyte"}, {"mw", "megawatt"},
    {"gw", "gigawatt"}, {"kw", "kilowatt"}, {"hp", "horsepower"}, {"horsepower", "horsepower"},
    {"barrels", "barrel"}, {"acres", "acre"}, {"hectares", "hectare"}, {"mm", "millimetre"},
    {"cm", "centimetre"}, {"m", "metre"}, {"people", "people"},
    {"rpm", "revolutions per minute"}, {"kph", "kilometre per hour"}, {"nm", "newton metre"},
    {"kwh", "kilowatt hour"}, {"mb", "megabyte"}, {"tb", "terabyte"}, {"ghz", "gigahertz"},
    {"mhz", "megahertz"}, {"hz", "hertz"}, {"w", "watt"}, {"watts", "watt"}, {"volts", "volt"},
    {"grams", "gram"}, {"g", "gram"}, {"lb", "pound-mass"}, {"lbs", "pound-mass"},
    {"ounces", "ounce"}, {"oz", "ounce"}, {"gallons", "gallon"}, {"litre", "litre"},
    {"liter", "litre"}, {"min", "minute"}, {"mins", "minute"}, {"hrs", "hour"},
    {"bhp", "brake horsepower"}, {"ps", "metric horsepower"}, {"pound-feet", "pound-foot"},
};

/* Currencies named by a nationality and a noun: "australian dollars". */
static const struct { const char *adj, *noun, *unit; } national_units[] = {
    {"us", "dollar", "dollar"}, {"u.s.", "dollar", "dollar"},
    {"australian", "dollar", "australian dollar"}, {"canadian", "dollar", "canadian dollar"},
    {"hong", "kong", "hong kong dollar"}, {"singapore", "dollar", "singapore dollar"},
    {"new", "zealand", "new zealand dollar"}, {"swiss", "franc", "swiss franc"},
    {"french", "franc", "french franc"}, {"japanese", "yen", "japanese yen"},
    {"chinese", "yuan", "chinese yuan"}, {"indian", "rupee", "indian rupee"},
    {"british", "pound", "pound sterling"}, {"mexican", "peso", "mexican peso"},
};

/* Currency signs before a number. */
static const struct { const char *sign, *unit; } currency_signs[] = {
    {"$", "dollar"}, {"\xE2\x82\xAC", "euro"}, {"\xC2\xA3", "pound sterling"},
    {"\xC2\xA5", "japanese yen"}, {"\xE2\x82\xAA", "shekel"},
};

/* Words before a number that make it a name or an id, not a count. */
static const char *const id_words[] = {"no", "no.", "number", "#", "section", "row", "room",
    "page", "flight", "route", "highway", "chapter", "article", "amendment", "id", "photo",
    "image", "slide", "item", "step", "episode", "season", "vol", "vol.", "version", "level",
    "gate", "platform", "seat", "apartment", "suite", "box", "code", "ext", "tel", "phone",
    "fax", "channel", "interstate", "district", "precinct", "ward", "exit", "lot", "category",
    "game", NULL};
/* Words before a four-digit number that make an older one a year too ("in 1600"). */
static const char *const year_preps[] = {"in", "since", "between", "from", "by", "until",
    "before", "after", "and", "of", "to", NULL};
/* Words after a number that make it page chrome: counters of a web page. */
static const char *const chrome_words[] = {"comments", "comment", "shares", "share", "likes",
    "views", "retweets", "followers", "replies", "reads", "reactions", "photos", "images",
    "slides", "min", "mins", NULL};
/* Verbs and prepositions linking a counted noun phrase before the number. */
static const char *const link_words[] = {"of", "at", "to", "for", "reached", "was", "is", "were",
    "are", "stood", "stands", "rose", "climbed", "hit", "totaled", "totalled", "numbered",
    "passed", "topped", "surpassed", "exceeded", "by", "from", "nearly", "about", "around",
    "over", "more", "than", "least", "some", "roughly", "approximately", "almost", NULL};

/* Auxiliaries between a counted noun and its state ("were injured"). */
static const char *const aux_words[] = {"were", "was", "are", "is", "had", "have", "has",
    "been", "be", NULL};

typedef struct number {
    size_t first, last;      /* token range of the number words */
    double value;
    bool ordinal, word_form;
    const char *glued_unit;  /* unit glued to the digits ("10km", "12-year-old") */
    const char *glued_noun;  /* noun glued to a number word ("three-phase") */
    size_t glued_noun_len;
} number;

static double parse_digits(const char *s, size_t n, size_t *used)
{
    char buf[64];
    size_t k = 0, i = 0;
    for (; i < n && k + 1 < sizeof buf; i++) {
        if (isdigit((unsigned char)s[i]) || s[i] == '.')
            buf[k++] = s[i];
        else if (s[i] != ',')
            break;
    }
    buf[k] = '\0';
    *used = i;
    char *slash = NULL;
    if (i < n && s[i] == '/') {
        size_t u2;
        double den = parse_digits(s + i + 1, n - i - 1, &u2);
        *used = i + 1 + u2;
        slash = buf;
        return den > 0 ? strtod(buf, NULL) / den : 0;
    }
    (void)slash;
    return strtod(buf, NULL);
}

/* Unit glued to digits: "km" in "10km", "year of age" in "12-year-old". */
static const char *glued_unit(const char *s, size_t n)
{
    if (*s == '-') {
        s++;
        n--;
    }
    if (n >= 8 && !strncasecmp(s, "year-old", 8))
        return "year of age";
    if (n >= 9 && !strncasecmp(s, "years-old", 9))
        return "year of age";
    size_t w = 0;
    while (w < n && s[w] != '-')
        w++;
    for (size_t k = 0; k < sizeof unit_words / sizeof *unit_words; k++)
        if (strlen(unit_words[k].w) == w && !strncasecmp(s, unit_words[k].w, w))
            return unit_words[k].unit;
    if (w == 5 && !strncasecmp(s, "month", 5))
        return "month";
    return NULL;
}

/* Whether a currency sign is right before token i. */
static bool currency_before(const sl_facts_doc *d, size_t i)
{
    for (size_t k = 0; k < sizeof currency_signs / sizeof *currency_signs; k++)
        if (sl_facts_is(d, i - 1, currency_signs[k].sign))
            return true;
    return false;
}

/* A scale glued to digits: "bn", "mn", "tn", "M" (and "m", "k" after a
 * currency sign, where they cannot be metres); 0 when none. */
static double glued_scale(const char *s, size_t n, bool money)
{
    if ((n == 2 && !strncasecmp(s, "bn", 2)) || (n == 1 && s[0] == 'B' && money))
        return 1e9;
    if ((n == 2 && !strncasecmp(s, "mn", 2)) || (n == 1 && s[0] == 'M') ||
        (n == 1 && s[0] == 'm' && money))
        return 1e6;
    if ((n == 2 && !strncasecmp(s, "tn", 2)))
        return 1e12;
    if (n == 1 && (s[0] == 'k' || s[0] == 'K') && money)
        return 1e3;
    return 0;
}

/* A number written in digits at token i (possibly glued to a unit). */
static bool digits_at(const sl_facts_doc *d, size_t i, number *nb)
{
    double k;
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    if (!isdigit((unsigned char)s[0]))
        return false;
    size_t used;
    nb->value = parse_digits(s, n, &used);
    nb->first = nb->last = i;
    if (used < n) {
        const char *rest = s + used;
        size_t rn = n - used;
        if ((rn == 2 && (!strncasecmp(rest, "st", 2) || !strncasecmp(rest, "nd", 2) ||
                         !strncasecmp(rest, "rd", 2) || !strncasecmp(rest, "th", 2))))
            nb->ordinal = true;
        else if (rn == 1 && (rest[0] == 's' || rest[0] == 'S'))
            return false; /* a decade: "1990s" */
        else if ((k = glued_scale(rest, rn, i > 0 && currency_before(d, i))) > 0)
            nb->value *= k; /* "$13.6M", "4.3M", "$1.7bn" */
        else if (!(nb->glued_unit = glued_unit(rest, rn)))
            return false; /* "3D", "5G", "F16": a name */
    }
    /* "2 1/2" */
    if (!nb->ordinal && !nb->glued_unit && i + 1 < d->toks.n) {
        size_t n2;
        const char *s2 = sl_facts_tok(d, i + 1, &n2);
        if (memchr(s2, '/', n2) && isdigit((unsigned char)s2[0]) &&
            d->toks.items[i + 1].start == d->toks.items[i].end + 1 && !memchr(s, '/', n)) {
            nb->value += parse_digits(s2, n2, &used);
            nb->last = i + 1;
        }
    }
    return true;
}

/* A number written in words at token i: "ten", "twenty-five", "ninth". */
static bool words_at(const sl_facts_doc *d, size_t i, number *nb)
{
    int k;
    nb->first = nb->last = i;
    nb->word_form = true;
    if ((k = sl_facts_in(d, i, ones)) >= 0) {
        nb->value = k;
        return true;
    }
    if ((k = sl_facts_in(d, i, ordinals)) >= 3) {
        nb->value = k;
        nb->ordinal = true;
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
            if ((size_t)(dash - s) == strlen(ones[k]) && !strncasecmp(s, ones[k], dash - s)) {
                nb->value = k;
                nb->glued_unit = glued_unit(dash, n - (size_t)(dash - s));
                nb->glued_noun = nb->glued_unit ? NULL : dash + 1;
                nb->glued_noun_len = n - (size_t)(dash - s) - 1;
                return true;
            }
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

/* Applies "hundred", "million" ... after the number. */
static void scale(const sl_facts_doc *d, number *nb)
{
    int k;
    while (!nb->ordinal && (k = sl_facts_in(d, nb->last + 1, scales)) >= 0) {
        nb->value *= scale_values[k];
        nb->last++;
    }
}

static bool number_at(const sl_facts_doc *d, size_t i, number *nb)
{
    memset(nb, 0, sizeof *nb);
    if (!(d->toks.items[i].flags & (SL_TOK_NUMBER | SL_TOK_WORD)))
        return false;
    if (!digits_at(d, i, nb) && !words_at(d, i, nb))
        return false;
    scale(d, nb);
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

/* "australian dollars" at token i: the unit and the tokens it takes (else 0). */
static size_t national_unit(const sl_facts_doc *d, size_t i, const char **unit)
{
    for (size_t k = 0; k < sizeof national_units / sizeof *national_units; k++) {
        if (!sl_facts_is(d, i, national_units[k].adj))
            continue;
        size_t n;
        const char *w = i + 1 < d->toks.n ? sl_facts_tok(d, i + 1, &n) : "";
        size_t nl = strlen(national_units[k].noun);
        if (i + 1 < d->toks.n && n >= nl && !strncasecmp(w, national_units[k].noun, nl) &&
            n <= nl + 1) {
            *unit = national_units[k].unit;
            size_t used = 2;
            if (!strcmp(national_units[k].noun, "kong") || !strcmp(national_units[k].noun, "zealand"))
                used += sl_facts_is(d, i + 2, "dollars") || sl_facts_is(d, i + 2, "dollar");
            return used;
        }
    }
    return 0;
}

static const char *unit_of_word(const sl_facts_doc *d, size_t i)
{
    for (size_t k = 0; k < sizeof unit_words / sizeof *unit_words; k++)
        if (sl_facts_is(d, i, unit_words[k].w))
            return unit_words[k].unit;
    return NULL;
}

static bool same_sentence(const sl_facts_doc *d, size_t a, size_t b)
{
    return b < d->toks.n && d->sent_of[a] == d->sent_of[b];
}

static bool content_word(const sl_facts_doc *d, size_t i)
{
    const sl_token *t = &d->toks.items[i];
    return (t->flags & SL_TOK_WORD) && !(t->flags & SL_TOK_STOP);
}

/* The noun phrase counted, after the number (and unit): up to four content
 * words, then "of" and up to three more ("months of war"). */
static size_t noun_phrase_after(const sl_facts_doc *d, size_t i, size_t anchor, sl_buf *about)
{
    size_t n = 0;
    while (n < 4 && same_sentence(d, anchor, i) && content_word(d, i) &&
           !sl_facts_month(d, i)) {
        sl_facts_put_lower(d, i++, about);
        n++;
    }
    /* "workers were injured": the state the counted are in */
    size_t state = i;
    while (state < i + 2 && state < d->toks.n && sl_facts_in(d, state, aux_words) >= 0)
        state++;
    if (state > i && same_sentence(d, anchor, state) && content_word(d, state)) {
        sl_facts_put_lower(d, state, about);
        return state + 1;
    }
    if (sl_facts_is(d, i, "of") && same_sentence(d, anchor, i + 1)) {
        size_t j = i + 1, m = 0;
        while (j < d->toks.n && (sl_facts_is(d, j, "the") || sl_facts_is(d, j, "a")))
            j++;
        while (m < 3 && same_sentence(d, anchor, j) && content_word(d, j)) {
            sl_facts_put_lower(d, j++, about);
            m++;
        }
        if (m)
            i = j;
    }
    return i;
}

/* The counted noun phrase before the number ("the death toll rose to 40,000"):
 * the content words right before a linking word. */
static void noun_phrase_before(const sl_facts_doc *d, size_t first, sl_buf *about)
{
    size_t j = first;
    int links = 0;
    while (j > 0 && same_sentence(d, first, j - 1) && sl_facts_in(d, j - 1, link_words) >= 0 &&
           links < 3) {
        j--;
        links++;
    }
    if (!links)
        return;
    size_t end = j, start = j;
    while (start > 0 && end - start < 3 && same_sentence(d, first, start - 1) &&
           content_word(d, start - 1) && !sl_facts_upper(d, start - 1))
        start--;
    for (size_t k = start; k < end; k++)
        sl_facts_put_lower(d, k, about);
}

/* Whether tokens a and b touch (no space between). */
static bool glued(const sl_facts_doc *d, size_t a, size_t b)
{
    return d->toks.items[a].end == d->toks.items[b].start;
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
static bool not_a_fact(const sl_facts_doc *d, const number *nb, size_t first)
{
    size_t last = nb->last;
    size_t n;
    const char *s = sl_facts_tok(d, nb->first, &n);
    if (first > 0 && same_sentence(d, first, first - 1) && sl_facts_in(d, first - 1, id_words) >= 0)
        return true;
    size_t before = first > 0 && sl_facts_is(d, first - 1, ".") && first > 1 ? first - 2 : first - 1;
    if (!nb->word_form && first > 0 && sl_facts_month(d, before))
        return true; /* the day of a date: "Oct 7", "Oct. 7" */
    if (first > 1 && glued(d, first - 1, first) && glued(d, first - 2, first - 1) &&
        (sl_facts_is(d, first - 1, ",") || sl_facts_is(d, first - 1, ".") ||
         sl_facts_is(d, first - 1, "-")))
        return true; /* the tail of a larger token: "US55,931,000", "PS2.7m" */
    if (first > 0 && !nb->word_form && camel_case(d, first - 1))
        return true; /* a model: "iPhone 11" */
    if (!nb->word_form && street_after(d, last + 1))
        return true; /* an address: "575 Wilbraham Road" */
    if (!nb->word_form && last + 1 < d->toks.n && sl_facts_month(d, last + 1) && nb->value <= 31)
        return true; /* "7 October" */
    bool year_word = first > 0 && sl_facts_in(d, first - 1, year_preps) >= 0;
    if (!nb->word_form && !nb->glued_unit && n == 4 && !memchr(s, ',', n) &&
        !unit_of_word(d, last + 1) && nb->value <= 2100 &&
        (nb->value >= 1800 || (nb->value >= 1000 && year_word)))
        return true; /* a year: dates.c */
    if (sl_facts_is(d, last + 1, ":") || sl_facts_is(d, last + 1, "a.m.") ||
        sl_facts_is(d, last + 1, "p.m.") || sl_facts_is(d, last + 1, "am") ||
        sl_facts_is(d, last + 1, "pm") ||
        (first > 1 && sl_facts_is(d, first - 1, ":") &&
         (d->toks.items[first - 2].flags & SL_TOK_NUMBER)))
        return true; /* a clock time */
    if (sl_facts_in(d, last + 1, chrome_words) >= 0)
        return true;
    /* "1 of 12", "3/12" on their own: a page or photo counter */
    if (sl_facts_is(d, last + 1, "of") && last + 2 < d->toks.n &&
        (d->toks.items[last + 2].flags & SL_TOK_NUMBER) &&
        (last + 3 >= d->toks.n || !same_sentence(d, last, last + 3)))
        return true;
    /* a number after a capitalised name: "Apollo 11", "Big 12" */
    if (!nb->word_form && first > 0 && same_sentence(d, first, first - 1) &&
        sl_facts_upper(d, first - 1) && d->sent_of[first - 1] == d->sent_of[first] &&
        d->toks.items[first - 1].start > d->sents.items[d->sent_of[first]].start &&
        !(d->toks.items[first - 1].flags & SL_TOK_STOP) && !unit_of_word(d, last + 1))
        return true;
    return false;
}

/* A range's upper end after the number: "10 to 20", "10-20", "between 3 and 5". */
static bool range_end(const sl_facts_doc *d, size_t after, size_t first, number *hi)
{
    bool between = first > 0 &&
                   (sl_facts_is(d, first - 1, "between") || sl_facts_is(d, first - 1, "from"));
    bool by = first > 0 && sl_facts_is(d, first - 1, "by"); /* "rose by 4 to 40": two values */
    if (!((sl_facts_is(d, after, "to") && !by) || sl_facts_is(d, after, "-") ||
          sl_facts_is(d, after, "\xE2\x80\x93") || sl_facts_is(d, after, "or") ||
          (between && sl_facts_is(d, after, "and"))))
        return false;
    size_t j = after + 1;
    if (sl_facts_is(d, j, "$"))
        j++;
    return same_sentence(d, after, j) && number_at(d, j, hi) && !hi->ordinal;
}

/* Words in the sentence of token i (counted up to 3): a line of bare numbers
 * ("12 4 87") is page chrome (share counters), not a statement. */
static size_t sentence_words(const sl_facts_doc *d, size_t i)
{
    size_t s = d->sent_of[i], n = 0;
    size_t a = i, b = i;
    while (a > 0 && d->sent_of[a - 1] == s)
        a--;
    while (b < d->toks.n && d->sent_of[b] == s)
        b++;
    for (size_t k = a; k < b && n < 3; k++)
        n += (d->toks.items[k].flags & SL_TOK_WORD) != 0;
    return n;
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

/* Emits the number nb (token i) unless it is no fact; *consumed is set to
 * the last token of a range stated after its unit. */
static void emit_number(sl_facts_doc *d, size_t i, number *nb, sl_buf *about, size_t *consumed)
{
    size_t first = nb->first;
    const char *unit = nb->glued_unit;
    /* currency sign before: "$1.2 billion", "US$ 5" */
    for (size_t k = 0; first > 0 && k < sizeof currency_signs / sizeof *currency_signs; k++)
        if (sl_facts_is(d, first - 1, currency_signs[k].sign)) {
            unit = currency_signs[k].unit;
            first--;
            if (first > 0 && (sl_facts_is(d, first - 1, "US") || sl_facts_is(d, first - 1, "A")) &&
                d->toks.items[first - 1].end == d->toks.items[first].start) {
                first--;
                if (sl_facts_is(d, first, "A"))
                    unit = "australian dollar";
            }
            break;
        }
    char approx = approx_before(d, &first);
    if (not_a_fact(d, nb, nb->first))
        return;
    size_t after = nb->last + 1;
    number hi;
    double value_hi = nb->value;
    if (range_end(d, after, first, &hi)) {
        value_hi = hi.value;
        after = hi.last + 1;
        if (!unit)
            unit = hi.glued_unit;
    }
    const char *word_unit = NULL;
    size_t used;
    if (!unit && same_sentence(d, nb->last, after) && (used = national_unit(d, after, &unit))) {
        after += used;
    } else if (!unit && same_sentence(d, nb->last, after) && (word_unit = unit_of_word(d, after))) {
        unit = word_unit;
        if (sl_facts_is(d, after, "per") && sl_facts_is(d, after + 1, "cent"))
            after++;
        else if (sl_facts_is(d, after, "per"))
            unit = NULL, word_unit = NULL;
        if (word_unit)
            after++;
        unit = age_unit(d, unit, &after);
    } else if (!unit && (sl_facts_is(d, after, "year-old") || sl_facts_is(d, after, "years-old"))) {
        unit = "year of age";
        after++;
    }
    char per[64];
    if (unit && (sl_facts_is(d, after, "a") || sl_facts_is(d, after, "an") ||
                 sl_facts_is(d, after, "per")) &&
        after + 1 < d->toks.n && content_word(d, after + 1) && same_sentence(d, after, after + 1) &&
        !sl_facts_is(d, after + 1, "cent")) { /* "$1.40 a share", "$58 per barrel" */
        size_t n;
        const char *w = sl_facts_tok(d, after + 1, &n);
        const char *wu = unit_of_word(d, after + 1);
        if (wu)
            snprintf(per, sizeof per, "%s per %s", unit, wu);
        else
            snprintf(per, sizeof per, "%s per %.*s", unit, (int)(n < 24 ? n : 24), w);
        for (char *c = per; *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c | 0x20 : *c);
        unit = per;
        after += 2;
    } else if (unit && !strcmp(unit, "kilometre") && sl_facts_is(d, after, "/") &&
               sl_facts_is(d, after + 1, "h")) {
        unit = "kilometre per hour"; /* "140 km/h" */
        after += 2;
    }
    if (value_hi == nb->value && first > 0 && after > nb->last + 1 &&
        (sl_facts_is(d, first - 1, "from") || sl_facts_is(d, first - 1, "between")) &&
        (sl_facts_is(d, after, "to") || sl_facts_is(d, after, "and")) &&
        number_at(d, after + 1, &hi) && !hi.ordinal && same_sentence(d, after, after + 1)) {
        value_hi = hi.value; /* "from 1 per cent to 1.5 per cent" */
        after = hi.last + 1;
        *consumed = hi.last;
        while (after < d->toks.n && unit && unit_of_word(d, after) &&
               !strcmp(unit_of_word(d, after), unit))
            after++;
        if (sl_facts_is(d, after, "cent") && sl_facts_is(d, after - 1, "per"))
            after++;
    }
    if (!unit && sentence_words(d, nb->first) < 3)
        return; /* a bare number on a line of its own: page chrome */
    sl_buf_clear(about);
    if (nb->glued_noun) {
        for (size_t k = 0; k < nb->glued_noun_len; k++) {
            char c = nb->glued_noun[k];
            sl_buf_putc(about, c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        }
    }
    size_t end_tok = nb->glued_noun ? after : noun_phrase_after(d, after, nb->last, about);
    if (!about->len)
        noun_phrase_before(d, first, about);
    if (about->err) {   /* out of memory: an item without its noun would be wrong */
        d->err = about->err;
        return;
    }
    if (end_tok <= nb->last)
        end_tok = after;
    if (end_tok <= nb->last)
        end_tok = nb->last + 1;
    sl_fact_item *it = sl_facts_add(d, SL_FACT_NUMBER, d->toks.items[first].start,
                                    d->toks.items[end_tok - 1].end);
    if (!it)
        return;
    it->value = nb->value;
    it->value_hi = value_hi;
    it->approx = approx;
    if (unit)
        it->detail = sl_facts_strdup(d, unit, strlen(unit));
    if (about->len)
        it->about = sl_facts_strdup(d, about->ptr, about->len);
    if (nb->ordinal)
        it->role = sl_facts_strdup(d, "ordinal", 7);
    (void)i;
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
        if (nb.word_form && nb.value == 1 && !unit_of_word(d, nb.last + 1) && !one_of_the &&
            !(nb.last + 1 < d->toks.n && content_word(d, nb.last + 1))) {
            i = nb.last;
            continue;
        }
        size_t consumed = nb.last;
        emit_number(d, i, &nb, &about, &consumed);
        number hi;
        if (range_end(d, nb.last + 1, nb.first, &hi))
            i = hi.last;
        else
            i = consumed;
    }
    sl_buf_free(&about);
}
