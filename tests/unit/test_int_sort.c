/* test_int_sort.c — the integer sorts of util/int_sort.c (the plain,
 * the spread and the distinct sorts) against qsort, on every shape and
 * length their callers give: hashed terms, keys, small ids. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "copies/copies.h"
#include "util/sort.h"
#include "test.h"

static int compare_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

TEST(integer_sorts_agree_with_qsort)
{
    enum { N = 3000 };
    uint64_t *want = malloc(N * sizeof *want), *got = malloc(N * sizeof *got);
    uint32_t *got32 = malloc(N * sizeof *got32), *spread = malloc(N * sizeof *spread);
    CHECK(want && got && got32 && spread);
    uint64_t x = 88172645463325252ull;
    /* random, few values, ascending, descending, all equal; short and long */
    for (int shape = 0; shape < 5; shape++)
        for (size_t n = 0; n < N && want && got && got32 && spread; n = n * 3 + 1) {
            for (size_t k = 0; k < n; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                uint64_t v = shape == 0 ? x : shape == 1 ? x % 5 : shape == 2 ? k : shape == 3 ? n - k : 7;
                want[k] = got[k] = v;
                got32[k] = spread[k] = (uint32_t)v;
            }
            sl_sort_u64(got, n);
            sl_sort_u32(got32, n);
            sl_sort_u32_spread(spread, n);
            if (n)
                qsort(want, n, sizeof *want, compare_u64);
            CHECK(!n || !memcmp(want, got, n * sizeof *got));
            for (size_t k = 0; k < n; k++)
                want[k] = (uint32_t)want[k];
            if (n)
                qsort(want, n, sizeof *want, compare_u64);
            bool same = true;
            for (size_t k = 0; k < n; k++)
                same = same && got32[k] == want[k] && spread[k] == want[k];
            CHECK(same);
        }
    free(want);
    free(got);
    free(got32);
    free(spread);
}

/* The spread sorts' buckets: values in one bucket (the high bits all
 * equal, long and short runs of it) and values in every bucket, each
 * twice or more, come out as the introsort's (32 bits, and 64 bits with
 * the value in the high half and a position below, as the copies' term
 * indexes are), and sl_terms_distinct keeps one code a term with its
 * flags merged. */
TEST(spread_sort_agrees_with_the_introsort_in_every_bucket_shape)
{
    enum { N = 5000 };
    static uint32_t want[N], got[N];
    static uint64_t want64[N], got64[N];
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int shape = 0; shape < 4; shape++)
        for (size_t n = 40; n <= N; n += n / 2 + 7) {
            for (size_t k = 0; k < n; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                uint32_t v = (uint32_t)(x >> 32);
                want[k] = got[k] = shape == 0   ? v                          /* spread */
                                   : shape == 1 ? v >> 12                    /* one bucket */
                                   : shape == 2 ? (v & 0xF000000Fu) | 0x0F00u   /* few buckets, repeats */
                                                : (uint32_t)(n - k) << 20;  /* descending, spread */
                want64[k] = got64[k] = (uint64_t)want[k] << 32 | (uint32_t)(x % 7);
            }
            sl_sort_u32(want, n);
            sl_sort_u32_spread(got, n);
            CHECK(!memcmp(want, got, n * sizeof *got));
            sl_sort_u64(want64, n);
            sl_sort_u64_spread(got64, n);
            CHECK(!memcmp(want64, got64, n * sizeof *got64));
            size_t distinct = 0;   /* the distinct sorts sort by the spread sort */
            for (size_t k = 0; k < n; k++)
                distinct += !k || want[k] != want[k - 1];
            for (size_t k = 0; k < n; k++)
                got[k] = want[n - 1 - k];
            CHECK_INT((int)sl_sort_u32_distinct(got, n), (int)distinct);
            bool ascending = true;
            for (size_t k = 1; k < distinct; k++)
                ascending = ascending && got[k - 1] < got[k];
            CHECK(ascending && got[0] == want[0] && got[distinct - 1] == want[n - 1]);
        }
    uint32_t codes[200];
    for (size_t k = 0; k < 200; k++)   /* 50 terms, four times each, a flag each time */
        codes[k] = (uint32_t)((k % 50) * 0x05000000u + 0x10u) | (1u << (k / 50));
    CHECK_INT((int)sl_terms_distinct(codes, 200), 50);
    bool merged = true;
    for (size_t k = 0; k < 50; k++)
        merged = merged && codes[k] == ((uint32_t)(k * 0x05000000u + 0x10u) | SL_TERM_FLAGS);
    CHECK(merged);
}

/* The spread sort at every length to 200 (both thresholds, 12 and 48,
 * and the bucket counts' steps) against qsort: random values, values all
 * in the last bucket, all in the first (small integers, as the summary's
 * concept ids), and in the first and last buckets only. */
TEST(spread_sort_agrees_with_qsort_at_every_length)
{
    enum { N = 200 };
    static uint64_t want[N], got[N];
    uint64_t x = 0x2545F4914F6CDD1Dull;
    bool same = true;
    for (int shape = 0; shape < 4; shape++)
        for (size_t n = 0; n <= N; n++) {
            for (size_t k = 0; k < n; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                uint64_t v = shape == 0 ? x : shape == 1 ? ~(x % 97) : shape == 2 ? x % 97
                                                                               : (x & 1) << 63 | x % 5;
                want[k] = got[k] = v;
            }
            sl_sort_u64_spread(got, n);
            if (n)
                qsort(want, n, sizeof *want, compare_u64);
            same = same && !memcmp(want, got, n * sizeof *got);
        }
    CHECK(same);
}
