/* sort.c — ascending sorts of plain integers for the copies stage, which
 * sorts a text's terms for every candidate it compares: quicksort on the
 * values themselves (no comparison calls, unlike qsort), insertion sort for
 * short runs, heapsort past a depth bound so that no input is quadratic.
 * Records sorted by a key are packed into one integer, key in the high
 * bits. Equal values are indistinguishable, so any correct sort gives the
 * same array: these replace qsort without changing any result. */
#include "copies/copies.h"

#define SORT_SHORT 32
#define SORT_DEPTH 64

#define DEFINE_SORT(NAME, T)                                                                       \
    static void NAME##_insertion(T *a, size_t n)                                                   \
    {                                                                                              \
        for (size_t k = 1; k < n; k++) {                                                           \
            T v = a[k];                                                                            \
            size_t j = k;                                                                          \
            for (; j > 0 && a[j - 1] > v; j--)                                                     \
                a[j] = a[j - 1];                                                                   \
            a[j] = v;                                                                              \
        }                                                                                          \
    }                                                                                              \
                                                                                                   \
    static void NAME##_sift(T *a, size_t root, size_t n)                                           \
    {                                                                                              \
        for (size_t child; (child = 2 * root + 1) < n; root = child) {                             \
            if (child + 1 < n && a[child + 1] > a[child])                                          \
                child++;                                                                           \
            if (a[root] >= a[child])                                                               \
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
        return x < y ? (y < z ? y : x < z ? z : x) : (x < z ? x : y < z ? z : y);                  \
    }                                                                                              \
                                                                                                   \
    /* Hoare partition around a median of three; loops on the larger side */                     \
    static void NAME##_quick(T *a, size_t n, unsigned depth)                                       \
    {                                                                                              \
        while (n > SORT_SHORT) {                                                                   \
            if (!depth--) {                                                                        \
                NAME##_heap(a, n);                                                                 \
                return;                                                                            \
            }                                                                                      \
            T pivot = NAME##_median(a[0], a[n / 2], a[n - 1]);                                     \
            size_t i = 0, j = n - 1;                                                               \
            for (;;) {                                                                             \
                while (a[i] < pivot)                                                               \
                    i++;                                                                           \
                while (a[j] > pivot)                                                               \
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
    void NAME(T *a, size_t n)                                                                      \
    {                                                                                              \
        if (n > 1)                                                                                 \
            NAME##_quick(a, n, SORT_DEPTH);                                                        \
    }

DEFINE_SORT(sl_sort_u32, uint32_t)
DEFINE_SORT(sl_sort_u64, uint64_t)
