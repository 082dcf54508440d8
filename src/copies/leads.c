/* leads.c — the leads of two compared texts (align.c): who and what each
 * item is about, read from its first sentence that is not a headline, and
 * how much of that the other text keeps; the copy decision (decide.c)
 * reads them to tell a re-issue from another item about the same party. */
#include "copies/comparer.h"

/* The lead: a text's first sentence that is not a headline in title case
 * (more than half its content terms names), among its first LEAD_SEARCH;
 * else its first. It says what the item is about. */
#define LEAD_SEARCH 3
static uint32_t lead_sentence(const sl_sentence_sets *sets)
{
    uint32_t n = sl_sentence_sets_n(sets);
    for (uint32_t k = 0; k < n && k < LEAD_SEARCH; k++) {
        sl_sentence_view v = sl_sentence_sets_view(sets, k);
        size_t names = sl_anchors_count(v.content, v.n_content).names;
        if (v.n_content >= 3 && 2 * names <= v.n_content)
            return k;
    }
    return 0;
}

/* Share of the anchors of `lead_of`'s lead that are names (else figures)
 * that the other text (its distinct terms `other`) has anywhere; 1 when
 * the lead has none. */
static double lead_anchors_kept(const sl_sentence_sets *lead_of, const uint32_t *other, size_t n_other,
                                bool names)
{
    if (!sl_sentence_sets_n(lead_of))
        return 1;
    sl_sentence_view v = sl_sentence_sets_view(lead_of, lead_sentence(lead_of));
    size_t anchors = 0, kept = 0;
    for (size_t k = 0; k < v.n_content; k++)
        if (names ? sl_term_is_name(v.content[k]) : sl_term_is_figure(v.content[k])) {
            anchors++;
            kept += sl_terms_hold(other, n_other, v.content[k]);
        }
    return anchors ? (double)kept / (double)anchors : 1;
}

/* The lower of the two leads' shares of names (else figures) kept. */
static double leads_anchors_kept(const sl_comparer *c, bool names)
{
    double ka = lead_anchors_kept(&c->sets_a, c->terms_b.items, c->terms_b.n, names);
    double kb = lead_anchors_kept(&c->sets_b, c->terms_a.items, c->terms_a.n, names);
    return ka < kb ? ka : kb;
}

/* How many of a lead's first content terms say who the item is about
 * (docs/eval.md "Thirtieth round: the lead read whole": chosen on the tuning samples,
 * where 2 took out 8 wrong relations and 6 right ones, 1 8 and 7, 3 3
 * and 5, before the whole-text exception of decide.c). */
#define LEAD_OPENING 2

/* The first LEAD_OPENING content terms of a lead, in text order, into out. */
static size_t lead_opening(const sl_sentence_view *v, uint32_t out[LEAD_OPENING])
{
    size_t n = 0;
    for (size_t k = 0; k < v->n_seq && n < LEAD_OPENING; k++)
        if (!(v->seq[k] & SL_TERM_STOP))
            out[n++] = SL_TERM_ID(v->seq[k]);
    return n;
}

/* Whether the two leads share a term among their first LEAD_OPENING
 * content terms. */
static bool leads_open_alike(const sl_sentence_view *a, const sl_sentence_view *b)
{
    uint32_t oa[LEAD_OPENING], ob[LEAD_OPENING];
    size_t na = lead_opening(a, oa), nb = lead_opening(b, ob);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (oa[i] == ob[j])
                return true;
    return false;
}

/* Whether the other text (its distinct terms) has the lead's first content
 * term, its subject told first: a template filled in for another company
 * ("Unocal said it raised ..." / "Murphy Oil said it increased ...") lacks
 * the other's subject anywhere; a reworded report keeps it somewhere. True
 * when the lead has no content term. */
static bool lead_subject_kept(const sl_sentence_view *lead, const uint32_t *other, size_t n_other)
{
    uint32_t opening[LEAD_OPENING];
    return !lead_opening(lead, opening) || sl_terms_hold(other, n_other, opening[0]);
}

/* Share of lead a's words (its content terms that are neither names nor
 * figures: what the lead says of its subject) that lead b has; 1 when
 * none. A re-issue keeps what its lead says, reworded at most; another
 * item of the day about the same party says something else of it. */
static double lead_words_kept(const sl_sentence_view *a, const sl_sentence_view *b)
{
    size_t words = 0, kept = 0;
    for (size_t k = 0; k < a->n_content; k++)
        if (!sl_term_is_name(a->content[k]) && !sl_term_is_figure(a->content[k])) {
            words++;
            kept += sl_terms_hold(b->content, b->n_content, a->content[k]);
        }
    return words ? (double)kept / (double)words : 1;
}

/* Who and what the two items are about: the lead names and figures each
 * keeps of the other's (the lower shares), how well the better lead is
 * matched in the other text (its best sentence similarity there), how
 * well the two leads match each other, how many of each other's words
 * they keep and whether each text has the other lead's subject. Read
 * after score_pairs. */
void sl_comparer_measure_leads(const sl_comparer *c, sl_comparison *out)
{
    out->lead_names_kept = leads_anchors_kept(c, true);
    out->lead_figures_kept = leads_anchors_kept(c, false);
    if (!c->match_a.n || !c->match_b.n)
        return;
    uint32_t la = lead_sentence(&c->sets_a), lb = lead_sentence(&c->sets_b);
    double ma = c->match_a.items[la], mb = c->match_b.items[lb];
    out->lead_match = ma > mb ? ma : mb;
    sl_sentence_view va = sl_sentence_sets_view(&c->sets_a, la);
    sl_sentence_view vb = sl_sentence_sets_view(&c->sets_b, lb);
    out->leads_match = sl_sentence_similarity(&va, &vb);
    out->leads_open_alike = leads_open_alike(&va, &vb);
    out->lead_subjects_kept = lead_subject_kept(&va, c->terms_b.items, c->terms_b.n) &&
                              lead_subject_kept(&vb, c->terms_a.items, c->terms_a.n);
    double wa = lead_words_kept(&va, &vb), wb = lead_words_kept(&vb, &va);
    out->lead_words_kept = wa < wb ? wa : wb;
}
