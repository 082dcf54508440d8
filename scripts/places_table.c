/* places_table.c — makes the gazetteer's table at build time (the Makefile
 * runs it into BUILD/gen/places.c): the country and subdivision names of the
 * iso-codes Debian package, with the short forms news text writes, as their
 * sorted name hashes (sl_facts_place_hash). Reading the package's 540 KB of
 * JSON cost every process 107 M instructions when it was done at run time.
 * Without iso-codes the table holds the short forms alone. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"

#define ISO_DIR "/usr/share/iso-codes/json/"

typedef struct hash_vec {
    uint64_t *items;
    size_t n, cap;
} hash_vec;

static void add_name(hash_vec *v, const char *name, size_t len)
{
    if (!name || !len)
        return;
    if (v->n == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 1024;
        if (!(v->items = realloc(v->items, v->cap * sizeof *v->items))) {
            fprintf(stderr, "places_table: out of memory\n");
            exit(1);
        }
    }
    v->items[v->n++] = sl_facts_place_hash(name, len);
}

static void add_file(hash_vec *v, const char *file, const char *key)
{
    json_t *root = json_load_file(file, 0, NULL);
    json_t *list = root ? json_object_get(root, key) : NULL;
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry) {
        const char *name = json_string_value(json_object_get(entry, "name"));
        const char *common = json_string_value(json_object_get(entry, "common_name"));
        add_name(v, name, name ? strlen(name) : 0);
        add_name(v, common, common ? strlen(common) : 0);
        /* "London, City of", "Korea, Republic of": the name before the
         * comma is the one news text writes */
        const char *comma = name ? strstr(name, ", ") : NULL;
        if (comma)
            add_name(v, name, (size_t)(comma - name));
    }
    json_decref(root);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(void)
{
    /* common short forms iso-codes does not list */
    static const char *const aliases[] = {"US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE",
                                          "Britain", NULL};
    hash_vec v = {0};
    for (int k = 0; aliases[k]; k++)
        add_name(&v, aliases[k], strlen(aliases[k]));
    add_file(&v, ISO_DIR "iso_3166-1.json", "3166-1");
    add_file(&v, ISO_DIR "iso_3166-2.json", "3166-2");
    qsort(v.items, v.n, sizeof *v.items, cmp_u64);
    printf("/* places.c — made by scripts/places_table.c from iso-codes: do not edit. */\n"
           "#include \"facts/facts.h\"\n\nconst uint64_t sl_facts_places[] = {\n");
    size_t n = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (i && v.items[i] == v.items[i - 1])
            continue; /* a name both files list */
        printf("    0x%016llxu,\n", (unsigned long long)v.items[i]);
        n++;
    }
    if (!n)
        printf("    0\n"); /* C has no empty array; the count says 0 */
    printf("};\nconst size_t sl_facts_n_places = %zu;\n", n);
    free(v.items);
    return ferror(stdout) ? 1 : 0;
}
