/* gazetteer.c — place names from the iso-codes Debian package (countries
 * and their subdivisions: states, provinces, regions), loaded once per
 * process and kept as a sorted array of name hashes. No evaluation data. */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/hash.h"

#define ISO_DIR "/usr/share/iso-codes/json/"

static sl_place_hashes places;
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

static void add_name(sl_place_hashes *to, const char *name, size_t n)
{
    if (!name || !n || to->err)
        return;
    if (to->n == to->cap) {
        size_t nc = to->cap ? to->cap * 2 : 1024;
        uint64_t *p = sl_realloc(to->items, nc * sizeof *p);
        if (!p) {
            to->err = SL_ENOMEM;
            return;
        }
        to->items = p;
        to->cap = nc;
    }
    to->items[to->n++] = name_hash(name, n);
}

static void parse_file(const char *file, const char *key, sl_place_hashes *to)
{
    json_t *root = json_load_file(file, 0, NULL);
    json_t *list = root ? json_object_get(root, key) : NULL;
    size_t i;
    json_t *entry;
    json_array_foreach(list, i, entry) {
        const char *name = json_string_value(json_object_get(entry, "name"));
        const char *common = json_string_value(json_object_get(entry, "common_name"));
        add_name(to, name, name ? strlen(name) : 0);
        add_name(to, common, common ? strlen(common) : 0);
    }
    json_decref(root);
}

static bool read_whole(const char *file, sl_buf *out)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return false;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        sl_buf_put(out, chunk, got);
    bool ok = !ferror(f) && !out->err;
    fclose(f);
    return ok;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
        i++;
    return i;
}

static bool is_word(const char *s, size_t n, const char *w)
{
    return n == strlen(w) && !memcmp(s, w, n);
}

/* The names of one iso-codes file by a scan of its bytes: the string values
 * of the "name" and "common_name" members of the objects in the array under
 * `key` (depth 3: the root object, the array, an entry), as parse_file takes
 * them. jansson took ~100 M instructions for the two files (545 KB) in every
 * process that reads facts, a scan ~3 M (docs/benchmarks.md, "The facts
 * stage's word lists"). False, and nothing added, for a file it cannot read
 * or one with a backslash (an escape the scan does not decode): parse_file
 * reads those. Unit test facts_places_scan_as_jansson. */
static bool scan_file(const char *file, const char *key, sl_place_hashes *to)
{
    sl_buf text = SL_BUF_INIT;
    if (!read_whole(file, &text) || !text.len || memchr(text.ptr, '\\', text.len)) {
        sl_buf_free(&text);
        return false;
    }
    const char *s = text.ptr;
    size_t len = text.len, depth = 0;
    bool in_key = false; /* inside the array under `key` */
    for (size_t i = 0; i < len;) {
        if (s[i] == '{' || s[i] == '[') {
            depth++;
        } else if (s[i] == '}' || s[i] == ']') {
            if (depth && --depth < 2)
                in_key = false;
        } else if (s[i] == '"') {
            const char *close = memchr(s + i + 1, '"', len - i - 1);
            if (!close)
                break;
            size_t a = i + 1, n = (size_t)(close - s) - a;
            size_t j = skip_space(s, len, (size_t)(close - s) + 1);
            if (j < len && s[j] == ':') { /* a member's name */
                j = skip_space(s, len, j + 1);
                if (depth == 1)
                    in_key = is_word(s + a, n, key);
                else if (depth == 3 && in_key && j < len && s[j] == '"' &&
                         (is_word(s + a, n, "name") || is_word(s + a, n, "common_name"))) {
                    const char *end = memchr(s + j + 1, '"', len - j - 1);
                    if (!end)
                        break;
                    add_name(to, s + j + 1, (size_t)(end - s) - j - 1);
                    j = (size_t)(end - s) + 1;
                }
                i = j;
                continue;
            }
            i = (size_t)(close - s) + 1;
            continue;
        }
        i++;
    }
    sl_buf_free(&text);
    return true;
}

int sl_facts_places_read(const char *file, const char *key, bool parse, sl_place_hashes *to)
{
    if (parse || !scan_file(file, key, to))
        parse_file(file, key, to);
    return to->err;
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
    for (int k = 0; aliases[k]; k++)
        add_name(&places, aliases[k], strlen(aliases[k]));
    sl_facts_places_read(ISO_DIR "iso_3166-1.json", "3166-1", false, &places);
    sl_facts_places_read(ISO_DIR "iso_3166-2.json", "3166-2", false, &places);
    if (places.items)
        qsort(places.items, places.n, sizeof *places.items, cmp_u64);
}

int sl_facts_places_load(void)
{
    pthread_once(&once, load);
    return places.err;
}

bool sl_facts_is_place(const char *s, size_t n)
{
    pthread_once(&once, load);
    uint64_t h = name_hash(s, n);
    return places.items && bsearch(&h, places.items, places.n, sizeof h, cmp_u64);
}
