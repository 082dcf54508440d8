/* align.c — comparing two articles: their sentences aligned in order (a copy,
 * even a reworded one, keeps the order of what it copies; two independent
 * reports of one event select and reorder), the share of each text the
 * alignment covers, and from that the kind of copy (kinds.c). The
 * comparer and its terms tests are comparer.c's, the leads leads.c's. */
#include <stdlib.h>
#include <string.h>

#include "copies/comparer.h"

/* Sentence pairs below this similarity (sl_sentence_similarity, a
 * probability of paraphrase) are not aligned at all. Low on purpose: a
 * reworded sentence scores 0.2-0.5 and still belongs to the evidence. */
#define PAIR_MIN 0.2
/* A pair at or above this says the same thing in other words (a sentence
 * "aligned" in the aligned share below). */
#define ALIGNED 0.3
/* A pair at or above this is the same sentence, lightly edited at most. */
#define SAME_SENTENCE 0.8
/* A text "holds" another when pairs at SAME_SENTENCE cover this share of it
 * (or, kinds.c, when it has most of the other's words in order). */
#define HOLDS 0.8
/* A term found in more sentences than this of the other text is too common
 * there to propose pairs (it still counts in the similarity). */
#define COMMON_IN_TEXT 50

/* The term -> sentences index of text a. */
static int index_sentences(sl_comparer *c, const sl_sentence_sets *a)
{
    c->index.n = 0;
    if (sl_vec_reserve(&c->index, a->content.n))
        return SL_ENOMEM;
    uint32_t n = sl_sentence_sets_n(a);
    for (uint32_t s = 0; s < n; s++)
        for (uint32_t k = a->content_starts.items[s]; k < a->content_starts.items[s + 1]; k++)
            c->index.items[c->index.n++] = (uint64_t)SL_TERM_ID(a->content.items[k]) << 32 | s;
    sl_sort_u64_spread(c->index.items, c->index.n);   /* by term: a hash, spread */
    return 0;
}

/* First entry of `term` in the index at or after `from` (where it would
 * go when none, the end at most), every entry before `from` being of a
 * smaller term: a sentence's content terms ascend, so each is looked for
 * from where the one before ended, in steps that double until one passes
 * it, then by halves with a select, not a branch, as sl_terms_hold's. */
static size_t index_find(const sl_comparer *c, uint32_t term, size_t from)
{
    const uint64_t *items = c->index.items;
    size_t n = c->index.n, base = from, step = 1;
    while (base + step < n && items[base + step - 1] >> 32 < term) {
        base += step;
        step *= 2;
    }
    size_t len = (base + step < n ? base + step : n) - base;
    if (!len)
        return base;
    while (len > 1) {
        size_t half = len / 2;
        base = items[base + half] >> 32 < term ? base + half : base;
        len -= half;
    }
    return base + (items[base] >> 32 < term);
}

/* A sentence's weight: its number of terms, specific ones counted twice. */
static double sentence_weight(const sl_sentence_sets *s, uint32_t k)
{
    double w = 0;
    for (uint32_t t = s->content_starts.items[k]; t < s->content_starts.items[k + 1]; t++)
        w += (s->content.items[t] & SL_TERM_SPECIFIC) ? 2 : 1;
    return w;
}

static int weigh(const sl_sentence_sets *s, weight_vec *out, double *total)
{
    uint32_t n = sl_sentence_sets_n(s);
    out->n = 0;
    if (sl_vec_reserve(out, n))
        return SL_ENOMEM;
    *total = 0;
    for (uint32_t k = 0; k < n; k++) {
        out->items[out->n++] = sentence_weight(s, k);
        *total += out->items[k];
    }
    return 0;
}

/* Share of a text covered by its sentences' best matches (weighted). */
static double matched(const weight_vec *match, const weight_vec *weight, double total)
{
    double sum = 0;
    for (size_t k = 0; k < match->n; k++)
        sum += match->items[k] * weight->items[k];
    return total > 0 ? sum / total : 0;
}

