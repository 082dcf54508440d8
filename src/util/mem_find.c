/* mem_find.c — the first place of a short string in a text (mem_find.h).
 * glibc's memmem builds a shift table at each call: ~1,280 instructions a
 * call for the 9,625 `about` strings the facts of the first 1,000 Reuters
 * stories look for in their article (docs/history/benchmarks-rounds.md, "Twenty-fifth
 * round: ingest's CPU"). Those are short and mostly found early, so the
 * places of the needle's first byte (memchr) are compared first; a text
 * with that byte more than FIRST_BYTE_TRIES times before the needle goes
 * on to memmem, so a text built of the first byte stays linear. */
#include <string.h>

#include "util/mem_find.h"

/* Places of the first byte compared before memmem takes the rest: of 8,
 * 16 and 32 on the first 1,000 Reuters stories, 16 cost least (a place
 * compared costs ~60 instructions, a memmem call ~1,280). */
#define FIRST_BYTE_TRIES 16

const char *sl_mem_find(const char *hay, size_t n, const char *needle, size_t len)
{
    const char *p = hay, *end = hay + n;
    if (!len)
        return NULL;
    for (int tries = 0; (size_t)(end - p) >= len; tries++, p++) {
        if (tries == FIRST_BYTE_TRIES)
            return memmem(p, (size_t)(end - p), needle, len);
        p = memchr(p, (unsigned char)needle[0], (size_t)(end - p) - len + 1);
        if (!p)
            return NULL;
        if (!memcmp(p + 1, needle + 1, len - 1))
            return p;
    }
    return NULL;
}
