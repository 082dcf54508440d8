/* count_map.c — open-addressing hash of 64-bit keys to 32-bit values,
 * linear probing, grown to keep at most SL_COUNT_MAP_FULL_NUM /
 * SL_COUNT_MAP_FULL_DEN of its slots used. */
#include "count_map.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

static int map_grow(sl_count_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    uint64_t *keys = sl_calloc(cap, sizeof *keys);
    uint32_t *values = sl_calloc(cap, sizeof *values);
    if (!keys || !values) {
        free(keys);
        free(values);
        return SL_UTIL_ENOMEM;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = m->keys[i] & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
    }
    free(m->keys);
    free(m->values);
    m->keys = keys;
    m->values = values;
    m->cap = cap;
    return 0;
}

uint32_t *sl_count_slot_grown(sl_count_map *m, uint64_t key)
{
    return map_grow(m) ? NULL : sl_count_slot(m, key, 1);
}

void sl_count_free(sl_count_map *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
