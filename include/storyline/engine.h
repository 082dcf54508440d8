/* storyline/engine.h — the engine handle: options, opening a store, errors,
 * and the store's consistency check. */
#ifndef STORYLINE_ENGINE_H
#define STORYLINE_ENGINE_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Engine ------------------------------------------------------------ */

/* sl_options.read_only: write if allowed, else read (`storyline check`). */
#define SL_READ_ONLY_IF_UNWRITABLE 2

typedef struct sl_options {
    int read_only;         /* 1: open the store read-only (listing commands); every read
                            * of the handle sees one snapshot, taken at open.
                            * SL_READ_ONLY_IF_UNWRITABLE: write when SQLite may
                            * (the store, its folder, -wal, -shm), else read-only
                            * as 1, found by trying; sl_engine_read_only tells */
    int batch_size;        /* articles per transaction in sl_ingest_path; 0 = default (500) */
} sl_options;

/* Optional, process-wide: call it before any other thread uses SQLite,
 * and before the first sl_engine_open. It turns SQLite's memory statistics
 * off (SQLITE_CONFIG_MEMSTATUS), which cost ~1.8% of an ingest's
 * instructions; the program's own SQLite then reports no memory use
 * (sqlite3_memory_used, sqlite3_status) and enforces no heap limit. The
 * storyline command calls it; the library never sets it on its own.
 * SL_EUSAGE when SQLite is in use already (nothing changes), else 0. */
SL_API int sl_process_init(void);

/* Opens (creating or migrating when needed) the store at `db_path`.
 * `opts` may be NULL. On failure *out is still set when memory allowed, so
 * that sl_errmsg(*out) can explain; free it with sl_engine_free. */
SL_API int sl_engine_open(sl_engine **out, const char *db_path, const sl_options *opts);
SL_API void sl_engine_free(sl_engine *engine);
/* 1 when the engine only reads: opened so, or fallen back to it
 * (SL_READ_ONLY_IF_UNWRITABLE); 0 when it may write. */
SL_API int sl_engine_read_only(const sl_engine *engine);
/* Whether what a read-only engine read still holds: SL_ESTORE (sl_errmsg
 * says why) when the store could be opened only without locks (its folder
 * may not be written: docs/store.md) and has changed since, so that what
 * was read may be stale or mixed; SL_ENOMEM. 0 otherwise, and always for
 * an engine that writes. Call it when the reads are done. */
SL_API int sl_engine_check_snapshot(sl_engine *engine);

/* The last error on this handle, one line; "" when none. Never NULL. */
SL_API const char *sl_errmsg(const sl_engine *engine);

/* A short static description of an error code. */
SL_API const char *sl_strerror(int code);

/* ---- Store maintenance ------------------------------------------------------ */

/* Runs PRAGMA integrity_check and the store's own consistency checks
 * (every article has its sentences, search row and story), then FTS5's
 * check of the search index against the texts, which is a write: an engine
 * opened read-only makes every check but that one, on its snapshot.
 * SL_EUSAGE while a write batch is open (from on_progress, say: the batch
 * is half written until its commit); SL_ESTORE names the first problem. */
SL_API int sl_store_check(sl_engine *engine);

#ifdef __cplusplus
}
#endif
#endif
