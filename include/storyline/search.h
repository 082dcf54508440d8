/* storyline/search.h — full-text search of the stored articles. */
#ifndef STORYLINE_SEARCH_H
#define STORYLINE_SEARCH_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Search --------------------------------------------------------------- */

typedef struct sl_search_hit {
    int64_t article_id;
    int64_t story_id;
    double rank;              /* bm25, smaller is better */
    char *title;
    char *snippet;            /* matches marked with [ ] */
} sl_search_hit;

typedef struct sl_search_hits { size_t n; sl_search_hit *items; } sl_search_hits;

/* Full-text search (FTS5 syntax accepted; plain words are ANDed). */
SL_API int sl_search(sl_engine *engine, const char *query, int limit, sl_search_hits **out);
SL_API void sl_search_hits_free(sl_search_hits *hits);

#ifdef __cplusplus
}
#endif
#endif
