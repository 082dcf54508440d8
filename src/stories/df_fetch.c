/* df_fetch.c — the grouper's document frequencies read on demand: before an
 * article is vectorised, each of its terms (body, title, name features) not
 * yet in memory has its count read from the store, so that opening a store
 * reads none of its term counts, and memory grows with the terms an ingest
 * meets, not with the store. The counts in memory are then the stored ones
 * plus this process's increments, as when all were loaded at open. A story's
 * search (its centroid the query: a link again, a take-in, a merge, a
 * revisit's member) reads the counts of its query's terms too: the
 * common-term rule of the search must see them as a process that counted
 * every article does (docs/stories.md "Same result whatever the batch").
 * The counts of the languages' pseudo-terms (languages.c) are read when the
 * grouper is loaded: the collection's language is the most counted. */
#include "internal.h"

#include "text/text.h"

/* Notes `term` to be read unless its count is in memory already. */
static int note(sl_grouper *g, uint64_t term)
{
    if (sl_df_cell(g, term, 0))
        return 0;
    return sl_vec_push(&g->fetch, sl_term_key(term)) ? SL_ENOMEM : 0;
}

/* Reads the noted terms' counts by one call of `get`, then keeps each in
 * memory in the order noted (a term noted twice, once). One read of all
 * an article's new terms instead of one a term: into a store of 1,000
 * Reuters stories, 20.9 statements an article (docs/history/benchmarks-rounds.md,
 * "Eighteenth round"). */
static int fetch_noted(sl_grouper *g, sl_df_get get, void *ctx)
{
    size_t n = g->fetch.n;
    g->fetch.n = 0;
    if (!n)
        return 0;
    if (sl_vec_reserve(&g->fetched, n))
        return SL_ENOMEM;
    int rc = get(ctx, g->fetch.items, n, g->fetched.items);
    for (size_t i = 0; !rc && i < n; i++)
        if (!sl_df_cell(g, g->fetch.items[i], 0))
            rc = sl_grouper_load_df(g, g->fetch.items[i], g->fetched.items[i]);
    return rc;
}

void sl_grouper_set_df_source(sl_grouper *g, sl_df_get get, void *ctx)
{
    g->df_get = get;
    g->df_ctx = ctx;
}

int sl_grouper_fetch_df(sl_grouper *g, const sl_analysis *body, const sl_analysis *title)
{
    if (!g->df_get)   /* no count stored: every count is in memory */
        return 0;
    g->fetch.n = 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < body->terms.n; i++)
        rc = note(g, body->terms.items[i].id);
    for (size_t i = 0; !rc && title && i < title->terms.n; i++)
        rc = note(g, title->terms.items[i].id);
    for (size_t i = 0; !rc && i < g->entities.n; i++)
        rc = note(g, g->entities.items[i].id);
    return rc ? rc : fetch_noted(g, g->df_get, g->df_ctx);
}

void sl_grouper_fetch_query_df(sl_grouper *g, const sl_vector *v)
{
    if (!g->df_get || g->source_error)   /* after a failed read, none: its reason stays SQLite's last */
        return;
    g->fetch.n = 0;
    int rc = 0;
    for (uint32_t i = 0; !rc && i < v->n; i++)
        rc = note(g, v->terms[i].term);
    if (!rc)
        rc = fetch_noted(g, g->df_get, g->df_ctx);
    if (rc && !g->source_error)
        g->source_error = rc;
}

int sl_grouper_fetch_languages(sl_grouper *g, sl_df_get get, void *ctx)
{
    size_t n;
    const char *const *codes = sl_lang_codes(&n);
    g->fetch.n = 0;
    int rc = 0;
    for (size_t k = 0; !rc && k < n; k++)
        rc = note(g, sl_language_term(codes[k]));
    return rc ? rc : fetch_noted(g, get, ctx);
}
