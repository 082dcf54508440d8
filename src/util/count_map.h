/* count_map.h — the project's one open-addressing hash of 64-bit keys to
 * 32-bit counts or ids (document frequencies, pending increments, concept
 * ids). Key 0 is stored as 1, so no key is lost to the empty mark. */
#ifndef SL_UTIL_COUNT_MAP_H
#define SL_UTIL_COUNT_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_count_map {
    uint64_t *keys;     /* 0: empty slot */
    uint32_t *values;
    size_t cap, used;
} sl_count_map;

/* The u32 of `key`, created (as 0) when `create`; NULL when absent or out of memory. */
uint32_t *sl_count_slot(sl_count_map *m, uint64_t key, int create);
void sl_count_free(sl_count_map *m);

#endif
