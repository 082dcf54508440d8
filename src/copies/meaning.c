/* meaning.c — the words of one text another keeps in meaning: the share of
 * the plain content words (neither names nor figures, never quoted) of the
 * text with fewer terms that the other has as they are or as a WordNet
 * synonym (synonyms.c). A restyle or a summary changes the words and keeps
 * what they mean ("two decades" for "20 years", "entitled" for "have the
 * right"); another outlet's report of the event tells other things. */
#include <stdlib.h>

#include "copies/copies.h"

/* Appends the synsets of every term of `terms` (their senses, or their
 * reach) to out, sorted and distinct. */
static int synsets_of(const uint32_t *terms, size_t n, bool reach, sl_meaning_scratch_vec *out)
{
    out->n = 0;
    for (size_t k = 0; k < n; k++) {
        if (terms[k] & SL_TERM_SPECIFIC)
            continue;
        const uint32_t *ids;
        size_t m = reach ? sl_synonyms_reach(terms[k], &ids) : sl_synonyms_senses(terms[k], &ids);
        if (m && sl_vec_reserve(out, out->n + m))
            return SL_ENOMEM;
        for (size_t j = 0; j < m; j++)
            out->items[out->n++] = ids[j];
    }
    out->n = out->n ? sl_sort_u32_distinct(out->items, out->n) : 0;
    return 0;
}

static bool holds(const sl_meaning_scratch_vec *set, uint32_t id)
{
    size_t lo = 0, hi = set->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set->items[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < set->n && set->items[lo] == id;
}

static bool any_held(const sl_meaning_scratch_vec *set, const uint32_t *ids, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (holds(set, ids[k]))
            return true;
    return false;
}

/* Whether term `code` meets the other text's synsets: its senses in their
 * reach, or its reach in their senses (wording.c's synonyms, either way). */
int sl_meaning_senses_only;
static bool meets(uint32_t code, const sl_meaning_scratch *s)
{
    if (sl_meaning_senses_only) {
        const uint32_t *sx; size_t n = sl_synonyms_senses(code, &sx);
        return any_held(&s->senses, sx, n);
    }
    const uint32_t *senses, *reach;
    size_t ns = sl_synonyms_senses(code, &senses);
    if (!ns)
        return false;
    size_t nr = sl_synonyms_reach(code, &reach);
    return any_held(&s->reach, senses, ns) || any_held(&s->senses, reach, nr);
}

int sl_meaning_kept(const uint32_t *fewer, size_t n_fewer, const uint32_t *more, size_t n_more,
                    sl_meaning_scratch *s, double *out)
{
    *out = 0;
    if (synsets_of(more, n_more, false, &s->senses) || synsets_of(more, n_more, true, &s->reach))
        return SL_ENOMEM;
    size_t words = 0, kept = 0, j = 0;
    for (size_t i = 0; i < n_fewer; i++) {
        uint32_t code = fewer[i], id = SL_TERM_ID(code);
        while (j < n_more && SL_TERM_ID(more[j]) < id)
            j++;
        if (code & (SL_TERM_SPECIFIC | SL_TERM_QUOTED))
            continue;
        words++;
        kept += (j < n_more && SL_TERM_ID(more[j]) == id) || meets(code, s);
    }
    *out = words ? (double)kept / (double)words : 0;
    return 0;
}

void sl_meaning_scratch_free(sl_meaning_scratch *s)
{
    sl_vec_free(&s->senses);
    sl_vec_free(&s->reach);
}

typedef SL_VEC(uint64_t) pair_list;
static pair_list a_senses_pairs, a_reach_pairs;
static int pairs_of(const uint32_t *terms, size_t n, bool reach, pair_list *out)
{
    out->n = 0;
    for (size_t k = 0; k < n; k++) {
        if (terms[k] & SL_TERM_SPECIFIC)
            continue;
        const uint32_t *ids;
        size_t m = reach ? sl_synonyms_reach(terms[k], &ids) : sl_synonyms_senses(terms[k], &ids);
        for (size_t j = 0; j < m; j++)
            if (sl_vec_push(out, (uint64_t)ids[j] << 32 | terms[k]))
                return SL_ENOMEM;
    }
    if (out->n)
        sl_sort_u64(out->items, out->n);
    return 0;
}
static uint32_t lookup(const pair_list *p, const uint32_t *ids, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        uint64_t key = (uint64_t)ids[k] << 32;
        size_t lo = 0, hi = p->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (p->items[mid] < key)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < p->n && (p->items[lo] >> 32) == ids[k])
            return (uint32_t)p->items[lo];
    }
    return 0;
}
static bool has_exact(const uint32_t *terms, size_t n, uint32_t code)
{
    size_t lo = 0, hi = n;
    uint32_t id = SL_TERM_ID(code);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (SL_TERM_ID(terms[mid]) < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && SL_TERM_ID(terms[lo]) == id;
}
int sl_meaning_substitute(const uint32_t *terms_a, size_t n_a, const uint32_t *seq_b, size_t n_b, void *outv)
{
    SL_VEC(uint32_t) *out = outv;
    out->n = 0;
    if (pairs_of(terms_a, n_a, false, &a_senses_pairs) || pairs_of(terms_a, n_a, true, &a_reach_pairs) ||
        sl_vec_reserve(out, n_b + 1))
        return SL_ENOMEM;
    for (size_t k = 0; k < n_b; k++) {
        uint32_t code = seq_b[k];
        if (!(code & (SL_TERM_SPECIFIC | SL_TERM_STOP)) && !has_exact(terms_a, n_a, code)) {
            const uint32_t *s, *r;
            size_t ns = sl_synonyms_senses(code, &s);
            uint32_t t = ns ? lookup(&a_reach_pairs, s, ns) : 0;
            if (!t && ns) {
                size_t nr = sl_synonyms_reach(code, &r);
                t = lookup(&a_senses_pairs, r, nr);
            }
            if (t)
                code = SL_TERM_ID(t) & ~SL_TERM_FLAGS ? (SL_TERM_ID(t) & ~SL_TERM_FLAGS) | (code & SL_TERM_FLAGS) : code;
        }
        out->items[out->n++] = code;
    }
    return 0;
}
