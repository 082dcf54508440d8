/* parts.c — a number that names a part of a whole said right after it
 * ("37 of the 40 passengers"): it takes the whole's unit and what it counts.
 * quantities.c calls it once the numbers of an article are items, before a
 * bare number looks back for a unit its sentence said earlier. */
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "facts/numbers.h"

/* Whether a number item's phrase is what it counts, written after it in
 * its own text ("752,297 Class B shares"), rather than the phrase before it
 * that it is a value of ("Fourteen of the 40": "fourteen"): its first word
 * is in the item's text. */
static bool counts_in_text(const sl_fact_item *it)
{
    char word[64];
    size_t n = strcspn(it->about, " ");
    if (n == 0 || n >= sizeof word)
        return false;
    memcpy(word, it->about, n);
    word[n] = '\0';
    return strcasestr(it->text, word) != NULL;
}

/* Whether part i, written without a scale word, leaves out the scale of
 * its whole i + 1: "12 of the 40 billion crowns" is 12 billion, no 12
 * crowns; "500,000 of its 2.5 mln shares" is written in full. */
static bool leaves_out_scale(const sl_fact_item *items, const bool *scaled_item, size_t i)
{
    return scaled_item[i + 1] && !scaled_item[i] && items[i].value * 1000 < items[i + 1].value;
}

/* A bare number naming a part of a whole said right after it takes the
 * whole's unit and what it counts: "N of the|its|their M ..." ("has raised
 * 280 million of the 1.5 billion shekels he needs", "found 37 of the 40
 * passengers", "sold 500,000 of its 2.5 mln shares"). Every English text
 * writes a part so; the part was bare, or counted the phrase before it
 * ("rescuers found"). A part is a count no larger than the whole. Figures:
 * docs/facts.md, "Parts of a whole". */
void sl_numbers_parts(sl_facts_doc *d, size_t first_item, const bool *part_item,
                      const bool *scaled_item, bool *bare_item)
{
    static const char *const determiners[] = {"the", "its", "their", "his", "her", "our", "these",
                                              "those", NULL};
    sl_fact_item *items = d->out->items;
    for (size_t i = first_item; i + 1 < d->out->n && !d->err; i++) {
        if (!part_item[i])
            continue;
        const sl_fact_item *whole = &items[i + 1];
        size_t k = sl_facts_token_at(d, items[i].span.end);
        if (!sl_facts_is(d, k, "of") || sl_facts_in(d, k + 1, determiners) < 0 ||
            sl_facts_token_at(d, whole->span.start) != k + 2 || whole->role)
            continue;
        bool counted = whole->about && counts_in_text(whole);
        if ((whole->detail && !strcmp(whole->detail, "year of age")) || (!whole->detail && !counted) ||
            items[i].value < 1 || items[i].value > whole->value ||
            leaves_out_scale(items, scaled_item, i))
            continue; /* a fraction of a whole is a share of it ("two-thirds of its 450 mln dlrs") */
        if (whole->detail)
            items[i].detail = sl_facts_strdup(d, whole->detail, strlen(whole->detail));
        if (counted) {
            free(items[i].about);
            items[i].about = sl_facts_strdup(d, whole->about, strlen(whole->about));
        }
        bare_item[i] = false;
    }
}
