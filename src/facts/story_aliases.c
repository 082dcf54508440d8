/* story_aliases.c — one name per entity across a story's articles: an
 * article that names a person by the surname alone ("Coldwell said") or a
 * place in capitals alone ("officials in KERSK") lists it under the name
 * the story's other articles give it in full ("Marian Coldwell", "Kersk").
 * The article itself resolves its own short forms (entities.c); this step
 * runs on a story's stored items before they are typed by the story
 * (story_names.c), so every reader lists the same rows. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "facts/facts.h"
#include "util/alloc.h"
#include "util/sort.h"

/* A name a short form may stand for: keyed by its surname (a person's of
 * two or more words) or by its letters in any case (every name: the
 * capitals are counted against their other forms). */
typedef struct full_name {
    uint32_t key;
    bool surname;
    const sl_fact_item *item;
    const sl_fact_item *to; /* a name in capitals: the form it takes (case_variant) */
} full_name;

static bool full_less(const full_name *x, const full_name *y)
{
    if (x->key != y->key)
        return x->key < y->key;
    if (x->surname != y->surname)
        return x->surname < y->surname;
    int by_name = strcmp(x->item->about, y->item->about);
    return by_name ? by_name < 0 : strcmp(x->item->detail, y->item->detail) < 0;
}
#define FULL_LESS(x, y) full_less(&(x), &(y))
SL_SORT_DEFINE(static, sort_full_names, full_name, FULL_LESS)

static bool all_capitals(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (s[n] < 'A' || s[n] > 'Z')
            return false;
    return n >= 2;
}

/* The last word of a name of two or more words ("Coldwell"), NULL for one word. */
static const char *last_word(const char *name)
{
    const char *space = strrchr(name, ' ');
    return space ? space + 1 : NULL;
}

/* The one person's name of the story that ends with the surname s: f[lo,
 * hi) are the full names of its key; NULL where none or two differ. */
static const sl_fact_item *only_name(const full_name *f, size_t lo, size_t hi, const char *s)
{
    const sl_fact_item *found = NULL;
    for (size_t k = lo; k < hi; k++) {
        const char *name = f[k].item->about;
        if (strcmp(last_word(name), s))
            continue;
        if (found && strcmp(found->about, name))
            return NULL; /* "Coldwell": Marian and Ross Coldwell */
        found = f[k].item;
    }
    return found;
}

/* How many items of f[lo, hi) are written `form`, as it is: "Opec" is not "OPEC". */
static size_t written(const full_name *f, size_t lo, size_t hi, const char *form)
{
    size_t n = 0;
    for (size_t k = lo; k < hi; k++)
        n += f[k].item->text && !strcmp(f[k].item->text, form);
    return n;
}

/* The story's one name with the letters of the capitals `it` stands under
 * in another case, f[lo, hi) the names of its key, of the same type where
 * one is: where the story writes that form at least as often as the
 * capitals ("KERSK" once, "Kersk" once: "Kersk"; "CMOS" once, "CMOs" five
 * times). NULL where none, where two differ, where the capitals are
 * written more often (an acronym: "OPEC" 49 times, "Opec" 14 times in one
 * story of Reuters' first 1,000 articles), or where the form is a
 * person's and the capitals an organisation's. Counted as written, not as
 * named: an article that writes "CMOS" first names its later "CMOs" so. */
static const sl_fact_item *case_variant(const full_name *f, size_t lo, size_t hi,
                                        const sl_fact_item *it)
{
    const sl_fact_item *found = NULL;
    for (size_t k = lo; k < hi; k++) {
        const sl_fact_item *v = f[k].item;
        if (!strcmp(v->about, it->about) || strcasecmp(v->about, it->about))
            continue;
        if (found && strcmp(found->about, v->about))
            return NULL;
        if (!found || (strcmp(found->detail, it->detail) && !strcmp(v->detail, it->detail)))
            found = v;
    }
    if (!found || written(f, lo, hi, found->about) < written(f, lo, hi, it->about) ||
        (!strcmp(it->detail, "organization") && !strcmp(found->detail, "person")))
        return NULL;
    return found;
}

