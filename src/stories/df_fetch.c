/* df_fetch.c — the grouper's document frequencies read on demand: before an
 * article is vectorised, each of its terms (body, title, name features) not
 * yet in memory has its count read from the store, so that opening a store
 * reads none of its term counts, and memory grows with the terms an ingest
 * meets, not with the store. The counts in memory are then the stored ones
 * plus this process's increments, as when all were loaded at open. The
 * counts of the languages' pseudo-terms (languages.c) are read when the
 * grouper is loaded: the collection's language is the most counted. */
#include "internal.h"

#include "text/text.h"

/* Reads term's count from the store unless it is in memory already. */
static int fetch_one(sl_grouper *g, uint64_t term, sl_df_get get, void *ctx)
{
    if (sl_count_slot(&g->df, term, 0))
        return 0;
    uint32_t df = 0;
    int rc = get(ctx, sl_term_key(term), &df);
    return rc ? rc : sl_grouper_load_df(g, term, df);
}

int sl_grouper_fetch_df(sl_grouper *g, const sl_analysis *body, const sl_analysis *title,
                        sl_df_get get, void *ctx)
{
    if (!get)   /* no count stored: every count is in memory */
        return 0;
    int rc = 0;
    for (size_t i = 0; !rc && i < body->terms.n; i++)
        rc = fetch_one(g, body->terms.items[i].id, get, ctx);
    for (size_t i = 0; !rc && title && i < title->terms.n; i++)
        rc = fetch_one(g, title->terms.items[i].id, get, ctx);
    for (size_t i = 0; !rc && i < g->entities.n; i++)
        rc = fetch_one(g, g->entities.items[i].id, get, ctx);
    return rc;
}

int sl_grouper_fetch_languages(sl_grouper *g, sl_df_get get, void *ctx)
{
    size_t n;
    const char *const *codes = sl_lang_codes(&n);
    int rc = 0;
    for (size_t k = 0; !rc && k < n; k++)
        rc = fetch_one(g, sl_language_term(codes[k]), get, ctx);
    return rc;
}
