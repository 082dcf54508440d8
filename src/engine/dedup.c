/* dedup.c — the copies stage on a stream, without a store: each text is
 * compared with the texts before it (exact copies by hash with all of them,
 * other kinds through the copy index with the last `window`), so memory is
 * bounded by the window, not by the stream. Behind `storyline dedup`. */
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/alloc.h"

/* One remembered text, in one block of 4-byte numbers: its sketch's
 * sentence starts and word codes, as the comparison reads them, and its
 * distinct content terms and its names and figures among them
 * (sl_comparer_terms_a, sl_comparer_anchors_a), which tell most candidates
 * apart without reading the sketch (sl_comparer_may_copy). Kept as they
 * are, not packed (sl_sketch_pack): about 0.1 KB a text more, and neither
 * packing nor unpacking (docs/history/benchmarks-rounds.md, "dedup, fifth round"). */
typedef struct remembered {
    uint64_t index;
    uint32_t *block;             /* starts, then codes, then distinct terms, then anchors */
    size_t n_starts, n_codes, n_terms, n_anchors;
} remembered;

/* Content hash -> first position, open addressing (never evicted: 16 bytes a text). */
typedef struct exact_slot {
    uint64_t hash;
    uint64_t index_plus_one;    /* 0: empty */
} exact_slot;

struct sl_dedup {
    size_t window;
    uint64_t next;                  /* position of the next text */
    remembered *ring;               /* window entries, by position % window */
    exact_slot *exact;
    size_t n_exact, cap_exact;
    sl_copy_index *index;
    sl_sketcher *sketcher;
    sl_comparer *comparer;
    sl_sketch sketch, other;
    sl_comparison comparison;
    sl_buf normalized;
};

sl_dedup *sl_dedup_new(size_t window)
{
    sl_dedup *d = sl_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->window = window ? window : SL_DEDUP_WINDOW;
    d->ring = sl_calloc(d->window, sizeof *d->ring);
    d->cap_exact = 1024;
    d->exact = sl_calloc(d->cap_exact, sizeof *d->exact);
    d->index = sl_copy_index_new();
    d->sketcher = sl_sketcher_new();
    d->comparer = sl_comparer_new();
    if (!d->ring || !d->exact || !d->index || !d->sketcher || !d->comparer) {
        sl_dedup_free(d);
        return NULL;
    }
    sl_comparer_reads_kind_and_score(d->comparer);   /* a result is its kind and score */
    sl_comparer_without_memo(d->comparer);    /* the ring keeps every text's terms */
    return d;
}

void sl_dedup_free(sl_dedup *d)
{
    if (!d)
        return;
    size_t filled = d->next < d->window ? (size_t)d->next : d->window;   /* blocks past it are NULL */
    for (size_t k = 0; d->ring && k < filled; k++)
        free(d->ring[k].block);
    free(d->ring);
    free(d->exact);
    sl_copy_index_free(d->index);
    sl_sketcher_free(d->sketcher);
    sl_comparer_free(d->comparer);
    sl_sketch_free(&d->sketch);
    sl_sketch_free(&d->other);
    sl_comparison_free(&d->comparison);
    sl_buf_free(&d->normalized);
    free(d);
}

static exact_slot *exact_find(exact_slot *slots, size_t cap, uint64_t hash)
{
    for (size_t s = (size_t)hash & (cap - 1);; s = (s + 1) & (cap - 1))
        if (!slots[s].index_plus_one || slots[s].hash == hash)
            return &slots[s];
}

/* Whether a text with this hash came before; `first` gets its position. */
static bool exact_seen(const sl_dedup *d, uint64_t hash, uint64_t *first)
{
    const exact_slot *slot = exact_find(d->exact, d->cap_exact, hash);
    *first = slot->index_plus_one ? slot->index_plus_one - 1 : 0;
    return slot->index_plus_one != 0;
}

/* Records `index` under `hash`, unless a text came with it before. */
static int exact_note(sl_dedup *d, uint64_t hash, uint64_t index)
{
    if ((d->n_exact + 1) * 2 > d->cap_exact) {
        size_t cap = d->cap_exact * 2;
        exact_slot *slots = sl_calloc(cap, sizeof *slots);
        if (!slots)
            return SL_ENOMEM;
        for (size_t k = 0; k < d->cap_exact; k++)
            if (d->exact[k].index_plus_one)
                *exact_find(slots, cap, d->exact[k].hash) = d->exact[k];
        free(d->exact);
        d->exact = slots;
        d->cap_exact = cap;
    }
    exact_slot *slot = exact_find(d->exact, d->cap_exact, hash);
    if (!slot->index_plus_one) {
        *slot = (exact_slot){hash, index + 1};
        d->n_exact++;
    }
    return 0;
}

