/* mem_find.h — the first place of a short string in a text, memmem's
 * answer at less cost when the string is short and found early (the
 * facts' `about` strings in their article, src/store/fact_items.c). */
#ifndef SL_UTIL_MEM_FIND_H
#define SL_UTIL_MEM_FIND_H

#include <stddef.h>

/* The first place of needle[0, len) in hay[0, n), NULL when none or when
 * len is 0: what memmem gives for len >= 1. */
const char *sl_mem_find(const char *hay, size_t n, const char *needle, size_t len);

#endif
