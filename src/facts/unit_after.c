/* unit_after.c — the unit written after a number, for quantities.c: a unit
 * word or phrase (units.c) with what qualifies it ("US fluid ounce", "517
 * rushing yards"), an age ("40 years old"), the unit a fraction is a share
 * of or an order of magnitude is of, and the cents or the scale said after
 * a currency word. */
#include <math.h>
#include <string.h>

#include "facts/facts.h"
#include "facts/numbers.h"
#include "facts/units.h"

size_t sl_numbers_unit_at(const sl_facts_doc *d, size_t i, const char **unit)
{
    *unit = NULL;
    return i < d->toks.n ? sl_units_at(d, i, unit) : 0;
}

/* "40 years old", "6 weeks of age", "90 day old": an age in that unit. */
static const char *age_unit(const sl_facts_doc *d, const char *unit, size_t *after)
{
    static const char *const ages[][2] = {{"year", "year of age"}, {"month", "month of age"},
                                          {"week", "week of age"}, {"day", "day of age"}};
    for (size_t k = 0; unit && k < sizeof ages / sizeof *ages; k++) {
        if (strcmp(unit, ages[k][0]))
            continue;
        if (sl_facts_is(d, *after, "old") || sl_facts_is(d, *after, "olds")) { /* "11 year olds" */
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
 * amount is scaled ("millions of pounds" too): what tells "25 pounds" of
 * money from a weight; with `company`, a company's profit, dividend,
 * shares or earnings too, what tells "424 crowns" from titles won (50
 * Reuters-21578 rows, all Scandinavian companies' figures). Not for
 * pounds: "shares" and "closed" are as often verbs of any story ("Johnson
 * shares how he lost 60 pounds", "after the gym closed, he gained 20
 * pounds"). */
static bool money_near(const sl_facts_doc *d, size_t i, bool company)
{
    static const char *const money[] = {"paid", "pay", "pays", "cost", "costs", "worth", "fine",
        "fined", "price", "priced", "spent", "spend", "raised", "salary", "wage", "bid", "sold",
        "bought", "earn", "earned", "earns", "owed", "owes", "fee", "loan", "budget", "bill",
        "million", "billion", "thousand", "bn", "m", "millions", "billions", "thousands", NULL};
    static const char *const firm[] = {"profit", "profits", "dividend", "dividends", "share",
        "shares", "closed", "revenue", "revenues", "income", "earnings", "turnover", NULL};
    for (size_t k = i; k > 0 && k + 6 > i && sl_numbers_same_sentence(d, i, k - 1); k--)
        if (sl_facts_in(d, k - 1, money) >= 0 || (company && sl_facts_in(d, k - 1, firm) >= 0))
            return true;
    return sl_facts_in(d, i, money) >= 0 || (company && sl_facts_in(d, i, firm) >= 0);
}

/* Words between a number and its unit that say how the measure was
 * reached or how it runs, not what it counts ("517 rushing yards", "three
 * straight days", "10 extra minutes", "50 previous years"). */
static const char *const unit_modifiers[] = {"rushing", "passing", "receiving", "straight",
    "consecutive", "successive", "extra", "additional", "further", "more", "full", "whole",
    "long", "solid", "previous", NULL};

/* The unit at token k after words that say which system it is of ("US
 * fluid ounce", "imperial gallon") or after one of unit_modifiers; the
 * tokens taken, 0 when none. */
static size_t qualified_unit_at(const sl_facts_doc *d, size_t k, const char **unit)
{
    static const char *const systems[] = {"us", "u.s.", "imperial", "fluid", NULL};
    size_t q = k;
    while (q < k + 2 && sl_numbers_same_sentence(d, k, q) && sl_facts_in(d, q, systems) >= 0)
        q++;
    size_t used = sl_numbers_same_sentence(d, k, q) ? sl_numbers_unit_at(d, q, unit) : 0;
    if (!used && q == k && sl_facts_in(d, k, unit_modifiers) >= 0 && !sl_facts_upper(d, k) &&
        sl_numbers_same_sentence(d, k, k + 1) && (used = sl_numbers_unit_at(d, k + 1, unit)) > 0)
        q++;
    return used ? q - k + used : 0;
}

/* "a third of a mile", "1/16 of a US pint": the unit a fraction is a share
 * of, from token *after (moved past it); NULL when none. */
static const char *share_of_unit(const sl_facts_doc *d, const sl_number *nb, size_t *after)
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

/* Whether "in" at token k is the inches of a height said in feet and
 * inches ("6 ft 2 in", "5 feet 11 in"): the number at token anchor follows
 * a number and its feet. Elsewhere "in" is the preposition. */
static bool inches_after_feet(const sl_facts_doc *d, size_t anchor, size_t k)
{
    return sl_facts_is(d, k, "in") && anchor >= 2 &&
           (sl_facts_is(d, anchor - 1, "ft") || sl_facts_is(d, anchor - 1, "feet") ||
            sl_facts_is(d, anchor - 1, "foot")) &&
           (d->toks.items[anchor - 2].flags & SL_TOK_NUMBER) &&
           sl_numbers_same_sentence(d, anchor - 2, k);
}

const char *sl_numbers_unit_after(const sl_facts_doc *d, size_t anchor, size_t *after)
{
    const char *unit;
    size_t used;
    if (!sl_numbers_same_sentence(d, anchor, *after))
        return NULL;
    if ((used = qualified_unit_at(d, *after, &unit))) {
        size_t head = *after + (sl_facts_in(d, *after, unit_modifiers) >= 0); /* "more pounds" */
        if (!strcmp(unit, "pound sterling") && sl_facts_is(d, head, "pounds") &&
            !sl_facts_is(d, head + 1, "sterling") && !money_near(d, anchor, false))
            unit = "pound-mass"; /* "dropped 25 pounds", but "paid 25 pounds", "25 pounds sterling" */
        if (!strcmp(unit, "krone") && !sl_facts_is(d, head, "kroner") && !money_near(d, anchor, true))
            return NULL; /* "won three crowns", but "paid 424 crowns", "100 mln crowns" */
        *after += used;
        return age_unit(d, unit, after);
    }
    if ((unit = sl_units_by_kind(d, *after))) {
        (*after)++; /* "a force of 40 N", "1.3 A/cm2" */
        return unit;
    }
    size_t old = *after + 3;
    const char *age;
    if (sl_facts_is(d, *after, "-") && sl_facts_is(d, *after + 2, "-") &&
        sl_numbers_same_sentence(d, anchor, old) && sl_numbers_unit_at(d, *after + 1, &unit) &&
        (age = age_unit(d, unit, &old)) != unit) {
        *after = old; /* "28 - year - old", as some tokenised text writes it */
        return age;
    }
    if (inches_after_feet(d, anchor, *after)) {
        (*after)++;
        return "inch";
    }
    size_t n;
    const char *w = sl_facts_tok(d, *after, &n);
    if (memchr(w, '-', n) && (unit = sl_units_word(w, n))) {
        (*after)++; /* "12 year-old", "43.4 percent-owned", "5 mile-long" */
        return unit;
    }
    return NULL;
}

/* "millions of dollars", "thousands of tonnes", "hundreds of miles": the
 * unit an order of magnitude is of, from token *after (moved past it);
 * NULL when none. Persons stay what it counts ("dozens of people"). */
static const char *magnitude_of_unit(const sl_facts_doc *d, const sl_number *nb, size_t *after)
{
    size_t a = *after + 1;
    const char *unit;
    if (nb->value_hi <= nb->value || !sl_facts_is(d, *after, "of") ||
        !(unit = sl_numbers_unit_after(d, nb->last, &a)) || !strcmp(unit, "people"))
        return NULL;
    *after = a;
    return unit;
}

/* "12 dollars 40", "3 euros and 20 cents", "thirteen dollars forty-five":
 * the cents said after an amount whose currency word (`unit`, of a hundred
 * cents) ends at token after - 1; adds them to *value and returns the
 * tokens they take, 0 when none. */
static size_t cents_after(const sl_facts_doc *d, size_t after, const char *unit, double *value)
{
    static const char *const cents[] = {"cent", "cents", "pence", "p", NULL};
    sl_number c;
    size_t k = after + sl_facts_is(d, after, "and");
    if (!unit || !(strstr(unit, "dollar") || !strcmp(unit, "euro") || !strcmp(unit, "pound sterling")) ||
        !(d->toks.items[after - 1].flags & SL_TOK_WORD) || !sl_numbers_same_sentence(d, after, k) ||
        !sl_numbers_read(d, k, &c) || c.ordinal || c.scaled || c.glued_unit || c.glued_noun ||
        c.value_hi > 0 || c.value < 1 || c.value > 99 || c.value != floor(c.value))
        return 0;
    size_t end = c.last + 1;
    const char *next;
    if (sl_facts_in(d, end, cents) >= 0 && sl_numbers_same_sentence(d, after, end))
        end++;
    else if (sl_numbers_content_word(d, end) || sl_numbers_unit_at(d, end, &next))
        return 0; /* "15 dollars and 50 tickets" */
    *value += c.value / 100;
    return end - after;
}

/* "75 USD million", "80 EUR mn": a scale of a million or more said after the
 * currency that follows the amount; the tokens it takes (0 or 1). */
static size_t scale_after_currency(const sl_facts_doc *d, size_t after, const char *unit,
                                   sl_number *nb)
{
    double s;
    if (nb->scaled || !sl_units_is_currency(unit) || !sl_numbers_same_sentence(d, after - 1, after) ||
        (s = sl_units_scale_word(d, after)) < 1e6)
        return 0;
    nb->value *= s;
    nb->scaled = true;
    return 1;
}
/* "120 MEUR", "30 MUSD": a currency code with a scale glued before it,
 * at token *after (moved past it); applies the scale to nb. NULL when
 * none. */
static const char *scaled_code(const sl_facts_doc *d, sl_number *nb, size_t *after)
{
    size_t n;
    double scale;
    const char *unit, *w;
    if (nb->scaled || !sl_numbers_same_sentence(d, nb->last, *after))
        return NULL;
    w = sl_facts_tok(d, *after, &n);
    if (!(unit = sl_units_scaled_code(w, n, &scale)))
        return NULL;
    nb->value *= scale;
    nb->scaled = true;
    (*after)++;
    return unit;
}

const char *sl_numbers_measure_after(const sl_facts_doc *d, sl_number *nb, size_t *after)
{
    const char *unit;
    if ((unit = share_of_unit(d, nb, after)) || (unit = magnitude_of_unit(d, nb, after)) ||
        (unit = scaled_code(d, nb, after)))
        return unit;
    if ((unit = sl_numbers_unit_after(d, nb->last, after)))
        *after += cents_after(d, *after, unit, &nb->value) + scale_after_currency(d, *after, unit, nb);
    return unit;
}
