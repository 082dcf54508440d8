/* storyline/json.h — the store's contents as versioned JSON documents (the sink
 * and the form are in common.h). */
#ifndef STORYLINE_JSON_H
#define STORYLINE_JSON_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- JSON ------------------------------------------------------------------ */

/* Everything in the store as one JSON document (docs/json.md). Streams: memory
 * does not grow with the store. */
SL_API int sl_export_json(sl_engine *engine, sl_write_fn write, void *ctx);
SL_API int sl_article_json(sl_engine *engine, int64_t id, sl_write_fn write, void *ctx);
SL_API int sl_story_json(sl_engine *engine, int64_t id, sl_write_fn write, void *ctx);
SL_API int sl_stories_json(sl_engine *engine, const char *since, sl_write_fn write, void *ctx);
SL_API int sl_copies_json(sl_engine *engine, int64_t article_id, sl_write_fn write, void *ctx);
SL_API int sl_search_json(sl_engine *engine, const char *query, int limit,
                          sl_write_fn write, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
