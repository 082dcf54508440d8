/* count_map.c — open-addressing hash of 64-bit keys to 32-bit values (one
 * column, or two), linear probing, grown to keep at most
 * SL_COUNT_MAP_FULL_NUM / SL_COUNT_MAP_FULL_DEN of its slots used. */
#include "count_map.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

/* Whether slot i holds a key with a value in some column. */
static int live(const sl_count_map *m, size_t i)
{
    return m->keys[i] && (!m->pair || m->values[i] != SL_COUNT_NONE || m->more[i] != SL_COUNT_NONE);
}

/* m's live keys moved into `cap` slots. */
static int rebuild(sl_count_map *m, size_t cap)
{
    uint64_t *keys = sl_calloc(cap, sizeof *keys);
    uint32_t *values = sl_calloc(cap, sizeof *values);
    uint32_t *more = m->pair ? sl_calloc(cap, sizeof *more) : NULL;
    if (!keys || !values || (m->pair && !more)) {
        free(keys);
        free(values);
        free(more);
        return SL_UTIL_ENOMEM;
    }
    size_t used = 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!live(m, i))
            continue;
        size_t j = m->keys[i] & (cap - 1);
        while (keys[j])
            j = (j + 1) & (cap - 1);
        keys[j] = m->keys[i];
        values[j] = m->values[i];
        if (more)
            more[j] = m->more[i];
        used++;
    }
    free(m->keys);
    free(m->values);
    free(m->more);
    m->keys = keys;
    m->values = values;
    m->more = more;
    m->cap = cap;
    m->used = used;
    return 0;
}

static int map_grow(sl_count_map *m) { return rebuild(m, m->cap ? m->cap * 2 : 1024); }

uint32_t *sl_count_slot_grown(sl_count_map *m, uint64_t key)
{
    return map_grow(m) ? NULL : sl_count_slot(m, key, 1);
}

uint32_t *sl_count_cell_grown(sl_count_map *m, int column, uint64_t key)
{
    return map_grow(m) ? NULL : sl_count_cell(m, column, key, 1);
}

void sl_count_free(sl_count_map *m)
{
    int pair = m->pair;
    free(m->keys);
    free(m->values);
    free(m->more);
    memset(m, 0, sizeof *m);
    m->pair = pair;
}

void sl_count_pair(sl_count_map *m) { m->pair = 1; }

void sl_count_clear(sl_count_map *m, int column)
{
    uint32_t *values = column ? m->more : m->values;
    if (values)
        memset(values, 0xff, m->cap * sizeof *values); /* SL_COUNT_NONE */
}

int sl_count_prune(sl_count_map *m)
{
    return m->cap ? rebuild(m, m->cap) : 0;
}
