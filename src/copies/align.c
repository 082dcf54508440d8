/* align.c — comparing two articles: their sentences aligned in order (a copy,
 * even a reworded one, keeps the order of what it copies; two independent
 * reports of one event select and reorder), the share of each text the
 * alignment covers, and from that the kind of copy (kinds.c). */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "copies/term_lookup.h"
#include "util/alloc.h"

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

typedef struct scored_pair {
    uint32_t a, b;
    float similarity;
    float weight;
    double best;       /* best chain ending here */
    int32_t previous;  /* index of the pair before it in that chain, -1 */
} scored_pair;

typedef SL_VEC(double) weight_vec;

struct sl_comparer {
    SL_VEC(uint64_t) index;       /* text a's terms and their sentences: term << 32 | sentence, sorted */
    SL_VEC(uint32_t) shared;      /* per sentence of b: terms shared with the current a sentence */
    SL_VEC(uint32_t) touched;
    SL_VEC(scored_pair) pairs;
    SL_VEC(int32_t) fenwick;      /* prefix-max over b sentences: index of the best pair */
    weight_vec weight_a, weight_b;
    weight_vec match_a, match_b;  /* per sentence: its best similarity in the other text */
    SL_VEC(uint32_t) best_a, best_b;   /* ...and which sentence that is */
    sl_sentence_sets sets_a, sets_b;
    sl_order_scratch *order;
    sl_order_scratch *anchor_order;   /* the same over names and figures only */
    sl_sentence_masks *masks_b;       /* the word masks of the b sentence being paired */
    SL_VEC(uint32_t) anchors;         /* a text's names and figures, in text order */
    const sl_sketch *a;           /* the text compared with others (sl_comparer_set_a) */
    bool order_ready, align_ready;    /* a's order masks, a's sentence sets and index built */
    SL_VEC(uint32_t) terms_a, terms_b;   /* each text's distinct content terms, sorted */
    sl_terms_memo *terms_memo;           /* those of texts compared before (terms_memo.c) */
    sl_runs runs_a, runs_b;              /* each text's three-word runs (literal.c) */
    bool runs_a_ready;                   /* runs_a is a's (read when first needed) */
    sl_anchor_counts anchors_a;             /* the names and figures among terms_a */
    SL_VEC(uint32_t) anchor_terms_a;     /* ...and those terms, sorted (sl_comparer_anchors_a) */
    SL_VEC(uint32_t) anchor_terms_b;     /* terms_b's names and figures, sorted (anchors_measure) */
    uint64_t term_bits_a[SL_TERM_BITS / 64]; /* terms_a's filter: a bit for each one's sl_term_bit */
    bool term_bits_ready;                /* term_bits_a is a's (built when first asked: when b
                                          * has fewer names or figures than a) */
    double total_a;
    double best_similarity;       /* of any pair scored */
    uint32_t best_pair_a, best_pair_b;   /* that pair's sentences */
    bool thorough;                /* align even texts that cannot be copies */
    bool kind_and_score_only;     /* sl_comparer_reads_kind_and_score */
    bool without_memo;            /* terms_memo not read nor kept (sl_comparer_without_memo) */
};

sl_comparer *sl_comparer_new(void)
{
    sl_comparer *c = sl_calloc(1, sizeof *c);
    if (c && (!(c->order = sl_order_scratch_new()) || !(c->anchor_order = sl_order_scratch_new()) ||
              !(c->masks_b = sl_sentence_masks_new()) || !(c->terms_memo = sl_terms_memo_new()))) {
        sl_order_scratch_free(c->order);
        sl_order_scratch_free(c->anchor_order);
        sl_sentence_masks_free(c->masks_b);
        free(c);
        return NULL;
    }
    return c;
}

void sl_comparer_thorough(sl_comparer *c)
{
    c->thorough = true;
}

void sl_comparer_reads_kind_and_score(sl_comparer *c)
{
    c->kind_and_score_only = true;
}

void sl_comparer_without_memo(sl_comparer *c)
{
    c->without_memo = true;
}

