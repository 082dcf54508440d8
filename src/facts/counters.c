/* counters.c — a web page's counters among the numbers quantities.c
 * judges: "12 comments", "41 shares", a line of bare numbers ("12 4 87"),
 * told from the counts wire copy writes with the same words ("sold 200,000
 * shares") and from a wire table's rows ("Net 807,000 vs 2,858,000"). */
#include "facts/facts.h"
#include "facts/numbers.h"

/* Words after a number that make it page chrome: counters of a web page. */
static const char *const chrome_words[] = {"comments", "comment", "shares", "share", "likes",
    "views", "retweets", "followers", "replies", "reads", "reactions", "photos", "images",
    "slides", NULL};

/* Whether the number of tokens [first, last], its chrome word after it,
 * stands beside another of a page's counters: "3 comments 41 shares", "17
 * shares 9 comments", "2 hours ago 56 shares". */
static bool beside_counter(const sl_facts_doc *d, size_t first, size_t last)
{
    if (first > 0 && sl_numbers_same_sentence(d, first - 1, first) &&
        (sl_facts_in(d, first - 1, chrome_words) >= 0 || sl_facts_is(d, first - 1, "ago")))
        return true;
    return sl_numbers_same_sentence(d, last + 1, last + 3) &&
           (d->toks.items[last + 2].flags & SL_TOK_NUMBER) && sl_facts_in(d, last + 3, chrome_words) >= 0;
}

/* Whether the number of tokens [first, last] before "shares" is a count of
 * stock said in prose, not a page's share counter: wire copy's "sold
 * 200,000 shares", "to 260,500 shares", "2,129,300 shares of common
 * stock" (a lower-case word before it in its sentence, or "of" after),
 * with no other counter beside it ("by admin 3 comments 41 shares") and
 * its sentence going on after "shares": a sentence of prose ends with a
 * stop, a page's line ends at its counter ("by admin 56 shares"). */
static bool shares_in_prose(const sl_facts_doc *d, size_t first, size_t last)
{
    if (!sl_facts_is(d, last + 1, "shares") && !sl_facts_is(d, last + 1, "share"))
        return false;
    if (beside_counter(d, first, last) || !sl_numbers_same_sentence(d, last + 1, last + 2))
        return false;
    if (sl_facts_is(d, last + 2, "of") && sl_numbers_same_sentence(d, last, last + 2))
        return true;
    return first > 0 && sl_numbers_same_sentence(d, first - 1, first) &&
           (d->toks.items[first - 1].flags & SL_TOK_WORD) && !sl_facts_upper(d, first - 1);
}

bool sl_numbers_counter(const sl_facts_doc *d, size_t first, size_t last)
{
    return sl_facts_in(d, last + 1, chrome_words) >= 0 && !shares_in_prose(d, first, last);
}

/* Whether token k is a figure as accounts write it: four digits or more,
 * grouped or with decimals ("807,000", "1500", "10.1"); a score or a
 * page's counter is a small whole number ("2 vs 1", "Likes 12 vs 3"). */
static bool account_figure(const sl_facts_doc *d, size_t k)
{
    size_t n, digits = 0;
    const char *s = sl_facts_tok(d, k, &n);
    if (!(d->toks.items[k].flags & SL_TOK_NUMBER))
        return false;
    for (size_t j = 0; j < n; j++) {
        if (s[j] == ',' || s[j] == '.')
            return true;
        digits += s[j] >= '0' && s[j] <= '9';
    }
    return digits >= 4;
}

/* The tokens [*a, *b) of the sentence of token i when it holds no more
 * than 32 tokens either side of i; false for a longer one (no counter
 * line, and a run of numbers stays linear). */
static bool short_sentence(const sl_facts_doc *d, size_t i, size_t *a, size_t *b)
{
    size_t s = d->sent_of[i];
    *a = *b = i;
    while (*a > 0 && d->sent_of[*a - 1] == s && i - *a < 32)
        (*a)--;
    while (*b < d->toks.n && d->sent_of[*b] == s && *b - i < 32)
        (*b)++;
    return !(*a > 0 && d->sent_of[*a - 1] == s) && !(*b < d->toks.n && d->sent_of[*b] == s);
}

/* Whether the short sentence [a, b) joins values by "vs", its label no
 * page counter's word ("Likes 12 vs 3"); *figure: a figure among them as
 * accounts write it. */
static bool vs_row(const sl_facts_doc *d, size_t a, size_t b, bool *figure)
{
    bool vs = false;
    *figure = false;
    for (size_t k = a; k < b; k++) {
        vs = vs || sl_facts_is(d, k, "vs") || sl_facts_is(d, k, "versus");
        *figure = *figure || account_figure(d, k);
    }
    return vs && sl_facts_in(d, a, chrome_words) < 0;
}

/* Whether the short sentence [a, b) is a wire table's row: a "vs" row with
 * a figure as accounts write it ("Net 807,000 vs 2,858,000"), or beside
 * one, as "Shr 526 vs 515" stands between "Net 1.79 billion vs 1.75
 * billion" and "Turnover 38.05 billion vs ..."; a score ("2 vs 1") or a
 * counter ("Likes 12 vs 3") alone is none. */
static bool table_row(const sl_facts_doc *d, size_t a, size_t b)
{
    size_t pa, pb;
    bool figure;
    if (!vs_row(d, a, b, &figure))
        return false;
    return figure || (a > 0 && short_sentence(d, a - 1, &pa, &pb) && vs_row(d, pa, pb, &figure) && figure) ||
           (b < d->toks.n && short_sentence(d, b, &pa, &pb) && vs_row(d, pa, pb, &figure) && figure);
}

bool sl_numbers_bare_line(const sl_facts_doc *d, size_t i)
{
    size_t a, b, words = 0;
    if (!short_sentence(d, i, &a, &b))
        return false;
    for (size_t k = a; k < b && words < 3; k++)
        words += (d->toks.items[k].flags & SL_TOK_WORD) != 0;
    return words < 3 && !table_row(d, a, b);
}
