/* sort.h — one introsort written once and made for each record type and
 * order that a hot path sorts: quicksort with the comparison inline (no
 * call per comparison, unlike qsort), insertion sort for short runs,
 * heapsort past a depth bound so that no input is quadratic.
 *
 * Not stable: it gives qsort's array only where equal records cannot be
 * told apart afterwards (a total order, or records merged by the key).
 *
 * SL_SORT_DEFINE(static, sort_by_term, sl_weighted_term, TERM_LESS) makes
 * `static void sort_by_term(sl_weighted_term *a, size_t n)`, where
 * TERM_LESS(x, y) is true when record x goes before record y. */
#ifndef SL_UTIL_SORT_H
#define SL_UTIL_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Runs this short are insertion-sorted. Chosen by instructions (callgrind)
 * on an ingest of Reuters lines 1-1,000, checked on lines 5,001-6,000:
 * 32 (the copies' sort had it) 3,179.0 / 3,172.6 M, 24 3,164.2 M, 20
 * 3,158.9 M, 16 3,154.9 / 3,150.0 M, 12 3,154.1 / 3,149.2 M, 8 3,159.7 M
 * (docs/benchmarks.md). The sentences' words, ~25, were sorted quadratically. */
#define SL_SORT_SHORT 12
#define SL_SORT_DEPTH 64

#define SL_SORT_DEFINE(LINKAGE, NAME, T, LESS)                                                     \
    static void NAME##_insertion(T *a, size_t n)                                                   \
    {                                                                                              \
        for (size_t k = 1; k < n; k++) {                                                           \
            T v = a[k];                                                                            \
            size_t j = k;                                                                          \
            for (; j > 0 && LESS(v, a[j - 1]); j--)                                                \
                a[j] = a[j - 1];                                                                   \
            a[j] = v;                                                                              \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    static void NAME##_sift(T *a, size_t root, size_t n)                                           \
    {                                                                                              \
        for (size_t child; (child = 2 * root + 1) < n; root = child) {                             \
            if (child + 1 < n && LESS(a[child], a[child + 1]))                                     \
                child++;                                                                           \
            if (!LESS(a[root], a[child]))                                                          \
                return;                                                                            \
            T t = a[root];                                                                         \
            a[root] = a[child];                                                                    \
            a[child] = t;                                                                          \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    static void NAME##_heap(T *a, size_t n)                                                        \
    {                                                                                              \
        for (size_t k = n / 2; k-- > 0;)                                                           \
            NAME##_sift(a, k, n);                                                                  \
        for (size_t end = n; end-- > 1;) {                                                         \
            T t = a[0];                                                                            \
            a[0] = a[end];                                                                         \
            a[end] = t;                                                                            \
            NAME##_sift(a, 0, end);                                                                \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    static T NAME##_median(T x, T y, T z)                                                          \
    {                                                                                              \
        return LESS(x, y) ? (LESS(y, z) ? y : LESS(x, z) ? z : x)                                  \
                          : (LESS(x, z) ? x : LESS(y, z) ? z : y);                                 \
    }                                                                                              \
                                                                                                   \
    /* Hoare partition around a median of three; loops on the larger side */                     \
    static void NAME##_quick(T *a, size_t n, unsigned depth)                                       \
    {                                                                                              \
        while (n > SL_SORT_SHORT) {                                                                \
            if (!depth--) {                                                                        \
                NAME##_heap(a, n);                                                                 \
                return;                                                                            \
            }                                                                                      \
            T pivot = NAME##_median(a[0], a[n / 2], a[n - 1]);                                     \
            size_t i = 0, j = n - 1;                                                               \
            for (;;) {                                                                             \
                while (LESS(a[i], pivot))                                                          \
                    i++;                                                                           \
                while (LESS(pivot, a[j]))                                                          \
                    j--;                                                                           \
                if (i >= j)                                                                        \
                    break;                                                                         \
                T t = a[i];                                                                        \
                a[i++] = a[j];                                                                     \
                a[j--] = t;                                                                        \
            }                                                                                      \
            size_t left = j + 1;   /* a[0..left) <= pivot <= a[left..n) */                         \
            if (left < n - left) {                                                                 \
                NAME##_quick(a, left, depth);                                                      \
                a += left;                                                                         \
                n -= left;                                                                         \
            } else {                                                                               \
                NAME##_quick(a + left, n - left, depth);                                           \
                n = left;                                                                          \
            }                                                                                      \
        }                                                                                          \
        NAME##_insertion(a, n);                                                                    \
    }                                                                                              \
                                                                                                   \
    LINKAGE void NAME(T *a, size_t n)                                                              \
    {                                                                                              \
        if (n > 1)                                                                                 \
            NAME##_quick(a, n, SL_SORT_DEPTH);                                                     \
    }

/* The natural order of numbers, for SL_SORT_DEFINE's LESS. */
#define SL_SORT_NUMERIC_LESS(x, y) ((x) < (y))

/* ---- int_sort.c: ascending sorts of plain integers ---- */

void sl_sort_u32(uint32_t *a, size_t n);
void sl_sort_u64(uint64_t *a, size_t n);
/* Sorts (by the spread sort below) and keeps one of each value; returns
 * how many are left. */
size_t sl_sort_u32_distinct(uint32_t *a, size_t n);
size_t sl_sort_u64_distinct(uint64_t *a, size_t n);
/* sl_sort_u32 and sl_sort_u64 for values whose high bits are spread
 * evenly (hashes, the copies' term codes, a term code << 32 | position): a
 * long array is dealt in place into buckets by its high bits, then each
 * bucket sorted. The same array as sl_sort_u32 / _u64 for any values;
 * values that are not spread cost a pass more than it. */
void sl_sort_u32_spread(uint32_t *a, size_t n);
void sl_sort_u64_spread(uint64_t *a, size_t n);

#endif