void sl_comparer_free(sl_comparer *c)
{
    if (!c)
        return;
    sl_vec_free(&c->index);
    sl_vec_free(&c->shared);
    sl_vec_free(&c->touched);
    sl_vec_free(&c->pairs);
    sl_vec_free(&c->fenwick);
    sl_vec_free(&c->weight_a);
    sl_vec_free(&c->weight_b);
    sl_vec_free(&c->match_a);
    sl_vec_free(&c->match_b);
    sl_vec_free(&c->best_a);
    sl_vec_free(&c->best_b);
    sl_sentence_sets_free(&c->sets_a);
    sl_sentence_sets_free(&c->sets_b);
    sl_vec_free(&c->terms_a);
    sl_vec_free(&c->terms_b);
    sl_vec_free(&c->anchor_terms_a);
    sl_vec_free(&c->anchor_terms_b);
    sl_terms_memo_free(c->terms_memo);
    sl_vec_free(&c->runs_a);
    sl_vec_free(&c->runs_b);
    sl_order_scratch_free(c->order);
    sl_order_scratch_free(c->anchor_order);
    sl_sentence_masks_free(c->masks_b);
    sl_vec_free(&c->anchors);
    free(c);
}

void sl_comparison_free(sl_comparison *cmp)
{
    if (cmp)
        sl_vec_free(&cmp->pairs);
}

/* A text's distinct content terms over all its sentences, sorted, a term's
 * flags merged (a name written once with a capital is a name): the
 * sentence sets' content terms merged, read straight from the sketch so
 * that a pair that is not aligned needs no sentence sets; from the memo
 * (NULL: none) when the same codes were collected before (a candidate of
 * many). */
static int collect_terms(sl_terms_memo *memo, const sl_sketch *s, void *vec)
{
    SL_VEC(uint32_t) *v = vec;
    v->n = 0;
    uint32_t n = sl_sketch_sentences(s);
    if (!n)   /* a text of blank lines has no terms and no arrays */
        return 0;
    const uint32_t *t = s->terms.items + s->starts.items[0];
    size_t len = s->starts.items[n] - s->starts.items[0], n_kept = 0;
    uint64_t hash = 0;
    const uint32_t *kept = memo ? sl_terms_memo_find(memo, t, len, &hash, &n_kept) : NULL;
    if (sl_vec_reserve(v, (kept ? n_kept : len) + 1))
        return SL_ENOMEM;
    if (kept) {
        memcpy(v->items, kept, n_kept * sizeof *kept);
        v->n = n_kept;
        return 0;
    }
    for (size_t k = 0; k < len; k++)
        if (!(t[k] & SL_TERM_STOP))
            v->items[v->n++] = t[k];
    v->n = sl_terms_distinct(v->items, v->n);
    if (memo)   /* a memo without room: not kept */
        (void)sl_terms_memo_keep(memo, hash, t, len, v->items, v->n);
    return 0;
}

/* The comparer's memo of terms, NULL when it keeps none. */
static sl_terms_memo *memo_of(const sl_comparer *c)
{
    return c->without_memo ? NULL : c->terms_memo;
}

/* `n` distinct terms given by the caller into vec, as collect_terms
 * would have made them. */
static int copy_terms(const uint32_t *terms, size_t n, void *vec)
{
    SL_VEC(uint32_t) *v = vec;
    v->n = 0;
    if (sl_vec_reserve(v, n + 1))
        return SL_ENOMEM;
    if (n)
        memcpy(v->items, terms, n * sizeof *terms);
    v->n = n;
    return 0;
}

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
static void measure_leads(const sl_comparer *c, sl_comparison *out)
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

int sl_comparer_set_a(sl_comparer *c, const sl_sketch *a)
{
    c->a = NULL;
    c->order_ready = c->align_ready = c->runs_a_ready = c->term_bits_ready = false;
    if (collect_terms(memo_of(c), a, &c->terms_a))
        return SL_ENOMEM;
    c->anchors_a = sl_anchors_count(c->terms_a.items, c->terms_a.n);
    c->anchor_terms_a.n = 0;
    if (sl_vec_reserve(&c->anchor_terms_a, c->anchors_a.names + c->anchors_a.figures + 1))
        return SL_ENOMEM;
    for (size_t k = 0; k < c->terms_a.n; k++) {
        uint32_t code = c->terms_a.items[k];
        if (sl_term_is_name(code) || sl_term_is_figure(code))
            c->anchor_terms_a.items[c->anchor_terms_a.n++] = code;
    }
    c->a = a;
    return 0;
}

