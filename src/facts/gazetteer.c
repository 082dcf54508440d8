/* gazetteer.c — place names from the iso-codes Debian package (countries
 * and their subdivisions: states, provinces, regions), read at build time
 * by scripts/places_table.c into a sorted table of name hashes
 * (BUILD/gen/places.c). No evaluation data. */
#include <stdlib.h>

#include "facts/facts.h"

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

bool sl_facts_is_place(const char *s, size_t n)
{
    uint64_t h = sl_facts_place_hash(s, n);
    return bsearch(&h, sl_facts_places, sl_facts_n_places, sizeof h, cmp_u64) != NULL;
}