/* Share of a text's sentences that have a match saying the same thing in
 * the other (at ALIGNED or more), in any order. */
static double paired_share(const weight_vec *match)
{
    size_t paired = 0;
    for (size_t k = 0; k < match->n; k++)
        paired += match->items[k] >= ALIGNED;
    return match->n ? (double)paired / (double)match->n : 0;
}

/* The correlation of each matched sentence's place with its best match's
 * place (sl_order_spread's measure over sentences). */
static double match_spread(const weight_vec *match, const uint32_t *best)
{
    sl_corr corr = {0};
    for (size_t k = 0; k < match->n; k++)
        if (match->items[k] > 0)
            sl_corr_add(&corr, (double)k, best[k]);
    return sl_corr_value(&corr);
}

/* Share of the distinct content terms of the text with fewer of them that
 * the other has (`*of_more`: of the text with more), the words kept whatever
 * their order. Terms ever quoted are left out, as in order.c: two reports
 * quoting one statement share its words because they quote one speaker. */
static double term_overlap(const sl_comparer *c, double *of_more, size_t *fewer_terms)
{
    size_t i = 0, j = 0, shared = 0, na = 0, nb = 0;
    const uint32_t *x = c->terms_a.items, *y = c->terms_b.items;
    while (i < c->terms_a.n || j < c->terms_b.n) {
        uint32_t u = i < c->terms_a.n ? SL_TERM_ID(x[i]) : UINT32_MAX;
        uint32_t w = j < c->terms_b.n ? SL_TERM_ID(y[j]) : UINT32_MAX;
        bool in_a = i < c->terms_a.n && u <= w, in_b = j < c->terms_b.n && w <= u;
        uint32_t flags = (in_a ? x[i] : 0) | (in_b ? y[j] : 0);
        if (!(flags & SL_TERM_QUOTED)) {
            na += in_a;
            nb += in_b;
            shared += in_a && in_b;
        }
        i += in_a;
        j += in_b;
    }
    size_t fewer = na < nb ? na : nb, more = na < nb ? nb : na;
    *fewer_terms = fewer;
    *of_more = more ? (double)shared / (double)more : 0;
    return fewer ? (double)shared / (double)fewer : 0;
}

/* Every sentence pair of a and b similar enough to align: for each sentence
 * of b, the sentences of a sharing terms with it (through a's index). */
