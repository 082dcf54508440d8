/* storyline/common.h — what every part of the public API uses: the export
 * macro, the error codes, the engine handle, a text span and the JSON
 * sink and form. Included by each header of storyline/; programs include
 * <storyline.h>. */
#ifndef STORYLINE_COMMON_H
#define STORYLINE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && defined(SL_BUILDING_LIBRARY)
#define SL_API __attribute__((visibility("default")))
#else
#define SL_API
#endif

/* Error codes. Distinct codes only where a caller acts differently. */
enum {
    SL_OK = 0,
    SL_ENOMEM = -1,     /* out of memory */
    SL_EIO = -2,        /* a file could not be read or written */
    SL_EBADINPUT = -3,  /* an input could not be understood (binary, empty, malformed) */
    SL_ENOTFOUND = -4,  /* no such article / story */
    SL_ETOOLARGE = -5,  /* an input exceeds a documented limit */
    SL_ESTORE = -6,     /* the store failed (SQLite error, corrupt or newer schema) */
    SL_EUSAGE = -7      /* invalid argument */
};

typedef struct sl_engine sl_engine;

/* A span of a text: its start and end offsets (each use says of what). */
typedef struct sl_span { uint32_t start, end; } sl_span;

/* JSON goes to a sink: called with consecutive chunks; return 0 to go on. */
typedef int (*sl_write_fn)(void *ctx, const char *data, size_t len);

/* How a writer of one result (sl_page_json, sl_summary_json,
 * sl_timeline_json; sl_timex_json each line) writes it. SL_JSON_PART: the
 * object alone, on one line, to be embedded in a larger document (the
 * server's story holds a summary and a timeline so). SL_JSON_DOCUMENT: a
 * document of its own, as the commands print it: "storyline" and
 * "json_version" first like every document (docs/json.md), ending with a
 * newline; a summary or a timeline indented, a page or a temporal
 * expression on one line. */
typedef enum sl_json_form { SL_JSON_PART = 0, SL_JSON_DOCUMENT = 1 } sl_json_form;

#ifdef __cplusplus
}
#endif
#endif
