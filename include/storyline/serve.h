/* storyline/serve.h — what `storyline serve` reads: refreshing a read-only
 * engine's snapshot and one page of the story listing as JSON. */
#ifndef STORYLINE_SERVE_H
#define STORYLINE_SERVE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Web: what storyline serve reads (docs/server.md) --------------------- */

/* A read-only engine ends its snapshot and takes a new one: its reads then
 * see every commit made before the call (one snapshot per web request).
 * *changed (may be NULL) is 0 when the store is as in the previous snapshot
 * (what was read from it still holds), 1 when it changed or on the first
 * call. SL_EUSAGE on an engine that is not read-only; SL_ESTORE, also for
 * a store opened without locks (a folder the reader may not write), whose
 * commits it cannot follow. */
SL_API int sl_engine_refresh(sl_engine *engine, int *changed);

/* A page of the story listing. Every field may be 0/NULL. */
typedef struct sl_story_query {
    const char *search;   /* stories with an article matching it (as sl_search; the
                           * best SL_STORY_SEARCH_MAX articles are looked at) */
    const char *since;    /* ISO date: stories with an article since then */
    int64_t thread_id;    /* the stories of this thread */
    int offset, limit;    /* the page; limit 0 means 20, at most 100 */
} sl_story_query;

#define SL_STORY_SEARCH_MAX 1000

/* One page of stories, newest first (as sl_stories_list), as JSON (`query`
 * NULL: the first page of every story):
 * {"storyline", "json_version", "total", "offset", "limit", "stories":
 * [STORY_LINE without "articles"]} (docs/json.md). SL_EUSAGE for a bad date,
 * offset or search (the message says which). */
SL_API int sl_stories_page_json(sl_engine *engine, const sl_story_query *query,
                                sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
