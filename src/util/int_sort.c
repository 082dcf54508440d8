/* int_sort.c — ascending sorts of plain integers (sort.h's introsort; no
 * comparison calls, unlike qsort), and the same keeping one of each value.
 * The copies stage sorts a text's terms for every candidate it compares;
 * the summary and the timeline sort their stems. Records sorted by a key
 * are packed into one integer, key in the high bits. Equal values are
 * indistinguishable, so any correct sort gives the same array: these
 * replace qsort without changing any result. The spread sort deals hashed
 * values into buckets by their high bits first. */
#include "sort.h"

#include <stdint.h>
#include <string.h>

SL_SORT_DEFINE(, sl_sort_u32, uint32_t, SL_SORT_NUMERIC_LESS)
SL_SORT_DEFINE(, sl_sort_u64, uint64_t, SL_SORT_NUMERIC_LESS)

size_t sl_sort_u32_distinct(uint32_t *a, size_t n)
{
    sl_sort_u32(a, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || a[k] != a[m - 1])
            a[m++] = a[k];
    return m;
}

size_t sl_sort_u64_distinct(uint64_t *a, size_t n)
{
    sl_sort_u64(a, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || a[k] != a[m - 1])
            a[m++] = a[k];
    return m;
}

/* Arrays shorter than this are left to sl_sort_u32; the buckets are
 * about a quarter as many as the values, up to 2^SPREAD_BITS_MAX. Chosen
 * by instructions (callgrind) of dedup of Reuters lines 1-1,000, the
 * copies' distinct terms: a bucket for 1, 2, 4, 8, 16 values 206.64,
 * 205.55, 205.21, 205.37, 205.75 M; SPREAD_MIN 24, 48, 96 205.33, 205.21,
 * 205.38 M (docs/benchmarks.md, "Twenty-ninth round: dedup"). */
#define SPREAD_MIN 48
#define SPREAD_BITS_MIN 4
#define SPREAD_BITS_MAX 10

/* The bits of the bucket index for `n` values: about four values a bucket. */
static unsigned spread_bits(size_t n)
{
    unsigned bits = SPREAD_BITS_MIN;
    while (bits < SPREAD_BITS_MAX && ((size_t)1 << bits) < n / 4)
        bits++;
    return bits;
}

/* Deals `a` in place into buckets by the value's top `bits` bits (the
 * American flag permutation: each value is moved straight to the next free
 * place of its bucket); `start` gets each bucket's first index and the end. */
static void deal_into_buckets(uint32_t *a, size_t n, unsigned bits, uint32_t *start)
{
    size_t n_buckets = (size_t)1 << bits;
    unsigned shift = 32 - bits;
    uint32_t next[1u << SPREAD_BITS_MAX];
    memset(start, 0, (n_buckets + 1) * sizeof *start);
    for (size_t k = 0; k < n; k++)
        start[(a[k] >> shift) + 1]++;
    for (size_t b = 0; b < n_buckets; b++) {
        start[b + 1] += start[b];
        next[b] = start[b];
    }
    for (size_t b = 0; b < n_buckets; b++)
        while (next[b] < start[b + 1]) {
            uint32_t v = a[next[b]];
            for (size_t d = v >> shift; d != b; d = v >> shift) {
                uint32_t displaced = a[next[d]];
                a[next[d]++] = v;
                v = displaced;
            }
            a[next[b]++] = v;
        }
}

void sl_sort_u32_spread(uint32_t *a, size_t n)
{
    if (n < SPREAD_MIN || n > UINT32_MAX) {
        sl_sort_u32(a, n);
        return;
    }
    unsigned bits = spread_bits(n);
    uint32_t start[(1u << SPREAD_BITS_MAX) + 1];
    deal_into_buckets(a, n, bits, start);
    /* a long bucket (values not spread) by the introsort, so that none is
     * quadratic; then one insertion pass, which moves a value only within
     * its bucket, the buckets being in order */
    for (size_t b = 0; b < ((size_t)1 << bits); b++)
        if (start[b + 1] - start[b] > SL_SORT_SHORT)
            sl_sort_u32(a + start[b], start[b + 1] - start[b]);
    for (size_t k = 1; k < n; k++) {
        uint32_t v = a[k];
        size_t j = k;
        for (; j > 0 && v < a[j - 1]; j--)
            a[j] = a[j - 1];
        a[j] = v;
    }
}
