/* gazetteer.c — place names from the iso-codes Debian package (countries
 * and their subdivisions: states, provinces, regions), loaded once per
 * process and kept as a sorted array of name hashes. No evaluation data. */
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/hash.h"

#define ISO_DIR "/usr/share/iso-codes/json/"

static uint64_t *places;
static size_t n_places;
static int load_error; /* SL_ENOMEM when the list could not be held whole */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Hash of a name lower-cased (ASCII) with runs of spaces as one. */
static uint64_t name_hash(const char *s, size_t n)
{
    char buf[128];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof buf; i++)
        buf[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
    return sl_hash64(buf, k);
}

static void add_name(const char *name, size_t len, size_t *cap)
{
    if (!name || !len)
        return;
    if (n_places == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        uint64_t *p = sl_realloc(places, nc * sizeof *p);
        if (!p) {
            load_error = SL_ENOMEM;
            return;
        }
        places = p;
        *cap = nc;
    }
    places[n_places++] = name_hash(name, len);
}

static void load_file(const char *file, const char *key, size_t *cap)
{
    json_t *root = json_load_file(file, 0, NULL);
    json_t *list = root ? json_object_get(root, key) : NULL;
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry) {
        const char *name = json_string_value(json_object_get(entry, "name"));
        const char *common = json_string_value(json_object_get(entry, "common_name"));
        add_name(name, name ? strlen(name) : 0, cap);
        add_name(common, common ? strlen(common) : 0, cap);
        /* "London, City of", "Korea, Republic of": the name before the
         * comma is the one news text writes */
        const char *comma = name ? strstr(name, ", ") : NULL;
        if (comma)
            add_name(name, (size_t)(comma - name), cap);
    }
    json_decref(root);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void load(void)
{
    /* common short forms iso-codes does not list */
    static const char *const aliases[] = {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE",
                                          "Britain", NULL};
    size_t cap = 0;
    for (int k = 0; aliases[k]; k++)
        add_name(aliases[k], strlen(aliases[k]), &cap);
    load_file(ISO_DIR "iso_3166-1.json", "3166-1", &cap);
    load_file(ISO_DIR "iso_3166-2.json", "3166-2", &cap);
    if (places)
        qsort(places, n_places, sizeof *places, cmp_u64);
}

int sl_facts_places_load(void)
{
    pthread_once(&once, load);
    return load_error;
}

bool sl_facts_is_place(const char *s, size_t n)
{
    pthread_once(&once, load);
    uint64_t h = name_hash(s, n);
    return places && bsearch(&h, places, n_places, sizeof h, cmp_u64);
}
