/* sorted_words.h — a word's place in a sorted array of strings (byte order),
 * by binary search: the sentence splitter's abbreviation lists and the
 * language codes the n-gram model's lists are named by. Inline, as the
 * splitter asks it at every full stop. */
#ifndef SL_UTIL_SORTED_WORDS_H
#define SL_UTIL_SORTED_WORDS_H

#include <stddef.h>

/* memcmp of w[0, len) and the string e over the shorter length, then the
 * shorter first: a byte at a time, inline (the entries are a few bytes,
 * where a call to strlen and one to memcmp cost more than the compare). */
static inline int sl_sorted_words_cmp(const char *w, size_t len, const char *e)
{
    const unsigned char *u = (const unsigned char *)w, *v = (const unsigned char *)e;
    size_t k = 0;
    while (k < len && v[k] && u[k] == v[k])
        k++;
    if (k == len)
        return v[k] ? -1 : 0;
    return !v[k] || u[k] > v[k] ? 1 : -1;
}

/* The index of w[0, len) in list[0, n) (sorted by strcmp), or -1. */
static inline int sl_sorted_words_find(const char *const *list, size_t n, const char *w, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = sl_sorted_words_cmp(w, len, list[mid]);
        if (!c)
            return (int)mid;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

#endif
