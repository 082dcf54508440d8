/* int_sort.c — ascending sorts of plain integers (sort.h's introsort; no
 * comparison calls, unlike qsort), and the same keeping one of each value.
 * The copies stage sorts a text's terms for every candidate it compares;
 * the summary and the timeline sort their stems. Records sorted by a key
 * are packed into one integer, key in the high bits. Equal values are
 * indistinguishable, so any correct sort gives the same array: these
 * replace qsort without changing any result. */
#include "sort.h"

#include <stdint.h>

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
