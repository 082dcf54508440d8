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
 * and no other counter beside it ("by admin 3 comments 41 shares"). */
static bool shares_in_prose(const sl_facts_doc *d, size_t first, size_t last)
{
    if (!sl_facts_is(d, last + 1, "shares") && !sl_facts_is(d, last + 1, "share"))
        return false;
    if (beside_counter(d, first, last))
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

/* Whether the sentence of token i holds fewer than three words: a line of
 * bare numbers ("12 4 87") is page chrome (share counters), not a
 * statement. Only 32 tokens either side are read: a longer sentence is no
 * counter line, and a run of numbers stays linear. */
bool sl_numbers_bare_line(const sl_facts_doc *d, size_t i)
{
    size_t s = d->sent_of[i], words = 0, a = i, b = i;
    while (a > 0 && d->sent_of[a - 1] == s && i - a < 32)
        a--;
    while (b < d->toks.n && d->sent_of[b] == s && b - i < 32)
        b++;
    if ((a > 0 && d->sent_of[a - 1] == s) || (b < d->toks.n && d->sent_of[b] == s))
        return false;
    for (size_t k = a; k < b && words < 3; k++) {
        if (sl_facts_is(d, k, "vs") || sl_facts_is(d, k, "versus"))
            return false; /* a wire table's row: "Net 807,000 vs 2,858,000" */
        words += (d->toks.items[k].flags & SL_TOK_WORD) != 0;
    }
    return words < 3;
}
