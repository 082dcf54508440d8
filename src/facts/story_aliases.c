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
 * two or more words) or by its letters in any case (a name not all in
 * capitals). */
typedef struct full_name {
    uint32_t key;
    bool surname;
    const sl_fact_item *item;
} full_name;

static bool full_less(const full_name *x, const full_name *y)
{
    if (x->key != y->key)
        return x->key < y->key;
    if (x->surname != y->surname)
        return x->surname < y->surname;
    return strcmp(x->item->about, y->item->about) < 0;
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

/* The one name of the story a short form s stands for: [lo, hi) are the
 * full names of its key and kind; NULL where none or two differ. */
static const sl_fact_item *only_name(const full_name *f, size_t lo, size_t hi, const char *s,
                                     bool surname)
{
    const sl_fact_item *found = NULL;
    for (size_t k = lo; k < hi; k++) {
        const char *name = f[k].item->about;
        bool fits = surname ? !strcmp(last_word(name), s) : !strcasecmp(name, s);
        if (!fits)
            continue;
        if (found && strcmp(found->about, name))
            return NULL; /* "Coldwell": Marian and Ross Coldwell */
        found = f[k].item;
    }
    return found;
}

/* The full names' range of a key and kind in the sorted f[0, n). */
static const sl_fact_item *lookup(const full_name *f, size_t n, uint32_t key, bool surname,
                                  const char *s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (f[mid].key < key || (f[mid].key == key && f[mid].surname < surname))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < n && f[end].key == key && f[end].surname == surname)
        end++;
    return only_name(f, lo, end, s, surname);
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
            f[k++] = (full_name){sl_facts_word_hash(last, strlen(last)), true, it};
        if (!all_capitals(it->about))
            f[k++] = (full_name){sl_facts_word_hash(it->about, strlen(it->about)), false, it};
    }
    sort_full_names(f, k);
    int rc = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        sl_fact_item *it = &items[i];
        if (!sl_facts_named_entity(it) || strchr(it->about, ' '))
            continue;
        uint32_t key = sl_facts_word_hash(it->about, strlen(it->about));
        const sl_fact_item *to = NULL;
        if (!strcmp(it->detail, "person") && !it->role)
            to = lookup(f, k, key, true, it->about); /* "Coldwell": "Marian Coldwell" */
        else if (all_capitals(it->about))
            to = lookup(f, k, key, false, it->about); /* "KERSK": "Kersk" */
        if (to)
            rc = rename_item(it, to);
    }
    free(f);
    return rc;
}