/* Sets `to` of each name in capitals of the sorted f[0, n), before any is
 * renamed: once per run of one name and type (a story may write "US" ten
 * thousand times). */
static void capitals_to(full_name *f, size_t n)
{
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && f[hi].key == f[lo].key && f[hi].surname == f[lo].surname; hi++) {
        }
        for (size_t k = lo, e; !f[lo].surname && k < hi; k = e) {
            const sl_fact_item *it = f[k].item;
            for (e = k + 1; e < hi && !strcmp(f[e].item->about, it->about) &&
                            !strcmp(f[e].item->detail, it->detail);
                 e++) {
            }
            const sl_fact_item *to = all_capitals(it->about) ? case_variant(f, lo, hi, it) : NULL;
            for (size_t j = k; j < e; j++)
                f[j].to = to;
        }
    }
}

/* The start of the surnames `key` in the sorted f[0, n); *end their end. */
static size_t surnames(const full_name *f, size_t n, uint32_t key, size_t *end)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f[mid].key < key || (f[mid].key == key && !f[mid].surname))
            lo = mid + 1;
        else
            hi = mid;
    }
    *end = lo;
    while (*end < n && f[*end].key == key && f[*end].surname)
        (*end)++;
    return lo;
}

/* Renames item `it` to the name `to` stands under, with its type. */
static int rename_item(sl_fact_item *it, const sl_fact_item *to)
{
    char *about = sl_strdup(to->about), *type = sl_strdup(to->detail);
    if (!about || !type) {
        free(about);
        free(type);
        return SL_ENOMEM;
    }
    free(it->about);
    free(it->detail);
    it->about = about;
    it->detail = type;
    return 0;
}

/* Renames each role-less person of the sorted f[0, n) named by one word to
 * the story's one person's name that ends with it ("Coldwell": "Marian
 * Coldwell"): looked up once per run of one name, not once per item (a
 * story of ten thousand articles may write "Coldwell" in each). */
static int surnames_to_full_names(const full_name *f, size_t n, sl_fact_item *items)
{
    int rc = 0;
    for (size_t k = 0, e; k < n && !rc; k = e) {
        const char *name = f[k].item->about;
        for (e = k + 1; e < n && f[e].key == f[k].key && f[e].surname == f[k].surname &&
                        !strcmp(f[e].item->about, name);
             e++) {
        }
        if (f[k].surname || strchr(name, ' '))
            continue;
        size_t end, lo = surnames(f, n, f[k].key, &end);
        const sl_fact_item *to = only_name(f, lo, end, name);
        for (size_t j = k; to && j < e && !rc; j++) {
            sl_fact_item *it = &items[f[j].item - items];
            if (!strcmp(it->detail, "person") && !it->role)
                rc = rename_item(it, to);
        }
    }
    return rc;
}

int sl_facts_story_aliases(sl_fact_item *items, size_t n)
{
    size_t n_full = 0;
    for (size_t i = 0; i < n; i++)
        n_full += sl_facts_named_entity(&items[i]) ? 2 : 0;
    if (!n_full)
        return 0;
    full_name *f = sl_calloc(n_full, sizeof *f);
    if (!f)
        return SL_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const sl_fact_item *it = &items[i];
        if (!sl_facts_named_entity(it))
            continue;
        const char *last = last_word(it->about);
        if (last && !strcmp(it->detail, "person"))
            f[k++] = (full_name){sl_facts_word_hash(last, strlen(last)), true, it, NULL};
        f[k++] = (full_name){sl_facts_word_hash(it->about, strlen(it->about)), false, it, NULL};
    }
    sort_full_names(f, k);
    capitals_to(f, k);
    int rc = surnames_to_full_names(f, k, items);
    for (size_t j = 0; j < k && !rc; j++) {
        sl_fact_item *it = &items[f[j].item - items];
        if (f[j].to && (strcmp(it->detail, "person") || it->role))
            rc = rename_item(it, f[j].to); /* "KERSK": "Kersk" */
    }
    free(f);
    return rc;
}