static int score_pairs(sl_comparer *c)
{
    const sl_sentence_sets *a = &c->sets_a, *b = &c->sets_b;
    uint32_t nb = sl_sentence_sets_n(b), na = sl_sentence_sets_n(a);
    c->pairs.n = 0;
    c->best_similarity = 0;
    c->match_a.n = c->match_b.n = c->best_a.n = c->best_b.n = 0;
    if (sl_vec_reserve(&c->match_a, na) || sl_vec_reserve(&c->match_b, nb) ||
        sl_vec_reserve(&c->best_a, na) || sl_vec_reserve(&c->best_b, nb))
        return SL_ENOMEM;
    for (uint32_t k = 0; k < na; k++)
        c->match_a.items[c->match_a.n++] = 0;
    for (uint32_t k = 0; k < nb; k++)
        c->match_b.items[c->match_b.n++] = 0;
    c->best_a.n = na;
    c->best_b.n = nb;
    for (uint32_t j = 0; j < nb; j++) {
        sl_sentence_view vb = sl_sentence_sets_view(b, j);
        sl_sentence_masks_forget(c->masks_b);
        c->touched.n = 0;
        size_t from = 0;   /* the terms ascend: each one's entries are past the last's */
        for (size_t k = 0; k < vb.n_content; k++) {
            uint32_t term = SL_TERM_ID(vb.content[k]);
            size_t first = index_find(c, term, from), last = first;
            while (last < c->index.n && c->index.items[last] >> 32 == term)
                last++;
            from = last;
            if (last - first > COMMON_IN_TEXT)
                continue;
            for (size_t e = first; e < last; e++) {
                uint32_t s = (uint32_t)c->index.items[e];
                if (!c->shared.items[s]++ && sl_vec_push(&c->touched, s))
                    return SL_ENOMEM;
            }
        }
        for (size_t k = 0; k < c->touched.n; k++) {
            uint32_t i = c->touched.items[k];
            uint32_t shared = c->shared.items[i];
            c->shared.items[i] = 0;
            sl_sentence_view va = sl_sentence_sets_view(a, i);
            if (shared < 2 && va.n_content > 2 && vb.n_content > 2)
                continue;
            /* a pair that beats neither sentence's best match and is
             * below PAIR_MIN changes nothing: its bound may do */
            double floor = c->match_a.items[i] < c->match_b.items[j] ? c->match_a.items[i]
                                                                      : c->match_b.items[j];
            double sim = sl_sentence_similarity_over(&va, &vb, floor < PAIR_MIN ? floor : PAIR_MIN,
                                                     c->masks_b);
            if (sim > c->best_similarity) {
                c->best_similarity = sim;
                c->best_pair_a = i;
                c->best_pair_b = j;
            }
            if (sim > c->match_a.items[i]) {
                c->match_a.items[i] = sim;
                c->best_a.items[i] = j;
            }
            if (sim > c->match_b.items[j]) {
                c->match_b.items[j] = sim;
                c->best_b.items[j] = i;
            }
            if (sim < PAIR_MIN)
                continue;
            scored_pair p = {i, j, (float)sim,
                             (float)(sim * (c->weight_a.items[i] + c->weight_b.items[j]) / 2), 0,
                             -1};
            if (sl_vec_push(&c->pairs, p))
                return SL_ENOMEM;
        }
    }
    return 0;
}

