/* literal.c — how literally one text keeps another's wording: the share of
 * the three-word runs of the text with fewer of them that the other has as
 * they are (word stems, stop words included): the 3-gram containment by
 * which Clough & Stevenson graded copied answers. The degree of copying
 * (degree.c) reads it: a cut-and-paste copy keeps its runs, a light
 * revision some, a heavy one few, another author's text almost none. */
#include "copies/copies.h"

#define MIX 0x9E3779B97F4A7C15u

/* A run's code: its three words' stems, flags aside, mixed into 64 bits. */
static uint64_t run_code(const uint32_t *t)
{
    uint64_t h = SL_TERM_ID(t[0]);
    h = h * MIX ^ SL_TERM_ID(t[1]);
    h = h * MIX ^ SL_TERM_ID(t[2]);
    return h * MIX;
}

int sl_runs_collect(const sl_sketch *s, sl_runs *out)
{
    out->n = 0;
    size_t n = s->terms.n;
    if (n < 3)
        return 0;
    if (sl_vec_reserve(out, n - 2))
        return SL_ENOMEM;
    for (size_t k = 0; k + 2 < n; k++)
        out->items[out->n++] = run_code(s->terms.items + k);
    out->n = sl_sort_u64_distinct(out->items, out->n);
    return 0;
}

double sl_runs_kept(const sl_runs *a, const sl_runs *b)
{
    const sl_runs *fewer = a->n <= b->n ? a : b, *other = a->n <= b->n ? b : a;
    size_t shared = 0, i = 0, j = 0;
    while (i < fewer->n && j < other->n) {
        uint64_t u = fewer->items[i], w = other->items[j];
        shared += u == w;
        i += u <= w;
        j += w <= u;
    }
    return fewer->n ? (double)shared / (double)fewer->n : 0;
}
