/* sorted_words.h — a word's place in a sorted array of strings (byte order),
 * by binary search: the sentence splitter's abbreviation lists and the
 * language codes the n-gram model's lists are named by. Inline, as the
 * splitter asks it at every full stop. */
#ifndef SL_UTIL_SORTED_WORDS_H
#define SL_UTIL_SORTED_WORDS_H

#include <stddef.h>
#include <string.h>

/* The index of w[0, len) in list[0, n) (sorted by strcmp), or -1. */
static inline int sl_sorted_words_find(const char *const *list, size_t n, const char *w, size_t len)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t elen = strlen(list[mid]);
        int c = memcmp(w, list[mid], len < elen ? len : elen);
        if (!c)
            c = len < elen ? -1 : len > elen;
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
