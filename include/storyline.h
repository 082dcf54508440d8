/* storyline.h — the public API of the storyline news story engine.
 *
 * An engine handle is opened on a store (an SQLite file). Articles go in one
 * at a time or a batch at a time (from memory, from files, from folders);
 * stories, articles, copies and search results come out as plain structs
 * or as versioned JSON. The storyline command uses nothing but this header.
 *
 * Conventions
 * - Fallible functions return 0 (SL_OK) or a negative SL_E* code; results
 *   come back through `T **out` parameters. sl_errmsg() tells why in one
 *   line naming the input and the reason.
 * - Pointers returned inside a struct are owned by that struct and freed by
 *   its _free function. Every _free accepts NULL.
 * - An engine is used by one thread at a time. Different engines (even on
 *   the same store file) may be used from different threads.
 * - Text is UTF-8 everywhere. Offsets are byte offsets into the article's
 *   stored text (sl_article.text).
 *
 * This header is the one programs include. It holds the version; the
 * parts of the API are in the headers of storyline/, one concern each, on
 * the common types of storyline/common.h.
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "storyline/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* While the major version is 0, a new minor version may change the API
 * and ABI (the soname, libstoryline.so.0.MINOR, changes with it); a new
 * patch version does not. */
#define SL_VERSION "0.2.0"
/* Version of the JSON documents produced by the sl_*_json functions. */
#define SL_JSON_VERSION 1

/* The library's version, SL_VERSION of the build that is linked (a program
 * compiled against one header may run with another library). Static string;
 * thread-safe. */
SL_API const char *sl_version(void);

#ifdef __cplusplus
}
#endif

#include "storyline/engine.h"
#include "storyline/ingest.h"
#include "storyline/article.h"
#include "storyline/copies.h"
#include "storyline/stories.h"
#include "storyline/search.h"
#include "storyline/json.h"
#include "storyline/facts.h"
#include "storyline/extract.h"
#include "storyline/timeline.h"
#include "storyline/serve.h"

#endif
