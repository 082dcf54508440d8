/* count_map.h — the project's one open-addressing hash of 64-bit keys to
 * 32-bit counts or ids (document frequencies, pending increments, concept
 * ids). Key 0 is stored as 1, so no key is lost to the empty mark. A map
 * made with two columns (sl_count_pair) serves two owners that key the
 * same terms, one column each (sl_count_cell). */
#ifndef SL_UTIL_COUNT_MAP_H
#define SL_UTIL_COUNT_MAP_H

#include <stddef.h>
#include <stdint.h>

/* The most a map fills before it doubles: SL_COUNT_MAP_FULL_NUM /
 * SL_COUNT_MAP_FULL_DEN of its slots (docs/history/benchmarks-rounds.md, "Twenty-eighth
 * round": 4/5 in place of 1/2). */
#define SL_COUNT_MAP_FULL_NUM 4
#define SL_COUNT_MAP_FULL_DEN 5

/* In a column of a map of two: no value for the key (never a value). */
#define SL_COUNT_NONE UINT32_MAX

typedef struct sl_count_map {
    uint64_t *keys;     /* 0: empty slot */
    uint32_t *values;   /* column 0 */
    uint32_t *more;     /* column 1 of a map of two, NULL otherwise */
    size_t cap, used;
    int pair;           /* two columns (sl_count_pair) */
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

/* Makes the empty map m a map of two columns. */
void sl_count_pair(sl_count_map *m);

/* The map of two grown to take one more key, then sl_count_cell's answer
 * for `key` (created); NULL when out of memory (the map as it was). */
uint32_t *sl_count_cell_grown(sl_count_map *m, int column, uint64_t key);

/* sl_count_slot of a column: the u32 of `key` in `column` (0, or 1 in a
 * map of two), created (as 0) when `create`; NULL when the column has no
 * value for it (SL_COUNT_NONE) or out of memory. A key made through one
 * column has none in the other. The stories stage's document frequencies
 * and the store dictionary's ids key the same terms: one map of two
 * columns held all Reuters' 156,250 terms in 4.2 MB where two maps took
 * 6.3 (docs/history/benchmarks-rounds.md, "Thirty-fourth round", second
 * part). */
static inline uint32_t *sl_count_cell(sl_count_map *m, int column, uint64_t key, int create)
{
    if (!m->pair)
        return sl_count_slot(m, key, create);
    key = key ? key : 1;
    if (!m->cap)
        return create ? sl_count_cell_grown(m, column, key) : NULL;
    size_t i = key & (m->cap - 1);
    for (; m->keys[i]; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] != key)
            continue;
        uint32_t *cell = column ? &m->more[i] : &m->values[i];
        if (*cell == SL_COUNT_NONE) {
            if (!create)
                return NULL;
            *cell = 0;
        }
        return cell;
    }
    if (!create)
        return NULL;
    if ((m->used + 1) * SL_COUNT_MAP_FULL_DEN > m->cap * SL_COUNT_MAP_FULL_NUM)
        return sl_count_cell_grown(m, column, key);
    m->keys[i] = key;
    m->used++;
    m->values[i] = column ? SL_COUNT_NONE : 0;
    m->more[i] = column ? 0 : SL_COUNT_NONE;
    return column ? &m->more[i] : &m->values[i];
}

/* Every value of `column` gone (SL_COUNT_NONE); the keys stay. */
void sl_count_clear(sl_count_map *m, int column);

/* The keys that have no value in any column taken out (the map rebuilt);
 * SL_UTIL_ENOMEM (the map as it was) when out of memory. */
int sl_count_prune(sl_count_map *m);

#endif
