/* lists.c — the extractors' word lists looked up by hash: each static list
 * (a NULL-terminated array of words, tested against tokens ASCII case
 * aside) gets, on its first use, a hash table of its words that lives as
 * long as the process. The extractors test lists at every token; a scan of
 * the list there was the largest cost of the facts stage (docs/history/benchmarks-rounds.md,
 * "The facts stage's word lists"). */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "util/alloc.h"

/* A list's table: open addressing, a power of two of slots at least twice
 * the words, each the word's hash and its index in the list (-1 empty). */
typedef struct list_slot {
    uint32_t hash;
    int32_t index;
} list_slot;

/* A table's bloom filter: bit (hash >> BLOOM_SHIFT) set for each word's
 * hash. 1,024 bits: with 64, a third of the lookups (mostly words in no
 * list) found their bit set and probed the table. */
#define BLOOM_LOG2 10
#define BLOOM_SHIFT (32 - BLOOM_LOG2)
typedef struct list_table {
    uint64_t bloom[(1u << BLOOM_LOG2) / 64];
    uint32_t mask;
    list_slot slot[];
} list_table;

/* The tables, keyed by the list's address. A slot is published by its
 * `list` pointer (release) after its table; readers take it with acquire
 * and never lock. Writers hold `tables_lock`. More lists than slots only
 * means the extra lists are scanned. 4,096 slots for the ~100 lists: at
 * 256, which lists met another in their first slot (and took the slower
 * path, find_elsewhere) was the link's layout, 1.7 to 11.3 M instructions
 * of the first 1,000 Reuters stories as unrelated code moved; now 0.3 M
 * (docs/history/benchmarks-rounds.md, "Twenty-second round"). 64 KB, touched where used. */
#define LIST_SLOTS_LOG2 12
#define LIST_SLOTS (1u << LIST_SLOTS_LOG2) /* first_slot's bits */
static struct {
    _Atomic(const char *const *) list;
    const list_table *table;
} tables[LIST_SLOTS];
static pthread_mutex_t tables_lock = PTHREAD_MUTEX_INITIALIZER;

/* Whether s[0, n) is w, ASCII case aside: strncasecmp, as the C locale the
 * library runs in folds only ASCII. */
static bool same_word(const char *s, size_t n, const char *w)
{
    return ((unsigned char)s[0] | 0x20) == ((unsigned char)w[0] | 0x20) &&
           !strncasecmp(s, w, n) && w[n] == '\0';
}

/* The list word by word (an empty token, no table); apart, as it is rare. */
__attribute__((noinline)) static int scan(const char *const *list, const char *s, size_t n)
{
    for (int k = 0; list[k]; k++)
        if (same_word(s, n, list[k]))
            return k;
    return -1;
}

/* A table of the list's words; a word met again (case aside) keeps its
 * first index, as the scan finds it. NULL when out of memory. */
static list_table *table_new(const char *const *list)
{
    size_t words = 0, slots = 8;
    while (list[words])
        words++;
    while (slots < 2 * words)
        slots *= 2;
    list_table *t = sl_malloc(sizeof *t + slots * sizeof t->slot[0]);
    if (!t)
        return NULL;
    t->mask = (uint32_t)(slots - 1);
    memset(t->bloom, 0, sizeof t->bloom);
    for (size_t k = 0; k < slots; k++)
        t->slot[k].index = -1;
    for (size_t k = 0; k < words; k++) {
        size_t n = strlen(list[k]);
        uint32_t h = sl_facts_word_hash(list[k], n), at = h & t->mask;
        t->bloom[h >> BLOOM_SHIFT >> 6] |= (uint64_t)1 << (h >> BLOOM_SHIFT & 63);
        while (t->slot[at].index >= 0 &&
               !(t->slot[at].hash == h && strlen(list[t->slot[at].index]) == n &&
                 !strncasecmp(list[t->slot[at].index], list[k], n)))
            at = (at + 1) & t->mask;
        if (t->slot[at].index < 0)
            t->slot[at] = (list_slot){h, (int32_t)k};
    }
    return t;
}

