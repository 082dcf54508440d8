/* kinds.c — the kinds of copy (sl_copy_kind): which kind a comparison
 * shows (align.c measures, this decides: near, contains, excerpt, rewrite,
 * or none), the least each kind asks of a pair before it is aligned, and
 * the kinds' names as the store keeps them and the JSON and the commands
 * write them (one word each, read back to the kind). */
#include <string.h>

#include "copies/copies.h"

/* Any copy keeps most names and places and most figures of what it copies
 * (when both texts have some): this is what tells a copy from a filled-in
 * template (Reuters earnings and dividend notices share their wording in
 * order, not their figures) and from another outlet's report of the event
 * (BASIL: the pairs whose wording overlaps most differ in their figures). */
#define COPY_NAMES 0.6
#define COPY_NUMBERS 0.7
/* Texts of fewer content words than this are copies only when exact
 * ("Record March 30" is in many dividend notices). */
#define COPY_WORDS 8
/* A text holds another when it has this share of the other's words in
 * order (or when pairs of the same sentence cover most of it: align.c's
 * HOLDS)... */
#define VERBATIM_ORDER 0.85
/* ...and two texts are near copies when they hold each other, or are
 * verbatim and of about one length (the longer at most 1.25 times). */
#define SAME_LENGTH 1.25
/* A text that keeps this share of the other's unquoted content words in the
 * same order (order.c), at least REWRITE_WORDS of them, and 0.8 of its names
 * and figures, is a rewrite whatever the model says: the rule before it,
 * which no BASIL pair passes (0 of 210) and which catches the excerpts of
 * a long source the model, fitted on rewrites of about one length, does not
 * (Clough-Stevenson cut-and-paste answers). */
#define REWRITE_ORDER 0.40
#define REWRITE_WORDS 20
#define REWRITE_ANCHORS 0.8
/* The learned decision judges texts of at least this many content words
 * (the shorter of the two). Fitted with short same-event reports as
 * negatives (fit_copies.py), it still takes reports of a few sentences
 * that tell the same facts in the same order for rewrites (the stories
 * fixture's, of 26 to 31 content words; docs/copies.md). */
#define MODEL_WORDS 32
/* Figures agreeing enough for the model's rewrite: COPY_NUMBERS of them
 * with one more counted kept, so that of a few figures one may be missing
 * or written another way (2 of 3 agree, 1 of 2 does not); of many the
 * share is about COPY_NUMBERS. */
static bool figures_agree(const sl_comparison *out)
{
    double n = (double)out->numbers_fewer;
    double kept = (double)(size_t)(out->number_overlap * n + 0.5);
    return (kept + 1) / (n + 1) >= COPY_NUMBERS;
}

bool sl_copy_figures_may_agree(const sl_comparison *out)
{
    return out->number_overlap >= COPY_NUMBERS || figures_agree(out);
}

/* The least classify asks of any kind: COPY_NAMES of the names; COPY_NUMBERS
 * of the figures, or figures_agree for the model's rewrite. */
bool sl_copy_anchors_may_agree(const sl_comparison *out)
{
    return out->specific_overlap >= COPY_NAMES && sl_copy_figures_may_agree(out);
}

/* The names and figures a near copy, a container or an excerpt keeps. */
static bool anchors_kept(const sl_comparison *out)
{
    return out->specific_overlap >= COPY_NAMES && out->number_overlap >= COPY_NUMBERS;
}

/* Distinct content terms of the text with fewer of them. */
static size_t fewer_terms(const sl_comparison *out)
{
    return out->terms_a < out->terms_b ? out->terms_a : out->terms_b;
}

/* A rewrite whatever the model says (REWRITE_ORDER above). */
static bool wording_kept(const sl_comparison *out)
{
    return out->order_overlap >= REWRITE_ORDER &&
           out->order_overlap * (double)fewer_terms(out) >= REWRITE_WORDS &&
           out->specific_overlap >= REWRITE_ANCHORS && out->number_overlap >= REWRITE_ANCHORS;
}

