/* entities.c — names as extra features of an article vector: each word of
 * a name found by the text finder (src/text/names.c) that does not open its
 * sentence ("Reid", "Lohan") and each pair of adjacent words of a name
 * ("Tara Reid") becomes a feature of its own, beside the word's stem. Names are what tell two similar events
 * apart (two rehab stories, two earthquakes), so they weigh more. The
 * features go through the same document frequencies as terms. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/sort.h"

#define ENTITY_SALT 0x9e3779b97f4a7c15ull   /* keeps name features apart from stems */

/* Features by id; equal ones are merged below into one whose count and
 * first sentence do not depend on their order, so the sort need not be
 * stable. */
#define ID_BEFORE(a, b) ((a).id < (b).id)
SL_SORT_DEFINE(static, sort_by_id, sl_term, ID_BEFORE)

static int push(sl_grouper *g, uint64_t id, uint32_t sentence)
{
    return sl_vec_push(&g->entities, ((sl_term){id ^ ENTITY_SALT, 1, sentence}));
}

/* Adds the name features of one text (a body or a title): the words of its
 * names (src/text/names.c) and each adjacent pair. */
static int collect(sl_grouper *g, const sl_analysis *an, const char *text, int is_title,
                   const sl_name_vec *names)
{
    for (size_t n = 0; n < names->n; n++) {
        const sl_name *nm = &names->items[n];
        uint32_t at = is_title ? 0 : nm->sentence;
        uint64_t prev = 0;      /* hash of the previous word of the name, 0 when none */
        for (uint32_t k = nm->first; k < nm->end; k++) {
            const sl_token *t = &an->tokens.items[k];
            bool word = (t->flags & SL_TOK_WORD) && (t->flags & SL_TOK_UPPER) &&
                        !(t->flags & SL_TOK_STOP) &&
                        (is_title || k != nm->first || !(nm->flags & SL_NAME_OPENS));
            if (!word) {
                prev = 0;
                continue;
            }
            sl_buf_clear(&g->fold);
            if (sl_token_fold(text + t->start, t->end - t->start, &g->fold))
                return SL_ENOMEM;
            size_t len = g->fold.len; /* "Lebanon's" is "Lebanon" */
            if (len > 2 && !memcmp(g->fold.ptr + len - 2, "'s", 2))
                len -= 2;
            uint64_t h = sl_hash64(g->fold.ptr, len);
            if (push(g, h, at) || (prev && push(g, h * 31 + prev, at)))
                return SL_ENOMEM;
            prev = h;
        }
    }
    return 0;
}

/* Finds the names of one text, then collects them. */
static int find_and_collect(sl_grouper *g, const sl_analysis *an, const char *text, int is_title,
                            sl_text_names *found)
{
    if (sl_names_find(text, an->tokens.items, an->tokens.n, an->sentences.items, an->sentences.n,
                      &found->names, &found->fold))
        return SL_ENOMEM;
    return collect(g, an, text, is_title, &found->names);
}

int sl_grouper_find_entities(sl_grouper *g, const sl_analysis *body, const char *body_text,
                             const sl_name_vec *body_names, const sl_analysis *title,
                             const char *title_text)
{
    g->entities.n = 0;
    sl_text_names found = {.fold = SL_BUF_INIT};
    int rc = body_names ? collect(g, body, body_text, 0, body_names)
                        : find_and_collect(g, body, body_text, 0, &found);
    if (!rc && title)
        rc = find_and_collect(g, title, title_text, 1, &found);
    sl_vec_free(&found.names);
    sl_buf_free(&found.fold);
    if (rc)
        return rc;
    sl_term_vec *v = &g->entities;
    if (v->n > 1)
        sort_by_id(v->items, v->n);
    size_t n = 0;
    for (size_t i = 0; i < v->n; i++) {
        if (n && v->items[n - 1].id == v->items[i].id) {
            v->items[n - 1].count++;
            if (v->items[i].first < v->items[n - 1].first)
                v->items[n - 1].first = v->items[i].first;
        } else {
            v->items[n++] = v->items[i];
        }
    }
    v->n = n;
    return 0;
}
