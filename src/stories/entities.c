/* entities.c — names as extra features of an article vector: each
 * capitalised word that does not open its sentence ("Reid", "Lohan") and
 * each pair of adjacent capitalised words ("Tara Reid") becomes a feature of
 * its own, beside the word's stem. Names are what tell two similar events
 * apart (two rehab stories, two earthquakes), so they weigh more. The
 * features go through the same document frequencies as terms. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"

#define ENTITY_SALT 0x9e3779b97f4a7c15ull   /* keeps name features apart from stems */

static int by_id(const void *a, const void *b)
{
    uint64_t x = ((const sl_term *)a)->id, y = ((const sl_term *)b)->id;
    return x < y ? -1 : x > y;
}

/* Is token k the first word of its sentence? */
static int opens_sentence(const sl_analysis *an, size_t k, size_t *sentence)
{
    const sl_token *t = &an->tokens.items[k];
    while (*sentence < an->sentences.n && an->sentences.items[*sentence].end <= t->start)
        (*sentence)++;
    if (*sentence >= an->sentences.n)
        return 0;
    uint32_t start = an->sentences.items[*sentence].start;
    for (size_t j = k; j-- > 0;) { /* any word between the sentence start and this token? */
        if (an->tokens.items[j].end <= start)
            break;
        if (an->tokens.items[j].flags & SL_TOK_WORD)
            return 0;
    }
    return 1;
}

static int push(sl_grouper *g, uint64_t id, uint32_t sentence)
{
    return sl_vec_push(&g->entities, ((sl_term){id ^ ENTITY_SALT, 1, sentence}));
}

/* Adds the name features of one text (a body or a title). */
static int collect(sl_grouper *g, const sl_analysis *an, const char *text, int is_title)
{
    size_t sentence = 0;
    uint64_t prev = 0;      /* hash of the previous capitalised word, 0 when none */
    for (size_t k = 0; k < an->tokens.n; k++) {
        const sl_token *t = &an->tokens.items[k];
        int name = (t->flags & SL_TOK_WORD) && (t->flags & SL_TOK_UPPER) &&
                   !(t->flags & SL_TOK_STOP) && (is_title || !opens_sentence(an, k, &sentence));
        if (!name) {
            prev = 0;
            continue;
        }
        sl_buf_clear(&g->fold);
        if (sl_token_fold(text + t->start, t->end - t->start, &g->fold))
            return SL_ENOMEM;
        uint64_t h = sl_hash64(g->fold.ptr, g->fold.len);
        uint32_t at = is_title ? 0 : (uint32_t)sentence;
        if (push(g, h, at) || (prev && push(g, h * 31 + prev, at)))
            return SL_ENOMEM;
        prev = h;
    }
    return 0;
}

int sl_grouper_find_entities(sl_grouper *g, const sl_analysis *body, const char *body_text,
                             const sl_analysis *title, const char *title_text)
{
    g->entities.n = 0;
    if (collect(g, body, body_text, 0) || (title && collect(g, title, title_text, 1)))
        return SL_ENOMEM;
    sl_term_vec *v = &g->entities;
    if (v->n > 1)
        qsort(v->items, v->n, sizeof *v->items, by_id);
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