/* Whether the model's rewrite may be taken: texts long enough for it, names
 * and figures agreeing (then its probability decides). */
static bool model_may_judge(const sl_comparison *out)
{
    return fewer_terms(out) >= MODEL_WORDS && out->specific_overlap >= COPY_NAMES && figures_agree(out);
}

/* Near, contains and excerpt need the anchors kept, a rewrite its wording
 * kept or the model's judgement: all read before the alignment. */
bool sl_copy_kind_possible(const sl_comparison *out)
{
    return anchors_kept(out) || wording_kept(out) || model_may_judge(out);
}

/* See the constants above. */
void sl_copy_classify(size_t a_terms, size_t b_terms, sl_comparison *out)
{
    /* Enough words to say anything */
    if ((a_terms < b_terms ? a_terms : b_terms) < COPY_WORDS)
        return;
    /* The shorter text's words nearly all in order in the other: the same
     * text, whatever the sentence splits (datelines, line breaks) did. A
     * copy of these kinds keeps the names and figures of what it copies. */
    bool a_shorter = a_terms <= b_terms;
    size_t shorter = a_shorter ? a_terms : b_terms, longer = a_shorter ? b_terms : a_terms;
    bool anchors = anchors_kept(out);
    /* in order over enough of the words it reads: a claim of four words
     * besides its quote is "in order" in any report naming its speaker */
    bool verbatim = out->order_overlap >= VERBATIM_ORDER && out->unquoted_fewer >= COPY_WORDS;
    bool same_length = (double)longer <= SAME_LENGTH * (double)shorter;
    bool a_holds_b = out->a_holds_b || (verbatim && !a_shorter);
    bool b_holds_a = out->b_holds_a || (verbatim && a_shorter);
    if (anchors && ((out->a_holds_b && out->b_holds_a) || (verbatim && same_length))) {
        out->kind = SL_COPY_NEAR;
        return;
    }
    if (anchors && (a_holds_b || b_holds_a)) {
        out->kind = a_holds_b ? SL_COPY_CONTAINS : SL_COPY_EXCERPT;
        return;
    }
    /* A rewrite: the learned decision (decide.c), names and figures
     * agreeing (Reuters wire items on one subject share their wording, not
     * their figures: without this, 335 of 822 rewrite relations there kept
     * fewer than half the figures), with aligned sentences as evidence. */
    if (!out->pairs.n || !sl_copy_worth_aligning(out))
        return;
    out->rewrite_probability = sl_copy_rewrite_probability(out);
    if (wording_kept(out) || (model_may_judge(out) && out->rewrite_probability >= sl_copy_rewrite_threshold))
        out->kind = SL_COPY_REWRITE;
}

/* The fewest of `fewer` names held whose share (align.c's share_kept, the one
 * specific_overlap holds) reaches COPY_NAMES: the share's own test asked
 * about the rounded-up count and its neighbours, so the answer is the
 * test's. */
size_t sl_copy_names_needed(size_t fewer)
{
    size_t k = (size_t)(COPY_NAMES * (double)fewer);
    while (k > 0 && (double)(k - 1) / (double)fewer >= COPY_NAMES)
        k--;
    while ((double)k / (double)fewer < COPY_NAMES)
        k++;
    return k;
}

static const char *const kind_names[] = {"none", "exact", "near", "contains", "excerpt", "rewrite"};

const char *sl_copy_kind_name(sl_copy_kind kind)
{
    return (unsigned)kind < sizeof kind_names / sizeof *kind_names ? kind_names[kind] : "none";
}

sl_copy_kind sl_copy_kind_of_name(const char *name)
{
    for (size_t k = 0; name && k < sizeof kind_names / sizeof *kind_names; k++)
        if (!strcmp(name, kind_names[k]))
            return (sl_copy_kind)k;
    return SL_COPY_NONE;
}