/* terms_a's filter, built at the first call for a text. */
static const uint64_t *term_bits_of_a(sl_comparer *c)
{
    if (!c->term_bits_ready) {
        memset(c->term_bits_a, 0, sizeof c->term_bits_a);
        for (size_t k = 0; k < c->terms_a.n; k++) {
            uint32_t code = c->terms_a.items[k];
            c->term_bits_a[sl_term_bit(code) / 64] |= UINT64_C(1) << (sl_term_bit(code) % 64);
        }
        c->term_bits_ready = true;
    }
    return c->term_bits_a;
}

const uint32_t *sl_comparer_terms_a(const sl_comparer *c, size_t *n)
{
    *n = c->terms_a.n;
    return c->terms_a.items;
}

const uint32_t *sl_comparer_anchors_a(const sl_comparer *c, size_t *n)
{
    *n = c->anchor_terms_a.n;
    return c->anchor_terms_a.items;
}

/* Whether the names of the text with fewer of them (`fewer` among
 * `anchors`) that the other's terms hold reach the share a copy keeps
 * (kinds.c): the search stops once more are missing than the share can
 * spare. */
static bool names_may_agree(const uint32_t *anchors, size_t n_anchors, size_t fewer, const uint32_t *terms,
                            size_t n_terms, const uint64_t *bits)
{
    size_t spare = fewer - sl_copy_names_needed(fewer), missing = 0;
    for (size_t k = 0; k < n_anchors; k++)
        if (sl_term_is_name(anchors[k]) &&
            !(sl_terms_may_hold(bits, anchors[k]) && sl_terms_hold(terms, n_terms, anchors[k])) && ++missing > spare)
            return false;
    return true;
}

/* anchors_measure's answer from the names and figures of the text with
 * fewer of each, each looked up in the other's terms: a few dozen
 * searches, not a pass over both texts' terms (which was 5% of dedup's
 * instructions: docs/history/benchmarks-rounds.md, "Nineteenth round: dedup"); the names
 * first, and the figures only of a pair whose names agree ("Twentieth
 * round: dedup"). The terms are distinct, so a term the two share is
 * counted once either way. */
bool sl_comparer_may_copy(sl_comparer *c, const uint32_t *terms_b, size_t n_b,
                          const uint32_t *anchors_b, size_t n_anchors_b)
{
    sl_anchor_counts counts_a = c->anchors_a, counts_b = sl_anchors_count_list(anchors_b, n_anchors_b);
    const uint32_t *anchors_a = c->anchor_terms_a.items, *terms_a = c->terms_a.items;
    size_t n_anchors_a = c->anchor_terms_a.n, n_a = c->terms_a.n;
    if (counts_a.names && counts_b.names &&   /* else sl_anchors_shares' 1 */
        !(counts_a.names <= counts_b.names
              ? names_may_agree(anchors_a, n_anchors_a, counts_a.names, terms_b, n_b, NULL)
              : names_may_agree(anchors_b, n_anchors_b, counts_b.names, terms_a, n_a, term_bits_of_a(c))))
        return false;
    size_t figures = counts_a.figures <= counts_b.figures
                         ? sl_anchors_held(anchors_a, n_anchors_a, false, terms_b, n_b, NULL)
                         : sl_anchors_held(anchors_b, n_anchors_b, false, terms_a, n_a, term_bits_of_a(c));
    sl_comparison anchors = {0};
    sl_anchors_shares(0, figures, counts_a, counts_b, &anchors);
    return sl_copy_figures_may_agree(&anchors);
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
                              : sl_anchors_held(anchors_b, n_anchors_b, names, terms_a, n_a, term_bits_of_a(c));
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
    if (terms_b ? copy_terms(terms_b, n_b, &c->terms_b) : collect_terms(memo_of(c), b, &c->terms_b))
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
        measure_leads(c, out);
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