/* The slot a list's search starts at: the top bits of a Fibonacci hash of
 * its address (the low ones repeat the address's alignment). */
static uint32_t first_slot(const char *const *list)
{
    return (uint32_t)((uintptr_t)list * 2654435761u) >> (32 - LIST_SLOTS_LOG2);
}

/* The table of `list` when a lookup met a free slot before it: under the
 * lock, the slot found again or taken, the table made. NULL when out of
 * memory or out of slots. Apart from table_of so that its lookups make no
 * call (and save no registers). */
__attribute__((noinline)) static const list_table *table_made(const char *const *list)
{
    const list_table *t = NULL;
    pthread_mutex_lock(&tables_lock);
    for (uint32_t k = 0, start = first_slot(list); k < LIST_SLOTS; k++) {
        uint32_t at = (start + k) % LIST_SLOTS;
        const char *const *in = atomic_load_explicit(&tables[at].list, memory_order_relaxed);
        if (in == list) {
            t = tables[at].table;
            break;
        }
        if (!in) {
            if ((t = table_new(list))) {
                tables[at].table = t;
                atomic_store_explicit(&tables[at].list, list, memory_order_release);
            }
            break;
        }
    }
    pthread_mutex_unlock(&tables_lock);
    return t;
}

/* The table of `list` when it has one; NULL when a lookup met a free slot
 * before it (its first use) or found no room. */
static const list_table *table_of(const char *const *list)
{
    for (uint32_t k = 0, start = first_slot(list); k < LIST_SLOTS; k++) {
        uint32_t at = (start + k) % LIST_SLOTS;
        const char *const *in = atomic_load_explicit(&tables[at].list, memory_order_acquire);
        if (in == list)
            return tables[at].table;
        if (!in)
            return NULL;
    }
    return NULL;
}

/* The index of s[0, n) among the slots of `t` that hold `hash`. */
__attribute__((noinline)) static int probe(const list_table *t, const char *const *list,
                                           const char *s, size_t n, uint32_t hash)
{
    for (uint32_t at = hash & t->mask; t->slot[at].index >= 0; at = (at + 1) & t->mask)
        if (t->slot[at].hash == hash && same_word(s, n, list[t->slot[at].index]))
            return t->slot[at].index;
    return -1;
}

/* The index of s[0, n) in the list whose table is t. */
static inline int find_in(const list_table *t, const char *const *list, const char *s, size_t n,
                          uint32_t hash)
{
    if (!(t->bloom[hash >> BLOOM_SHIFT >> 6] >> (hash >> BLOOM_SHIFT & 63) & 1))
        return -1; /* most tokens are in no list: one bit tells */
    return probe(t, list, s, n, hash);
}

/* A lookup in a list table_of found no table for: made now (table_made),
 * or the list scanned when it cannot be. */
static int find_new(const char *const *list, const char *s, size_t n, uint32_t hash)
{
    const list_table *t = table_made(list);
    return t ? probe(t, list, s, n, hash) : scan(list, s, n);
}

/* The index of s[0, n) in a list whose table is not in its first slot (a
 * list that met another in that slot, or at its first use), or of an
 * empty token: apart from sl_facts_list_find, so that its usual path makes
 * no call but the probe (and saves no registers). */
__attribute__((noinline)) static int find_elsewhere(const char *const *list, const char *s,
                                                    size_t n, uint32_t hash)
{
    if (!n)
        return scan(list, s, n);
    const list_table *t = table_of(list);
    return t ? find_in(t, list, s, n, hash) : find_new(list, s, n, hash);
}

int sl_facts_list_find(const char *const *list, const char *s, size_t n, uint32_t hash)
{
    uint32_t at = first_slot(list); /* where nearly every list's table is */
    if (atomic_load_explicit(&tables[at].list, memory_order_acquire) != list || !n)
        return find_elsewhere(list, s, n, hash);
    return find_in(tables[at].table, list, s, n, hash);
}