/* The remembered text's sketch into `out`, as comparisons read it. */
static int recall(const remembered *r, sl_sketch *out)
{
    out->terms.n = out->starts.n = out->spans.n = 0;
    out->n_keys = 0;
    if (sl_vec_reserve(&out->starts, r->n_starts) || sl_vec_reserve(&out->terms, r->n_codes + 1))
        return SL_ENOMEM;
    memcpy(out->starts.items, r->block, r->n_starts * sizeof *r->block);
    if (r->n_codes)
        memcpy(out->terms.items, r->block + r->n_starts, r->n_codes * sizeof *r->block);
    out->starts.n = r->n_starts;
    out->terms.n = r->n_codes;
    return 0;
}

/* Compares the current sketch with the remembered candidates; keeps the best. */
static int compare_candidates(sl_dedup *d, sl_dedup_result *out)
{
    int64_t candidates[SL_COPY_CANDIDATES];
    size_t n = 0;
    size_t n_terms;
    const uint32_t *terms_a = sl_comparer_terms_a(d->comparer, &n_terms);
    if (sl_copy_index_candidates_of_terms(d->index, terms_a, n_terms, candidates, &n))
        return SL_ENOMEM;
    for (size_t k = 0; k < n; k++) {
        uint64_t index = (uint64_t)candidates[k] - 1;
        const remembered *r = &d->ring[index % d->window];
        if (r->index != index || !r->block)
            continue;   /* fell out of the window */
        const uint32_t *terms = r->block + r->n_starts + r->n_codes;
        if (!sl_comparer_may_copy(d->comparer, terms, r->n_terms, terms + r->n_terms, r->n_anchors))
            continue;   /* names or figures disagree: no copy of any kind */
        if (recall(r, &d->other) ||
            sl_comparer_compare_terms(d->comparer, &d->other, terms, r->n_terms, &d->comparison))
            return SL_ENOMEM;
        if (d->comparison.kind != SL_COPY_NONE && (!out->is_copy || d->comparison.score > out->score)) {
            /* the earlier text is the original: contains/excerpt said of the new one stand */
            out->is_copy = 1;
            out->copy_of = index;
            out->kind = d->comparison.kind;
            out->score = d->comparison.score;
        }
    }
    return 0;
}

/* Files the current sketch and its terms under position `index`. */
static int remember(sl_dedup *d, uint64_t index)
{
    if (index + 1 > UINT32_MAX)
        return SL_ENOMEM;
    const sl_sketch *s = &d->sketch;
    size_t n_terms, n_anchors;
    const uint32_t *terms = sl_comparer_terms_a(d->comparer, &n_terms);
    const uint32_t *anchors = sl_comparer_anchors_a(d->comparer, &n_anchors);
    size_t n = s->starts.n + s->terms.n + n_terms + n_anchors;
    remembered *r = &d->ring[index % d->window];
    uint32_t *block = sl_realloc(r->block, (n ? n : 1) * sizeof *block);
    if (!block)
        return SL_ENOMEM;
    if (s->starts.n)
        memcpy(block, s->starts.items, s->starts.n * sizeof *block);
    if (s->terms.n)
        memcpy(block + s->starts.n, s->terms.items, s->terms.n * sizeof *block);
    uint32_t *at = block + s->starts.n + s->terms.n;
    if (n_terms)
        memcpy(at, terms, n_terms * sizeof *block);
    if (n_anchors)
        memcpy(at + n_terms, anchors, n_anchors * sizeof *block);
    *r = (remembered){index, block, s->starts.n, s->terms.n, n_terms, n_anchors};
    return sl_copy_index_add(d->index, (int64_t)index + 1, d->sketch.keys, d->sketch.n_keys);
}

/* An exact copy is told by its normalised text's hash alone, before the
 * analysis and sketch, which only the other kinds read (3.7% of the tier's
 * texts are exact copies: docs/history/benchmarks-rounds.md, "Twelfth round"). */
int sl_dedup_add(sl_dedup *d, const char *text, size_t len, sl_dedup_result *out)
{
    memset(out, 0, sizeof *out);
    out->index = d->next++;
    uint64_t hash = 0, first = 0;
    int rc = sl_sketcher_normalize(d->sketcher, text, len, &d->normalized, &hash);
    if (rc)
        return rc;
    if (d->normalized.len > 0 && exact_seen(d, hash, &first)) {
        out->is_copy = 1;
        out->copy_of = first;
        out->kind = SL_COPY_EXACT;
        out->score = 1.0;
        return 0;
    }
    if ((rc = sl_sketcher_sketch(d->sketcher, &d->normalized, &d->sketch)) ||
        (rc = exact_note(d, hash, out->index)))
        return rc;
    if (sl_comparer_set_a(d->comparer, &d->sketch))
        return SL_ENOMEM;
    rc = compare_candidates(d, out);
    return rc ? rc : remember(d, out->index);
}
