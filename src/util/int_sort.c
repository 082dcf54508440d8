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

/* Arrays shorter than this are left to sl_sort_u32; the buckets are
 * about a quarter as many as the values, up to 2^SPREAD_BITS_MAX. Chosen
 * by instructions (callgrind) of dedup of Reuters lines 1-1,000, the
 * copies' distinct terms: a bucket for 1, 2, 4, 8, 16 values 206.64,
 * 205.55, 205.21, 205.37, 205.75 M; SPREAD_MIN 24, 48, 96 205.33, 205.21,
 * 205.38 M (docs/history/benchmarks-rounds.md, "Twenty-ninth round: dedup"). */
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

/* SPREAD_DEFINE(NAME, T, SORT) makes `void NAME(T *a, size_t n)`, the
 * spread sort of T values with SORT (the introsort of T) for short arrays
 * and long buckets. First the values are dealt in place into buckets by
 * their top `bits` bits (the American flag permutation: each value moved
 * straight to the next free place of its bucket, `start` each bucket's
 * first index), unless they all fall in one bucket (small integers: then
 * SORT sorts them, after the one counting pass); then a long bucket
 * (values not spread) is sorted by SORT, so that none is quadratic, and
 * one insertion pass finishes: it moves a value only within its bucket,
 * the buckets being in order. */
#define SPREAD_DEFINE(NAME, T, SORT)                                                               \
    static int NAME##_deal(T *a, size_t n, unsigned bits, uint32_t *start)                         \
    {                                                                                              \
        size_t n_buckets = (size_t)1 << bits;                                                      \
        unsigned shift = (unsigned)(8 * sizeof(T)) - bits;                                         \
        uint32_t next[1u << SPREAD_BITS_MAX];                                                      \
        memset(start, 0, (n_buckets + 1) * sizeof *start);                                         \
        for (size_t k = 0; k < n; k++)                                                             \
            start[(a[k] >> shift) + 1]++;                                                          \
        if (start[(a[0] >> shift) + 1] == n)                                                       \
            return 0;                                                                              \
        for (size_t b = 0; b < n_buckets; b++) {                                                   \
            start[b + 1] += start[b];                                                              \
            next[b] = start[b];                                                                    \
        }                                                                                          \
        for (size_t b = 0; b < n_buckets; b++)                                                     \
            while (next[b] < start[b + 1]) {                                                       \
                T v = a[next[b]];                                                                  \
                for (size_t d = (size_t)(v >> shift); d != b; d = (size_t)(v >> shift)) {          \
                    T displaced = a[next[d]];                                                      \
                    a[next[d]++] = v;                                                              \
                    v = displaced;                                                                 \
                }                                                                                  \
                a[next[b]++] = v;                                                                  \
            }                                                                                      \
        return 1;                                                                                  \
    }                                                                                              \
                                                                                                   \
    void NAME(T *a, size_t n)                                                                      \
    {                                                                                              \
        if (n < SPREAD_MIN || n > UINT32_MAX) {                                                    \
            SORT(a, n);                                                                            \
            return;                                                                                \
        }                                                                                          \
        unsigned bits = spread_bits(n);                                                            \
        uint32_t start[(1u << SPREAD_BITS_MAX) + 1];                                               \
        if (!NAME##_deal(a, n, bits, start)) {                                                     \
            SORT(a, n);                                                                            \
            return;                                                                                \
        }                                                                                          \
        for (size_t b = 0; b < ((size_t)1 << bits); b++)                                           \
            if (start[b + 1] - start[b] > SL_SORT_SHORT)                                           \
                SORT(a + start[b], start[b + 1] - start[b]);                                       \
        for (size_t k = 1; k < n; k++) {                                                           \
            T v = a[k];                                                                            \
            size_t j = k;                                                                          \
            for (; j > 0 && v < a[j - 1]; j--)                                                     \
                a[j] = a[j - 1];                                                                   \
            a[j] = v;                                                                              \
        }                                                                                          \
    }

SPREAD_DEFINE(sl_sort_u32_spread, uint32_t, sl_sort_u32)
SPREAD_DEFINE(sl_sort_u64_spread, uint64_t, sl_sort_u64)

/* The distinct sorts' callers sort hashes (run and n-gram codes, key
 * terms, stems), all but the summary's concept ids (small integers, in
 * one bucket): the spread sort. */
size_t sl_sort_u32_distinct(uint32_t *a, size_t n)
{
    sl_sort_u32_spread(a, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || a[k] != a[m - 1])
            a[m++] = a[k];
    return m;
}

size_t sl_sort_u64_distinct(uint64_t *a, size_t n)
{
    sl_sort_u64_spread(a, n);
    size_t m = 0;
    for (size_t k = 0; k < n; k++)
        if (!m || a[k] != a[m - 1])
            a[m++] = a[k];
    return m;
}