static int compare_pairs(const void *x, const void *y)
{
    const scored_pair *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Best chain among pairs ending at b sentence < j (Fenwick prefix max). */
static int32_t best_before(const sl_comparer *c, uint32_t j)
{
    int32_t best = -1;
    for (uint32_t x = j; x > 0; x -= x & -x) {
        int32_t p = c->fenwick.items[x - 1];
        if (p >= 0 && (best < 0 || c->pairs.items[p].best > c->pairs.items[best].best))
            best = p;
    }
    return best;
}

static void record_best(sl_comparer *c, uint32_t j, int32_t p, uint32_t nb)
{
    for (uint32_t x = j + 1; x <= nb; x += x & -x) {
        int32_t q = c->fenwick.items[x - 1];
        if (q < 0 || c->pairs.items[p].best > c->pairs.items[q].best)
            c->fenwick.items[x - 1] = p;
    }
}

/* The heaviest chain of pairs increasing in both a and b: a weighted longest
 * increasing subsequence, O(P log nb). Returns its last pair, -1 when none. */
static int32_t chain(sl_comparer *c, uint32_t nb)
{
    if (c->pairs.n > 1)
        qsort(c->pairs.items, c->pairs.n, sizeof *c->pairs.items, compare_pairs);
    c->fenwick.n = 0;
    if (sl_vec_reserve(&c->fenwick, nb))
        return -2;
    for (uint32_t k = 0; k < nb; k++)
        c->fenwick.items[c->fenwick.n++] = -1;
    int32_t end = -1;
    for (size_t p = 0; p < c->pairs.n;) {
        size_t q = p;   /* pairs of one a sentence: all read before any is recorded */
        for (; q < c->pairs.n && c->pairs.items[q].a == c->pairs.items[p].a; q++) {
            scored_pair *sp = &c->pairs.items[q];
            sp->previous = best_before(c, sp->b);
            sp->best = sp->weight + (sp->previous >= 0 ? c->pairs.items[sp->previous].best : 0);
        }
        for (size_t r = p; r < q; r++) {
            record_best(c, c->pairs.items[r].b, (int32_t)r, nb);
            if (end < 0 || c->pairs.items[r].best > c->pairs.items[end].best)
                end = (int32_t)r;
        }
        p = q;
    }
    return end;
}

/* Fills out->pairs from the chain ending at `end`, and the covers. */
static int take_chain(sl_comparer *c, int32_t end, double total_a, double total_b,
                      sl_comparison *out)
{
    double cover_a = 0, cover_b = 0, same_a = 0, same_b = 0, aligned_a = 0, aligned_b = 0;
    size_t n = 0;
    for (int32_t p = end; p >= 0; p = c->pairs.items[p].previous)
        n++;
    if (sl_vec_reserve(&out->pairs, n))
        return SL_ENOMEM;
    out->pairs.n = n;
    for (int32_t p = end; p >= 0; p = c->pairs.items[p].previous) {
        const scored_pair *sp = &c->pairs.items[p];
        out->pairs.items[--n] = (sl_aligned_pair){sp->a, sp->b, sp->similarity};
        double wa = c->weight_a.items[sp->a], wb = c->weight_b.items[sp->b];
        cover_a += sp->similarity * wa;
        cover_b += sp->similarity * wb;
        if (sp->similarity >= SAME_SENTENCE) {
            same_a += wa;
            same_b += wb;
        }
        if (sp->similarity >= ALIGNED) {
            aligned_a += wa;
            aligned_b += wb;
        }
    }
    out->aligned_a = total_a > 0 ? aligned_a / total_a : 0;
    out->aligned_b = total_b > 0 ? aligned_b / total_b : 0;
    out->cover_a = total_a > 0 ? cover_a / total_a : 0;
    out->cover_b = total_b > 0 ? cover_b / total_b : 0;
    out->a_holds_b = total_b > 0 && same_b / total_b >= HOLDS;
    out->b_holds_a = total_a > 0 && same_a / total_a >= HOLDS;
    return 0;
}

/* The sketch's names and figures, in text order, into c->anchors. */
static int collect_anchors(sl_comparer *c, const sl_sketch *s)
{
    c->anchors.n = 0;
    if (sl_vec_reserve(&c->anchors, s->terms.n))
        return SL_ENOMEM;
    for (size_t k = 0; k < s->terms.n; k++)
        if (s->terms.items[k] & (SL_TERM_SPECIFIC | SL_TERM_NUMBER))
            c->anchors.items[c->anchors.n++] = s->terms.items[k];
    return 0;
}

/* The degree of copying (degree.c) and the three-word runs it reads: of a
 * copy, and of every pair a thorough comparer aligns; ingest and dedup
 * keep no other pair, and sorting the runs of every candidate was a tenth
 * of the stage's work (callgrind, docs/copies.md). */
static int grade(sl_comparer *c, const sl_sketch *b, sl_comparison *out)
{
    if (out->kind == SL_COPY_NONE && !c->thorough)
        return 0;
    if (!c->runs_a_ready && sl_runs_collect(c->a, &c->runs_a))
        return SL_ENOMEM;
    c->runs_a_ready = true;
    if (sl_runs_collect(b, &c->runs_b))
        return SL_ENOMEM;
    out->literal_share = sl_runs_kept(&c->runs_a, &c->runs_b);
    out->score = sl_copy_degree(out);
    return 0;
}

/* Text a as the comparisons read it is built in three steps, each when a
 * comparison first needs it: its distinct terms (sl_comparer_set_a: the
 * names and figures test), its order masks (the wording test), its
 * sentence sets and index (the alignment). Most candidates stop at the
 * first or second test (docs/copies.md, step 5). */
static int prepare_order(sl_comparer *c)
{
    if (c->order_ready)
        return 0;
    if (sl_order_prepare(c->order, c->a->terms.items, c->a->terms.n))
        return SL_ENOMEM;
    c->order_ready = true;
    return 0;
}

static int prepare_alignment(sl_comparer *c)
{
    if (c->align_ready)
        return 0;
    const sl_sketch *a = c->a;
    uint32_t na = sl_sketch_sentences(a);
    c->shared.n = 0;
    if (sl_sentence_sets_build(a, &c->sets_a) || weigh(&c->sets_a, &c->weight_a, &c->total_a) ||
        index_sentences(c, &c->sets_a) || sl_vec_reserve(&c->shared, na) || collect_anchors(c, a) ||
        sl_order_prepare(c->anchor_order, c->anchors.items, c->anchors.n))
        return SL_ENOMEM;
    if (na)   /* a text of blank lines has no sentences and no array */
        memset(c->shared.items, 0, na * sizeof *c->shared.items);
    c->align_ready = true;
    return 0;
}

/* The names and figures the two texts share (of the text with fewer of
 * each), as sl_anchors_shares reports them: b's names and figures listed,
 * then those of the text with fewer of each looked up in the other's
 * distinct terms (as sl_comparer_may_copy does), where a merge of both
 * texts' terms was 12.8 M instructions of the first 1,000 Reuters stories
 * (docs/history/benchmarks-rounds.md, "Thirty-seventh round"). The terms
 * are distinct, so a term the two share is counted once either way. */
static int anchors_measure(sl_comparer *c, sl_comparison *out)
{
    const uint32_t *terms_a = c->terms_a.items, *terms_b = c->terms_b.items;
    size_t n_a = c->terms_a.n, n_b = c->terms_b.n;
    c->anchor_terms_b.n = 0;
    if (sl_vec_reserve(&c->anchor_terms_b, n_b + 1))
        return SL_ENOMEM;
    for (size_t k = 0; k < n_b; k++)
        if (sl_term_is_name(terms_b[k]) || sl_term_is_figure(terms_b[k]))
            c->anchor_terms_b.items[c->anchor_terms_b.n++] = terms_b[k];
    const uint32_t *anchors_a = c->anchor_terms_a.items, *anchors_b = c->anchor_terms_b.items;
    size_t n_anchors_a = c->anchor_terms_a.n, n_anchors_b = c->anchor_terms_b.n;
    sl_anchor_counts counts_a = c->anchors_a, counts_b = sl_anchors_count_list(anchors_b, n_anchors_b);
    size_t held[2] = {0, 0}; /* figures, names */
    for (int names = 0; names < 2; names++) {
        size_t in_a = names ? counts_a.names : counts_a.figures;
        size_t in_b = names ? counts_b.names : counts_b.figures;
        if (in_a && in_b)
            held[names] = in_a <= in_b
                              ? sl_anchors_held(anchors_a, n_anchors_a, names, terms_b, n_b, NULL)
                              : sl_anchors_held(anchors_b, n_anchors_b, names, terms_a, n_a,
                                                sl_comparer_term_bits_a(c));
    }
    sl_anchors_shares(held[1], held[0], counts_a, counts_b, out);
    return 0;
}

/* sl_comparer_compare, b's terms given (terms_b) or, when NULL, collected. */
static int compare(sl_comparer *c, const sl_sketch *b, const uint32_t *terms_b, size_t n_b,
                   sl_comparison *out)
{
    const sl_sketch *a = c->a;
    out->kind = SL_COPY_NONE;
    out->score = out->cover_a = out->cover_b = out->best_similarity = 0;
    out->aligned_a = out->aligned_b = out->match_a = out->match_b = 0;
    out->a_holds_b = out->b_holds_a = false;
    out->order_overlap = out->specific_overlap = out->number_overlap = out->term_overlap = 0;
    out->term_overlap_more = out->paired_share = out->anchor_order = 0;
    out->term_spread = out->match_spread = out->literal_share = 0;
    out->lead_names_kept = out->lead_figures_kept = 1;
    out->lead_match = out->leads_match = 0;
    out->leads_open_alike = false;
    out->lead_words_kept = 1;
    out->lead_subjects_kept = true;
    out->numbers_fewer = out->unquoted_fewer = 0;
    out->rewrite_probability = 0;
    out->best_pair_a = out->best_pair_b = 0;
    out->pairs.n = 0;
    if (!a)
        return SL_EUSAGE;
    double total_b;
    if (terms_b ? sl_comparer_copy_terms(terms_b, n_b, &c->terms_b)
                : sl_comparer_collect_terms(sl_comparer_memo(c), b, &c->terms_b))
        return SL_ENOMEM;
    out->terms_a = c->terms_a.n;
    out->terms_b = c->terms_b.n;
    /* No copy of any kind when the names or figures disagree: every kind
     * needs them to agree (sl_copy_classify), and they are the texts' own terms,
     * not the alignment's; the cheapest test, so the first (a comparer
     * that stops here leaves the wording measures at 0). */
    if (anchors_measure(c, out))
        return SL_ENOMEM;
    if (!c->thorough && !sl_copy_anchors_may_agree(out))
        return 0;
    if (prepare_order(c) ||
        sl_order_measure(c->order, b->terms.items, b->terms.n, &out->order_overlap))
        return SL_ENOMEM;
    out->term_overlap = term_overlap(c, &out->term_overlap_more, &out->unquoted_fewer);
    /* Nor when they keep too little of each other's wording (in order, or
     * at least its words): no alignment is needed to say "none" (a
     * thorough comparer aligns anyway, for its sentence similarities). */
    if (!c->thorough && !sl_copy_worth_aligning(out))
        return 0;
    if (c->kind_and_score_only && !c->thorough && !sl_copy_kind_possible(out))
        return 0;
    if (prepare_alignment(c) || sl_sentence_sets_build(b, &c->sets_b) || weigh(&c->sets_b, &c->weight_b, &total_b) ||
        score_pairs(c) || collect_anchors(c, b) ||
        sl_order_measure(c->anchor_order, c->anchors.items, c->anchors.n, &out->anchor_order) ||
        sl_order_spread(c->order, b->terms.items, b->terms.n, &out->term_spread))
        return SL_ENOMEM;
    out->best_similarity = c->best_similarity;
    out->best_pair_a = c->best_pair_a;
    out->best_pair_b = c->best_pair_b;
    if (!c->kind_and_score_only)
        sl_comparer_measure_leads(c, out);
    out->match_a = matched(&c->match_a, &c->weight_a, c->total_a);
    out->match_b = matched(&c->match_b, &c->weight_b, total_b);
    bool a_fewer = c->match_a.n < c->match_b.n;
    out->paired_share = paired_share(a_fewer ? &c->match_a : &c->match_b);
    out->match_spread = a_fewer ? match_spread(&c->match_a, c->best_a.items)
                                 : match_spread(&c->match_b, c->best_b.items);
    int32_t end = chain(c, sl_sketch_sentences(b));
    if (end == -2)
        return SL_ENOMEM;
    if (end >= 0 && take_chain(c, end, c->total_a, total_b, out))
        return SL_ENOMEM;
    sl_copy_classify(c->sets_a.content.n, c->sets_b.content.n, out);
    return grade(c, b, out);
}

int sl_comparer_compare(sl_comparer *c, const sl_sketch *b, sl_comparison *out)
{
    return compare(c, b, NULL, 0, out);
}

int sl_comparer_compare_terms(sl_comparer *c, const sl_sketch *b, const uint32_t *terms_b, size_t n_b,
                              sl_comparison *out)
{
    return compare(c, b, terms_b, n_b, out);
}

int sl_copies_compare(sl_comparer *c, const sl_sketch *a, const sl_sketch *b, sl_comparison *out)
{
    int rc = sl_comparer_set_a(c, a);
    return rc ? rc : sl_comparer_compare(c, b, out);
}
