/* quantities.c — which numbers read (numbers.c) are facts, and each one as
 * a quantity item: approximation ("over", "about"), currency before it,
 * the unit after it (unit_after.c, with units.c's words), range, rate ("a
 * share", rates.c) and what it counts (counted.c); then parts of a whole
 * (parts.c) and the unit a sentence says once for several values
 * (said_once.c). Years, days of dates, clock times, ids and page counters
 * (counters.c) are left out. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "facts/numbers.h"
#include "facts/rates.h"
#include "facts/units.h"

/* Words before a number that make it approximate, and how; the first entry
 * that ends right before the number wins (a two-word phrase is listed before
 * any entry of its last word). The tokenizer splits the dot off an
 * abbreviation, so "ca. 68" is the pair "ca" "." (abbreviation_dot). */
static const struct { const char *w1, *w2; char approx; } approx_words[] = {
    {"more", "than", '>'}, {"over", NULL, '>'}, {"at", "least", '>'}, {"above", NULL, '>'},
    {"exceeding", NULL, '>'}, {"upwards", "of", '>'}, {"upward", "of", '>'},
    {"excess", "of", '>'}, {"beyond", NULL, '>'}, {"less", "than", '<'},
    {"fewer", "than", '<'}, {"under", NULL, '<'}, {"up", "to", '<'}, {"below", NULL, '<'},
    {"many", "as", '<'}, {"much", "as", '<'}, {"at", "most", '<'},
    {"nearly", NULL, '~'}, {"almost", NULL, '~'}, {"about", NULL, '~'},
    {"around", NULL, '~'}, {"approximately", NULL, '~'}, {"roughly", NULL, '~'},
    {"some", NULL, '~'}, {"estimated", NULL, '~'}, {"circa", NULL, '~'}, {"approx", NULL, '~'},
    {"close", "to", '~'}, {"ca", ".", '~'}, {"c", ".", '~'}, {"approx", ".", '~'},
};

/* Words before a number that make it a name or an id, not a count; an
 * abbreviation's dot between them is skipped ("No. 5", "vol. 3"). */
static const char *const id_words[] = {"no", "number", "#", "section", "row", "room",
    "page", "flight", "route", "highway", "chapter", "article", "amendment", "id", "photo",
    "image", "slide", "item", "step", "episode", "season", "vol", "version", "level",
    "gate", "platform", "seat", "apartment", "suite", "box", "code", "ext", "tel", "phone",
    "fax", "channel", "interstate", "district", "precinct", "ward", "exit", "lot", "category",
    "game", "unit", "zip", "covid", "windows", "ios", "android", NULL};
/* Time zones after a clock time written as whole digits ("1405 GMT", "at 9
 * EST"); not "pt", a point ("0.25 pt"). */
static const char *const time_zones[] = {"gmt", "utc", "bst", "cet", "cest", "est", "edt",
    "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ist", "jst", "aest", "sast", NULL};
/* Words before a four-digit number that make an older one a year too ("in 1600"). */
static const char *const year_preps[] = {"in", "since", "between", "from", "by", "until",
    "before", "after", "and", "of", "to", NULL};
/* The first letters of the words an entry of approx_words reads right
 * before the number: a pair's second word (than, least, of, to, as, most)
 * and a single word. A token of no other letter there, and no dot, rules
 * out the table. */
#define APPROX_LAST_LETTERS                                                                   \
    (SL_FACTS_LETTER('a') | SL_FACTS_LETTER('b') | SL_FACTS_LETTER('c') | SL_FACTS_LETTER('e') | \
     SL_FACTS_LETTER('l') | SL_FACTS_LETTER('m') | SL_FACTS_LETTER('n') | SL_FACTS_LETTER('o') | \
     SL_FACTS_LETTER('r') | SL_FACTS_LETTER('s') | SL_FACTS_LETTER('t') | SL_FACTS_LETTER('u'))

/* Whether token i and the dot after it are one abbreviation ("ca.",
 * "approx."): the dot glued to it, the word in lower case or opening its
 * sentence. A capital inside a sentence is an initial or a code ("vitamin
 * C. 12 died", "Fresno, CA. 68 homes"), not "circa". */
static bool abbreviation_dot(const sl_facts_doc *d, size_t i)
{
    const sl_token *t = &d->toks.items[i];
    return t->end == d->toks.items[i + 1].start &&
           (!(t->flags & SL_TOK_UPPER) || t->start == d->sents.items[d->sent_of[i]].start);
}

