/* count_map.h — the project's one open-addressing hash of 64-bit keys to
 * 32-bit counts or ids (document frequencies, pending increments, concept
 * ids). Key 0 is stored as 1, so no key is lost to the empty mark. */
#ifndef SL_UTIL_COUNT_MAP_H
#define SL_UTIL_COUNT_MAP_H

#include <stddef.h>
#include <stdint.h>

/* The most a map fills before it doubles: SL_COUNT_MAP_FULL_NUM /
 * SL_COUNT_MAP_FULL_DEN of its slots (docs/history/benchmarks-rounds.md, "Twenty-eighth
 * round": 4/5 in place of 1/2). */
#define SL_COUNT_MAP_FULL_NUM 4
#define SL_COUNT_MAP_FULL_DEN 5

typedef struct sl_count_map {
    uint64_t *keys;     /* 0: empty slot */
    uint32_t *values;
    size_t cap, used;
} sl_count_map;

/* The map grown to take one more key, then sl_count_slot's answer for
 * `key` (created); NULL when out of memory (the map as it was). */
uint32_t *sl_count_slot_grown(sl_count_map *m, uint64_t key);

/* The u32 of `key`, created (as 0) when `create`; NULL when absent or out
 * of memory. Inline: the stories stage and the store's term dictionary ask
 * it ~680,000 times in an ingest of 1,000 articles, and a call with the
 * registers the growth needs cost a third of each. */
static inline uint32_t *sl_count_slot(sl_count_map *m, uint64_t key, int create)
{
    key = key ? key : 1;
    if (!m->cap)
        return create ? sl_count_slot_grown(m, key) : NULL;
    size_t i = key & (m->cap - 1);
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return &m->values[i];
        i = (i + 1) & (m->cap - 1);
    }
    if (!create)
        return NULL;
    /* Only a new key grows the map: a key already there is found at any
     * fill (an empty slot is always left, so the probe above ends). */
    if ((m->used + 1) * SL_COUNT_MAP_FULL_DEN > m->cap * SL_COUNT_MAP_FULL_NUM)
        return sl_count_slot_grown(m, key);
    m->keys[i] = key;
    m->values[i] = 0;
    m->used++;
    return &m->values[i];
}
void sl_count_free(sl_count_map *m);

#endif