/* Approximation words just before token `first`; moves *first back over them. */
static char approx_before(const sl_facts_doc *d, size_t *first)
{
    size_t f = *first;
    if (f == 0 ||
        !(sl_facts_starts_in(d, f - 1, APPROX_LAST_LETTERS) || sl_facts_is(d, f - 1, ".")))
        return '=';
    for (size_t k = 0; k < sizeof approx_words / sizeof *approx_words; k++) {
        if (approx_words[k].w2) {
            if (f >= 2 && sl_facts_is(d, f - 2, approx_words[k].w1) &&
                sl_facts_is(d, f - 1, approx_words[k].w2) &&
                (approx_words[k].w2[0] != '.' || abbreviation_dot(d, f - 2))) {
                *first = f - 2;
                if (f >= 3 && sl_facts_is(d, f - 2, "excess") && sl_facts_is(d, f - 3, "in"))
                    *first = f - 3; /* "in excess of" */
                return approx_words[k].approx;
            }
        } else if (f >= 1 && sl_facts_is(d, f - 1, approx_words[k].w1)) {
            *first = f - 1;
            return approx_words[k].approx;
        }
    }
    return '=';
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

/* Whether token k may be a word of a street's name: capitalised, or an
 * ordinal in digits ("71st"). */
static bool street_word(const sl_facts_doc *d, size_t k)
{
    size_t n;
    const char *w = sl_facts_tok(d, k, &n);
    return sl_facts_upper(d, k) ||
           (n > 2 && isdigit((unsigned char)w[0]) && (!strcasecmp(w + n - 2, "st") ||
            !strcasecmp(w + n - 2, "nd") || !strcasecmp(w + n - 2, "rd") ||
            !strcasecmp(w + n - 2, "th")));
}

/* A street's name within three tokens from token i, in capitals or ordinals,
 * with a street word after its first word ("575 Wilbraham Road", "9 E 71st
 * St") or first before another capitalised word ("22 Ave Foch"): an address. */
static bool street_after(const sl_facts_doc *d, size_t i)
{
    static const char *const streets[] = {"road", "street", "st", "avenue", "ave", "way",
        "lane", "drive", "boulevard", "blvd", "rd", "place", "square", NULL};
    for (size_t k = i; k < i + 4 && k < d->toks.n && d->sent_of[k] == d->sent_of[i] &&
                       street_word(d, k); k++)
        if (sl_facts_in(d, k, streets) >= 0 && (k > i || sl_facts_upper(d, k + 1)))
            return true;
    return false;
}

/* Whether token i ends in "'s" ("Japan's", "Japan\xE2\x80\x99s"). */
static bool possessive(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *w = sl_facts_tok(d, i, &n);
    return (n > 2 && !strncmp(w + n - 2, "'s", 2)) ||
           (n > 4 && !strncmp(w + n - 4, "\xE2\x80\x99s", 4));
}

/* Whether token i is digits with a leading zero ("0845", "007"; not "0.5"). */
static bool leading_zero(const sl_facts_doc *d, size_t i)
{
    size_t n;
    const char *s = sl_facts_tok(d, i, &n);
    return n > 2 && s[0] == '0' && isdigit((unsigned char)s[1]);
}

/* Whether the number at tokens [first, last] follows a name that opens its
 * sentence and comes before a verb, a name or a sign: "Halo 2 has sold",
 * "Doom 3 was"; not after an adverb ("Nearly 50 were", "Exactly 12"), an
 * approximation or a possessive ("England's 1-0 defeat"). NewsQuant odd
 * half value 0.914 -> 0.915, value+unit 0.768 -> 0.769 (one false
 * alarm); even half unchanged. */
static bool name_opens_sentence(const sl_facts_doc *d, size_t first, size_t last)
{
    size_t n, approx_first = first;
    if (first == 0 || last + 1 >= d->toks.n || !sl_numbers_same_sentence(d, first, first - 1) ||
        !sl_numbers_same_sentence(d, last, last + 1))
        return false;
    const char *w = sl_facts_tok(d, first - 1, &n);
    if (!sl_facts_upper(d, first - 1) || (d->toks.items[first - 1].flags & SL_TOK_STOP) ||
        possessive(d, first - 1) || (n > 2 && !strncasecmp(w + n - 2, "ly", 2)) ||
        d->toks.items[first - 1].start != d->sents.items[d->sent_of[first]].start)
        return false;
    approx_before(d, &approx_first);
    return approx_first == first &&
           (!sl_numbers_content_word(d, last + 1) || sl_facts_upper(d, last + 1));
}

/* Whether "top" at token i is the verb, after "to" or a modal: "expects
 * sales to top 500,000 in 2005", "could top 1986"; "the top 10" is a rank. */
static bool verb_top(const sl_facts_doc *d, size_t i)
{
    static const char *const before[] = {"to", "will", "would", "could", "can", "may", "might",
        "should", "must", "shall", NULL};
    return i > 0 && sl_facts_is(d, i, "top") && sl_numbers_same_sentence(d, i, i - 1) &&
           sl_facts_in(d, i - 1, before) >= 0;
}

/* Whether the number at tokens [first, last] is a name, id, time or counter. */
static bool not_a_fact(const sl_facts_doc *d, const sl_number *nb, size_t first, const char *unit)
{
    size_t last = nb->last;
    size_t n;
    const char *s = sl_facts_tok(d, nb->first, &n);
    const char *next_unit;
    bool unit_after = unit || sl_numbers_unit_at(d, last + 1, &next_unit) > 0;
    size_t before = first > 0 && sl_facts_is(d, first - 1, ".") && first > 1 ? first - 2 : first - 1;
    if (first > 0 && sl_numbers_same_sentence(d, first, before) && sl_facts_in(d, before, id_words) >= 0)
        return true;
    if (first > 0 && (sl_facts_is(d, first - 1, "top") || sl_facts_is(d, first - 1, "bottom")) &&
        !(last + 1 < d->toks.n && sl_numbers_content_word(d, last + 1)) && !verb_top(d, first - 1))
        return true; /* a rank: "the bottom three", but "the top three seeds" count */
    if (!nb->word_form && first > 0 && sl_facts_month(d, before))
        return true; /* the day of a date: "Oct 7", "Oct. 7" */
    if (first > 1 && sl_numbers_glued(d, first - 1, first) &&
        sl_numbers_glued(d, first - 2, first - 1) &&
        (sl_facts_is(d, first - 1, ",") || sl_facts_is(d, first - 1, ".") ||
         sl_facts_is(d, first - 1, "-")))
        return true; /* the tail of a larger token: "PS2.7m" */
    if (!nb->word_form && (leading_zero(d, nb->first) ||
                           (first > 0 && sl_numbers_same_sentence(d, first, first - 1) &&
                            leading_zero(d, first - 1))))
        return true; /* a code with its leading zero, and its next group: "0845 123 4567", "007" */
    if (first > 0 && !nb->word_form && camel_case(d, first - 1) && !possessive(d, first - 1))
        return true; /* a model: "iPhone 11"; not "the UK's 70,000 users" */
    if (!nb->word_form && street_after(d, last + 1))
        return true; /* an address: "575 Wilbraham Road" */
    if (!nb->word_form && last + 1 < d->toks.n && sl_facts_month(d, last + 1) && nb->value <= 31)
        return true; /* "7 October" */
    if (!nb->word_form && !unit && nb->value <= 31 && first > 2 &&
        (sl_facts_is(d, first - 1, "and") || sl_facts_is(d, first - 1, "or") ||
         sl_facts_is(d, first - 1, "&")) &&
        (d->toks.items[first - 2].flags & SL_TOK_NUMBER) && sl_facts_month(d, first - 3))
        return true; /* the second day of "June 24 and 25" */
    bool year_word = first > 0 && sl_facts_in(d, first - 1, year_preps) >= 0;
    if (!nb->word_form && !nb->glued_unit && n == 4 && !memchr(s, ',', n) && !unit_after &&
        nb->value <= 2200 && (nb->value >= 1800 || (nb->value >= 1000 && year_word)))
        return true; /* a year: dates.c */
    if ((sl_facts_is(d, last + 1, ":") && !unit && !nb->scaled) || /* not "$9.37bn: ..." */
        sl_facts_is(d, last + 1, "a.m.") ||
        sl_facts_is(d, last + 1, "o'clock") || sl_facts_is(d, last + 1, "o\xE2\x80\x99" "clock") ||
        sl_facts_is(d, last + 1, "p.m.") || sl_facts_is(d, last + 1, "am") ||
        sl_facts_is(d, last + 1, "pm") ||
        (!nb->word_form && !unit && nb->value == floor(nb->value) && nb->value <= 2400 &&
         sl_facts_in(d, last + 1, time_zones) >= 0) ||
        (first > 1 && sl_facts_is(d, first - 1, ":") &&
         (d->toks.items[first - 2].flags & SL_TOK_NUMBER)))
        return true; /* a clock time */
    if (!nb->scaled && sl_numbers_counter(d, first, last))
        return true; /* "12 comments", but "80 million followers" is a count */
    if ((sl_facts_is(d, last + 1, "min") || sl_facts_is(d, last + 1, "mins")) &&
        (sl_facts_is(d, last + 2, "read") || sl_facts_is(d, last + 2, "ago")))
        return true; /* "4 min read", but "ran it in 42 min" is a duration */
    /* "1 of 12", "3/12" on their own: a page or photo counter */
    if (sl_facts_is(d, last + 1, "of") && last + 2 < d->toks.n &&
        (d->toks.items[last + 2].flags & SL_TOK_NUMBER) &&
        (last + 3 >= d->toks.n || !sl_numbers_same_sentence(d, last, last + 3)))
        return true;
    /* a number after a capitalised name: "Apollo 11", "Big 12"; but not
     * after its possessive: "Japan's 23,000 centenarians" */
    if (!nb->word_form && first > 0 && sl_numbers_same_sentence(d, first, first - 1) &&
        sl_facts_upper(d, first - 1) && d->sent_of[first - 1] == d->sent_of[first] &&
        !possessive(d, first - 1) &&
        d->toks.items[first - 1].start > d->sents.items[d->sent_of[first]].start &&
        !(d->toks.items[first - 1].flags & SL_TOK_STOP) && !unit_after && !nb->scaled)
        return true; /* a scale is no name's: "awarded Varig 2bn reais" */
    if (!nb->word_form && !unit_after && name_opens_sentence(d, first, last))
        return true;
    /* a number word capitalised after a word is part of a name: "World War
     * Two", "the Six Nations" (NewsQuant odd half value 0.915 -> 0.916) */
    if (nb->word_form && sl_facts_upper(d, nb->first) && first > 0 &&
        sl_numbers_same_sentence(d, first, first - 1) &&
        (d->toks.items[first - 1].flags & SL_TOK_WORD))
        return true;
    return false;
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


/* Verbs of change before "X to Y": X may be the change and Y the level
 * it led to ("shares fell 12p to 118.5p"). */
static const char *const change_verbs[] = {"rose", "rise", "rises", "fell", "fall", "falls",
    "gained", "gains", "lost", "climbed", "dropped", "added", "shed", "jumped", "slipped",
    "slid", "declined", "increased", "decreased", "eased", "edged", "surged", "soared",
    "plunged", "tumbled", "advanced", "grew", "sank", "dipped", "up", "down", NULL};

/* Whether "X to Y" after a verb of change ("fell 12p to 118.5p", "rose
 * $1.50 to $75.20") is a change and the level it led to, not a range: the
 * ends are more than five times apart (a range's ends are seldom so far:
 * "rose 5 to 10 percent" stays a range). NewsQuant writes the two as two
 * quantities (10 such pairs in 7 sentences of the even half). */
#define CHANGE_TO_LEVEL 5.0
static bool change_then_level(const sl_facts_doc *d, size_t after, size_t first, double lo,
                              double hi)
{
    return first > 0 && sl_facts_is(d, after, "to") && sl_facts_in(d, first - 1, change_verbs) >= 0 &&
           lo > 0 && hi > CHANGE_TO_LEVEL * lo;
}

/* The scale word written inside the number n ("93 billion", "33-35
 * billion"), 0 when there is none. */
static double scale_within(const sl_facts_doc *d, const sl_number *n)
{
    for (size_t k = n->first + 1; k <= n->last; k++) {
        double s = sl_units_scale_word(d, k);
        if (s > 0)
            return s;
    }
    return 0;
}

/* "from 24.2 to 33-35 billion euros": a range's upper end, after "to" or
 * "and", that is itself a range glued by a hyphen or a dash. Widens hi to its top end and scales its
 * low end with the top's scale word; false when hi ends no such range. */
static bool range_top(const sl_facts_doc *d, sl_number *hi)
{
    size_t h = hi->last + 1;
    sl_number top;
    if (!(sl_facts_is(d, h, "-") || sl_facts_is(d, h, "\xE2\x80\x93")) ||
        !sl_numbers_glued(d, h - 1, h) || !sl_numbers_glued(d, h, h + 1) ||
        !sl_numbers_read(d, h + 1, &top) || top.ordinal || hi->scaled || hi->value_hi > 0)
        return false;
    double s = top.scaled ? scale_within(d, &top) : 1;
    if (s <= 0 || hi->value * s > top.value)
        return false;
    hi->value *= s;
    hi->value_hi = top.value_hi > 0 ? top.value_hi : top.value;
    hi->scaled = top.scaled;
    hi->last = top.last;
    hi->glued_unit = top.glued_unit;
    return true;
}

/* A range's upper end after the low one (value lo) and its unit, at token
 * `after`: "10 to 20", "10-20", "between 3 and 5", "5 per cent to 20 per
 * cent", "$89 to $93 billion", "10 to 12-14 billion". Fills hi and its
 * unit; false when none. */
static bool range_end(const sl_facts_doc *d, size_t after, size_t first, const char *lo_unit,
                      double lo, sl_number *hi, const char **hi_unit)
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
    if (!sl_numbers_same_sentence(d, after, j) || !sl_numbers_read(d, j, hi) || hi->ordinal ||
        change_then_level(d, after, first, lo, hi->value))
        return false;
    if (sl_facts_is(d, after, "to") || sl_facts_is(d, after, "and"))
        range_top(d, hi); /* not "1-2-3", "1 - 500-600 lbs", "1-800-843" */
    size_t end = hi->last + 1;
    *hi_unit = hi->glued_unit ? hi->glued_unit : cur ? cur : sl_numbers_unit_after(d, hi->last, &end);
    bool joined = sl_facts_is(d, after, "-") && sl_numbers_glued(d, after - 1, after) &&
                  sl_numbers_glued(d, after, after + 1); /* "$5-6 billion": one amount */
    if (by && (lo_unit || !*hi_unit || (sl_facts_is(d, after, "-") && !joined)))
        return false; /* "grow by 20-25%" is one range, "won by 3 - 1" none */
    if (lo_unit && ((!*hi_unit && !between && !joined) || (*hi_unit && strcmp(lo_unit, *hi_unit))))
        return false; /* "up 9.4 per cent to $84", "rose 8% to 3.65": two quantities */
    if (lo > 0 && hi->value < lo && sl_facts_is(d, after, "or"))
        return false; /* "2.4 mln dlrs or 15 cts a share": two measures of one thing */
    hi->last = end - 1;
    return true;
}

/* "from $75 a barrel in October to $45.88": the "to" of a "from" further on
 * (within eight tokens, no other number but a year between), read as a range
 * as NewsQuant does. */
static bool from_range_end(const sl_facts_doc *d, size_t after, size_t first, const char *lo_unit,
                           double lo, sl_number *hi, const char **hi_unit)
{
    if (first == 0 || !sl_facts_is(d, first - 1, "from"))
        return false;
    for (size_t k = after; k < after + 8 && sl_numbers_same_sentence(d, first, k); k++) {
        if (sl_facts_is(d, k, "to"))
            return range_end(d, k, first, lo_unit, lo, hi, hi_unit);
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

/* Whether a person is said to be or turn the number starting at token f,
 * nothing after it that it counts: "she was 14 when", "I'm 74", "he will be
 * just 62 by then", "Smith turned 40". A thing is rarely said to be a bare
 * number, and "it" is left out ("it was 3 by noon"). */
static bool said_to_be(const sl_facts_doc *d, size_t f, size_t last)
{
    static const char *const fillers[] = {"just", "only", "now", "nearly", "almost", "about",
        "around", "over", "under", "barely", "still", NULL};
    static const char *const be[] = {"is", "was", "be", "am", "are", "were", NULL};
    static const char *const turn[] = {"turn", "turns", "turned", "turning", NULL};
    static const char *const persons[] = {"he", "she", "i", "you", "we", "they", NULL};
    static const char *const modals[] = {"will", "would", "might", "may", "could", "should",
        "must", NULL};
    static const char *const contracted[] = {"i'm", "he's", "she's", "you're", "we're",
        "they're", "i\xE2\x80\x99m", "he\xE2\x80\x99s", "she\xE2\x80\x99s", NULL};
    size_t v = f - 1;
    if (v > 0 && sl_facts_in(d, v, fillers) >= 0)
        v--;
    if (!sl_numbers_same_sentence(d, f, v) || sl_numbers_content_word(d, last + 1))
        return false;
    if (sl_facts_in(d, v, contracted) >= 0)
        return true;
    bool turns = sl_facts_in(d, v, turn) >= 0;
    if (!turns && sl_facts_in(d, v, be) < 0)
        return false;
    size_t s = v - 1; /* the subject, over a modal: "he will be", "she might be" */
    if (v > 1 && sl_facts_is(d, v, "be") && sl_facts_in(d, s, modals) >= 0)
        s--;
    return v > 0 && sl_numbers_same_sentence(d, f, s) &&
           (sl_facts_in(d, s, persons) >= 0 ||
            (turns && sl_facts_upper(d, s) && !(d->toks.items[s].flags & SL_TOK_STOP)));
}

/* Whether the bare number at token f follows "at" after a verb of dying or
 * retiring, within five tokens: an age ("died in Bonn at 50", "retire at
 * 67"). */
static bool age_at_life_event(const sl_facts_doc *d, size_t f)
{
    static const char *const events[] = {"died", "dies", "die", "retire", "retires", "retired",
        "retiring", NULL};
    if (f < 2 || !sl_facts_is(d, f - 1, "at"))
        return false;
    for (size_t k = f - 1; k > 0 && k + 6 > f && sl_numbers_same_sentence(d, f, k - 1); k--)
        if (sl_facts_in(d, k - 1, events) >= 0)
            return true;
    return false;
}

/* A bare number that is an age: after "aged", "age" or "the age of" ("aged
 * 65", "at age 5", "from the age of eight", "aged 18 to 21"), between commas
 * after a name ("Jane Doe, 65, said"), what a person is said to be ("she
 * was 14"; a range there is a score: "we are 2-1 down"), or the age of a
 * death or a retirement ("died at 50"). */
static bool bare_age(const sl_facts_doc *d, const sl_number *nb, bool range)
{
    size_t f = nb->first;
    if (nb->glued_unit || nb->value < 1 || nb->value >= 120 || nb->value != floor(nb->value) ||
        f < 1)
        return false;
    if (sl_facts_is(d, f - 1, "aged") || sl_facts_is(d, f - 1, "age") ||
        (f > 1 && sl_facts_is(d, f - 1, "of") && sl_facts_is(d, f - 2, "age")))
        return true;
    if (nb->word_form || range)
        return false;
    if (said_to_be(d, f, nb->last) || age_at_life_event(d, f))
        return true;
    return f > 1 && sl_facts_is(d, f - 1, ",") && sl_facts_upper(d, f - 2) &&
           !(d->toks.items[f - 2].flags & SL_TOK_STOP) &&
           (sl_facts_is(d, nb->last + 1, ",") || sl_facts_is(d, nb->last + 1, ")"));
}

/* Words between the numbers of a list whose hyphens wait for one word. */
static bool list_joint(const sl_facts_doc *d, size_t k)
{
    return sl_facts_is(d, k, ",") || sl_facts_is(d, k, "and") || sl_facts_is(d, k, "or") ||
           sl_facts_is(d, k, "&") || sl_facts_is(d, k, "-");
}

/* A number whose hyphen waits for the word of a later one ("four-, five-
 * and six-cylinder engines", "two- and three-bedroom homes"): it takes that
 * number's glued unit or noun. Returns the later number's last token, the
 * end of the phrase that says it, or 0 when the number is no such ("5-10"
 * is a range: its hyphen touches the next number). */
#define SUSPENDED_WINDOW 16 /* tokens looked ahead for the word */
static size_t suspended_hyphen(const sl_facts_doc *d, sl_number *nb)
{
    size_t h = nb->last + 1;
    if (nb->glued_unit || nb->glued_noun || !sl_facts_is(d, h, "-") ||
        !sl_numbers_glued(d, nb->last, h) ||
        (sl_numbers_glued(d, h, h + 1) && (d->toks.items[h + 1].flags & SL_TOK_NUMBER)))
        return 0;
    for (size_t k = h + 1; k < h + SUSPENDED_WINDOW && sl_numbers_same_sentence(d, h, k); k++) {
        sl_number later;
        if (list_joint(d, k))
            continue;
        if (!sl_numbers_read(d, k, &later) || later.ordinal)
            return 0;
        if (later.glued_unit || later.glued_noun) {
            nb->glued_unit = later.glued_unit;
            nb->glued_noun = later.glued_noun;
            nb->glued_noun_len = later.glued_noun_len;
            return later.last;
        }
        k = later.last;
    }
    return 0;
}

/* "a day or two", "another pick or two": a small number word after "or"
 * counts the noun said with "a" before it. Returns the token of that noun,
 * 0 when there is none. */
static size_t noun_or_number(const sl_facts_doc *d, const sl_number *nb)
{
    size_t f = nb->first;
    if (!nb->word_form || nb->value < 2 || nb->value > 3 || f < 3 || !sl_facts_is(d, f - 1, "or") ||
        !(sl_facts_is(d, f - 3, "a") || sl_facts_is(d, f - 3, "an") ||
          sl_facts_is(d, f - 3, "another")) ||
        !sl_numbers_content_word(d, f - 2) || sl_facts_upper(d, f - 2) ||
        !sl_numbers_same_sentence(d, f, f - 3))
        return 0;
    return f - 2;
}

/* Whether the words after the phrase a measure measures, which ends at
 * token last, may say its rate ("tonnes of copper a year", "ounces of
 * gold per ton", "barrels of oil daily"): "a" or "an" in lower case before
 * a unit (not "of registering a sale", "class A preferred"), "per" before a
 * word in lower case, or another word (a period adverb, which
 * sl_rates_after reads); not after a price or a value, which the rate is
 * of ("80 pct of the bid price per share"). */
static bool rate_after_phrase(const sl_facts_doc *d, size_t last)
{
    static const char *const rated[] = {"price", "prices", "value", "values", NULL};
    size_t k = last + 1, n;
    const char *unit;
    if (sl_facts_in(d, last, rated) >= 0)
        return false;
    if (sl_facts_is(d, k, "a") || sl_facts_is(d, k, "an")) /* token k exists: read it */
        return sl_facts_tok(d, k, &n)[0] == 'a' && sl_numbers_unit_at(d, k + 1, &unit) > 0;
    return !sl_facts_is(d, k, "per") || !sl_facts_upper(d, k + 1);
}

/* How far a range's scaled low end may stand above its high end: "lowered
 * from 3.450 to 1.350 billion dlrs" (the one such range in Reuters-21578,
 * 2.6 times) is billions at both ends, "from 500 to 2 million" (250 times)
 * is not. */
#define RANGE_FALL 3.0

/* Emits the number nb unless it is no fact; returns the last token it takes.
 * Sets *bare when the number it emits has neither unit nor counted phrase
 * (nor is an ordinal): a value whose unit the sentence may say elsewhere. */
static size_t emit_number(sl_facts_doc *d, sl_number *nb, sl_buf *about, bool *bare)
{
    size_t first = nb->first, held = suspended_hyphen(d, nb), noun = noun_or_number(d, nb);
    const char *unit = nb->glued_unit, *cur;
    if (noun) {
        first = noun - 1; /* "a day or two": the phrase from its "a" */
        if (!sl_numbers_unit_at(d, noun, &unit))
            unit = NULL;
    }
    if (nb->glued_unit && first > 0 && sl_facts_is(d, first - 1, "$") && sl_numbers_glued(d, first - 1, first))
        first--; /* "$US55,931,000", "$A82" */
    else if (!unit && (cur = currency_at(d, &first)))
        unit = cur; /* "$1.2 billion", "US $5", "Rs 500 crore" */
    char approx = approx_before(d, &first);
    if (nb->approx && approx == '=')
        approx = nb->approx;
    if (not_a_fact(d, nb, nb->first, unit))
        return nb->last;
    size_t after = nb->last + 1;
    if (!unit)
        unit = sl_numbers_measure_after(d, nb, &after);
    if (sl_facts_is(d, after, "or") && sl_facts_is(d, after + 1, "so")) {
        after += 2; /* "the 100 or so delegates", "20 years or so" */
        if (approx == '=')
            approx = '~';
    }
    if (unit && first == nb->first && first > 0 &&
        (sl_facts_is(d, first - 1, "-") || sl_facts_is(d, first - 1, "\xE2\x88\x92")) &&
        sl_numbers_glued(d, first - 1, first) && nb->value > 0 &&
        !(first > 1 && sl_numbers_glued(d, first - 2, first - 1))) {
        nb->value = -nb->value; /* "-5 degrees", "\xE2\x88\x92" "3.5%", but not the "-" of "5-10" */
        first--;
    }
    double value_hi = nb->value_hi > 0 ? nb->value_hi : nb->value;
    sl_number hi;
    const char *hi_unit = NULL;
    /* "third to 1.2 billion", "rose by a third to 1.2 billion": no range */
    if (nb->value_hi == 0 && !nb->ordinal && !(nb->word_form && nb->value < 1) &&
        (range_end(d, after, first, unit, nb->value, &hi, &hi_unit) ||
         from_range_end(d, after, first, unit, nb->value, &hi, &hi_unit))) {
        value_hi = hi.value_hi > 0 ? hi.value_hi : hi.value;
        /* "$89 to $93 billion", "1 to 2 thousand", "fell from 2.1 to 1.8
         * billion", "six to eight-mln-dlr": the scale of both ends, unless
         * the low end is far above the high one unscaled ("from 500 to 2
         * million") */
        if (hi.scaled && !nb->scaled && (hi.last > hi.first || hi.glued_scale > 0)) {
            double s = hi.glued_scale > 0 ? hi.glued_scale : scale_within(d, &hi);
            if (s > 0 && (nb->value * s <= value_hi || nb->value * s <= RANGE_FALL * hi.value))
                nb->value *= s;
        }
        after = hi.last + 1;
        if (!unit)
            unit = hi_unit;
        if (!unit && !nb->glued_noun && hi.glued_noun) {
            nb->glued_noun = hi.glued_noun; /* "six to eight-bln-share" counts shares */
            nb->glued_noun_len = hi.glued_noun_len;
        }
    }
    if (!unit && !nb->word_form && after > nb->last + 1 && street_after(d, after))
        return after - 1; /* "16-18 Industrial Avenue" */
    if (!unit && !nb->word_form && after > nb->last + 1 && value_hi <= 31 && sl_facts_month(d, after))
        return after - 1; /* days of a month: "6 or 7 January", "from 4-6 March" */
    char per[64];
    size_t used = sl_rates_glued(d, nb->last, after > nb->last + 1 ? after - 1 : 0, unit, per, sizeof per)
                      ? 0 : sl_rates_after(d, after, unit, per, sizeof per);
    if (!per[0])
        sl_rates_after_conversion(d, after, unit, per, sizeof per);
    if (per[0]) {
        unit = per;
        after += used;
    }
    if (!unit && bare_age(d, nb, value_hi != nb->value))
        unit = "year of age";
    if (!unit && sl_numbers_bare_line(d, nb->first))
        return after - 1; /* a bare number on a line of its own: page chrome */
    sl_buf_clear(about);
    for (size_t k = 0; nb->glued_noun && k < nb->glued_noun_len; k++) {
        char c = nb->glued_noun[k];
        sl_buf_putc(about, c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    /* "people", NewsQuant's unit of a count of persons, is a plural noun:
     * the word after it is a verb ("2,300 people live on the islands"), not
     * a phrase it measures; only "of" goes on ("500 people of the town") */
    bool people = unit && !strcmp(unit, "people") && sl_facts_is(d, after - 1, "people") &&
                  !sl_facts_is(d, after, "of");
    if (noun && !unit)
        sl_facts_put_lower(d, noun, about); /* "another pick or two" counts picks */
    size_t end_tok = nb->glued_noun || people || noun
                         ? after
                         : sl_numbers_counted_after(d, after, nb->last, unit != NULL,
                                                    nb->value == 1, about);
    *bare = !unit && !nb->ordinal && !about->len;
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
    if (!unit && about->len && !nb->glued_noun && !noun && end_tok > after &&
        (used = sl_rates_count(d, end_tok, per, sizeof per))) {
        unit = per; /* "300 dots per inch" */
        end_tok += used;
    } else if (unit && unit != per && sl_facts_is(d, after, "of") && end_tok > after + 1 &&
               rate_after_phrase(d, end_tok - 1) && (used = sl_rates_after(d, end_tok, unit, per, sizeof per))) {
        unit = per; /* "34,500 tonnes of copper a year": the rate after what it measures */
        end_tok += used;
    }
    if (end_tok <= held)
        end_tok = held + 1; /* "four-, five- and six-cylinder": the phrase to its word */
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
    size_t first_item = d->out->n;
    bool bare_item[SL_FACTS_MAX_ITEMS] = {0}, part_item[SL_FACTS_MAX_ITEMS] = {0},
         scaled_item[SL_FACTS_MAX_ITEMS] = {0};
    for (size_t i = 0; i < d->toks.n && !d->err; i++) {
        sl_number nb;
        if (!sl_numbers_read(d, i, &nb))
            continue;
        /* "one" as a pronoun ("one of them", "the one") is not a count */
        bool one_of_the = sl_facts_is(d, nb.last + 1, "of") &&
                          (sl_facts_is(d, nb.last + 2, "the") || sl_facts_is(d, nb.last + 2, "his") ||
                           sl_facts_is(d, nb.last + 2, "her") || sl_facts_is(d, nb.last + 2, "its"));
        const char *unit;
        if (nb.word_form && nb.value == 1 && !sl_numbers_unit_at(d, nb.last + 1, &unit) && !one_of_the &&
            !(nb.last + 1 < d->toks.n && sl_numbers_content_word(d, nb.last + 1))) {
            i = nb.last;
            continue;
        }
        size_t before = d->out->n;
        bool bare = false;
        size_t last = emit_number(d, &nb, &about, &bare);
        if (d->out->n > before)
            scaled_item[before] = nb.scaled; /* "40 billion": a part may leave it out */
        if (bare && d->out->n > before) {
            part_item[before] = true;          /* "six of their 10 seats" */
            bare_item[before] = !nb.word_form; /* a number word takes no unit said before it */
        }
        i = last > nb.last ? last : nb.last;
    }
    sl_buf_free(&about);
    sl_numbers_parts(d, first_item, part_item, scaled_item, bare_item);
    sl_numbers_said_once(d, first_item, bare_item);
}
