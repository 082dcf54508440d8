/* store.c — opening the store (its schema is migrate.c's), transactions,
 * the statement cache and the integrity check. Each table's file holds its
 * own SQL as `static const char Q_…[]`; the cache prepares a statement on
 * its first use and finds it again by the address of that text. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "copies/copies.h"
#include "faultvfs.h"
#include "store_internal.h"
#include "util/alloc.h"

static const char Q_BEGIN[] = "BEGIN IMMEDIATE";
static const char Q_BEGIN_READ[] = "BEGIN";
static const char Q_DATA_VERSION[] = "PRAGMA data_version";

/* A writer's page cache, in KB; a whole-table read at open uses SCAN_CACHE_KB.
 * 24,000 where it was 32,000: the last 1,000 Reuters articles into a store of
 * the first 18,043 take as many instructions and write as many bytes (5.7%
 * more read from the system's cache), and all of Reuters peaks 8 MB lower;
 * 16,000 cost +2.7% instructions there, 8,000 +15.8% (docs/history/benchmarks-rounds.md,
 * "Twenty-ninth round: memory per article"). */
#define WRITER_CACHE_KB 24000
#define SCAN_CACHE_KB 2000

/* How long a writer waits for the write lock before giving up. */
#define WRITER_WAIT_MS (10 * 60 * 1000)
/* The pause between two tries to put a new store in WAL mode (set_wal). */
#define WAL_RETRY_MS 5
/* Room for a journal mode's name ("delete", "truncate", "persist", "wal", ...). */
#define WAL_MODE_BYTES 16
static const char Q_COMMIT[] = "COMMIT";

int sl_store_set_why(sl_buf *why, int code, const char *what, sqlite3 *db)
{
    if (why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
    }
    return code;
}

/* Sets the page cache to `kb` KB. */
static int set_cache(sl_store *st, int kb)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", kb);
    return sqlite3_exec(st->db, pragma, NULL, NULL, NULL) == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_scan_cache(sl_store *st, int scanning)
{
    if (st->cache_kb <= SCAN_CACHE_KB)
        return 0;
    return set_cache(st, scanning ? SCAN_CACHE_KB : st->cache_kb);
}

/* Opens the connection of `st` (its row functions registered). A writer
 * waits for another's batch to commit (they serialise per batch, and one
 * may hold the lock for its whole run); a reader seldom waits at all (WAL). */
static int open_connection(sl_store *st, const char *name, int flags, int read_only)
{
    if (sqlite3_open_v2(name, &st->db, flags, NULL) != SQLITE_OK || sl_store_rows_register(st->db))
        return SL_ESTORE;
    sqlite3_busy_timeout(st->db, read_only ? 10000 : WRITER_WAIT_MS);
    return 0;
}

/* SQLite's "unable to open database file" says no more: the system's
 * reason is added, found as the open needs it (the file read, and written
 * unless `read_only`, else its folder searched and written to make it). Its own errno is no
 * help: the read-only open it tries last leaves ENOENT. */
static void add_open_reason(sl_buf *why, const char *path, sqlite3 *db, int read_only)
{
    if (!why || !db || sqlite3_errcode(db) != SQLITE_CANTOPEN)
        return;
    const char *slash = strrchr(path, '/');
    char folder[4096];
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
    int err = access(path, F_OK) == 0 ? (access(path, read_only ? R_OK : R_OK | W_OK) ? errno : 0)
              : access(folder, W_OK | X_OK) ? errno : 0;
    if (err)
        sl_buf_printf(why, " (%s)", strerror(err));
}

/* Begins the transaction that reads the store's version. */
static int begin_version(sqlite3 *db, int *version)
{
    return sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK || sl_store_user_version(db, version);
}

/* 1 when a read failed because the store's WAL index (PATH-shm) can be
 * neither opened nor created: a folder the reader may not write, read-only
 * media. */
static int wal_index_unmakeable(sqlite3 *db)
{
    int code = sqlite3_extended_errcode(db);
    return code == SQLITE_READONLY_DIRECTORY || code == SQLITE_READONLY_CANTINIT;
}

/* 1 when a write open failed for want of leave to write: the store, its
 * folder, its PATH-wal or PATH-shm. */
static int write_denied(sqlite3 *db)
{
    int code = sqlite3_extended_errcode(db) & 0xff;
    return code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM;
}

/* Sets *absent to 1 when there is no PATH-wal: every commit is then in the
 * file itself. SL_ENOMEM when the name cannot be made. */
static int wal_absent(const char *path, int *absent)
{
    sl_buf wal = SL_BUF_INIT;
    sl_buf_printf(&wal, "%s-wal", path);
    int rc = wal.err ? SL_ENOMEM : 0;
    *absent = !rc && access(wal.ptr, F_OK) != 0 && errno == ENOENT;
    sl_buf_free(&wal);
    return rc;
}

/* 1 when the file at `path` is not the one `then` describes: another inode,
 * size or modification time. */
static int file_moved(const char *path, const struct stat *then)
{
    struct stat now;
    return stat(path, &now) != 0 || now.st_dev != then->st_dev || now.st_ino != then->st_ino ||
           now.st_size != then->st_size || now.st_mtim.tv_sec != then->st_mtim.tv_sec ||
           now.st_mtim.tv_nsec != then->st_mtim.tv_nsec;
}

int sl_store_check_unlocked(sl_store *st)
{
    if (st->changed.len)
        return SL_ESTORE; /* found changed before: it stays so */
    if (!st->unlocked)
        return 0;
    int absent = 0;
    if (wal_absent(st->unlocked, &absent)) {
        st->nomem = 1;
        return SL_ENOMEM;
    }
    if (absent && !file_moved(st->unlocked, &st->opened))
        return 0;
    sl_buf_printf(&st->changed, "%s changed while it was read without locks (its folder is not "
                  "writable, docs/store.md); what was read may be stale: rerun", st->unlocked);
    if (st->changed.err) {
        sl_buf_free(&st->changed);
        st->nomem = 1;
        return SL_ENOMEM;
    }
    return SL_ESTORE;
}

const char *sl_store_unlocked_path(sl_store *st) { return st->unlocked; }

/* Reopens `st` on `path` read-only and immutable (no WAL index, no locks):
 * a URI with every byte but [A-Za-z0-9/._~-] escaped, "file://" before an
 * absolute path so that "//x" is not read as a host. SQLite then takes the
 * file never to change: the file as it is now is kept, which every read
 * snapshot and the end of the command check (sl_store_check_unlocked), and
 * an engine that would take new snapshots (serve) refuses it. */
static int connect_immutable(sl_store *st, const char *path, int flags)
{
    st->unlocked = sl_strdup(path);
    if (!st->unlocked || stat(path, &st->opened) != 0)
        return st->unlocked ? SL_ESTORE : SL_ENOMEM; /* the reason: SQLite's, or none */
    sqlite3_close(st->db);
    st->db = NULL;
    sl_buf uri = SL_BUF_INIT;
    sl_buf_puts(&uri, path[0] == '/' ? "file://" : "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (isalnum(*p) || strchr("/._~-", *p))
            sl_buf_putc(&uri, (char)*p);
        else
            sl_buf_printf(&uri, "%%%02X", *p);
    }
    sl_buf_puts(&uri, "?immutable=1");
    int rc = uri.err ? SL_ENOMEM : open_connection(st, uri.ptr, flags | SQLITE_OPEN_URI, 1);
    sl_buf_free(&uri);
    return rc;
}

/* After a read-only open failed for want of a WAL index: *reopened is 1
 * when the store could be opened immutable instead (there is no PATH-wal)
 * and its version read; SL_ENOMEM, or SL_ESTORE with the reason on st->db. */
static int open_unlocked(sl_store *st, const char *path, int flags, int *version, int *reopened)
{
    int absent = 0;
    *reopened = 0;
    if (wal_absent(path, &absent))
        return SL_ENOMEM;
    if (!absent)
        return 0;
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    int rc = connect_immutable(st, path, flags);
    if (!rc && begin_version(st->db, version))
        rc = SL_ESTORE;
    *reopened = !rc;
    return rc;
}

/* SQLite's memory statistics off, before SQLite starts, when the program
 * asks (sl_process_init; the CLI does): with them on, every allocation and
 * free SQLite makes takes a global mutex (the connections' own are off
 * already, SQLITE_OPEN_NOMUTEX) and asks the allocation's size; 39.9 M
 * instructions of 2,290.8 M for the first 1,000 Reuters stories
 * (docs/history/benchmarks-rounds.md, "Eighteenth round"). Nothing here reads them
 * (sqlite3_memory_used, sqlite3_status, the heap limits). A library does
 * not set it on its own: it is the host's SQLite too. */
int sl_store_process_init(void)
{
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? 0 : SL_EUSAGE;
}

/* Keeps the journal mode `PRAGMA journal_mode = WAL` answers. */
static int keep_mode(void *ctx, int n, char **values, char **names)
{
    (void)names;
    snprintf(ctx, WAL_MODE_BYTES, "%s", n > 0 && values[0] ? values[0] : "");
    return 0;
}

/* Puts the store in WAL mode. The change reads the file's header, then
 * takes the write lock, and SQLite's busy handler does not wait for a read
 * that turns into a write: when two writers make a store at once, the one
 * whose change comes while the other's is under way was refused "database
 * is locked" (3 of 150 pairs of ingests under load; docs/testing.md,
 * "Twenty-fifth round: a store error's lost reason"). It tries again,
 * every try waiting for the lock as a read does, as long as a writer waits
 * for a batch; the other's change done, the header says WAL and there is
 * nothing to do. SQLite answers with the mode the store is in: where WAL
 * cannot be had (a file system or VFS without shared memory) it keeps the
 * rollback journal without an error, and the store would lose what WAL
 * gives (readers beside a writer, docs/store.md "Guarantees"): the open
 * of a file fails then, naming the file and the mode. */
static int set_wal(sqlite3 *db, const char *path, sl_buf *why)
{
    char mode[WAL_MODE_BYTES] = "";
    int rc, waited = 0;
    while ((rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", keep_mode, mode, NULL)) ==
               SQLITE_BUSY &&
           waited < WRITER_WAIT_MS) {
        sqlite3_sleep(WAL_RETRY_MS);
        waited += WAL_RETRY_MS;
    }
    if (rc != SQLITE_OK)
        return sl_store_set_why(why, SL_ESTORE, path, db);
    const char *file = sqlite3_db_filename(db, "main");
    if (!strcmp(mode, "wal") || !file || !*file)   /* in memory (a Dask map's): no reader beside it */
        return 0;
    if (why) {
        sl_buf_clear(why);
        sl_buf_printf(why, "%s: SQLite cannot keep a write-ahead log for it here (the journal mode "
                      "stays \"%s\"; a file system without shared memory?): a store needs WAL for "
                      "readers during an ingest (docs/store.md)", path, mode);
    }
    return SL_ESTORE;
}

/* The open itself. With `denied`, a write open stops at its first read
 * and sets *denied to 1 when it may not write: SQLite could open the file
 * only for reading, or could not make or open its -wal or -shm. */
static int open_store(sl_store **out, const char *path, int read_only, sl_buf *why, int *denied)
{
    *out = NULL;
    sl_store *st = sl_calloc(1, sizeof *st);
    if (!st)
        return sl_store_set_why(why, SL_ENOMEM, "cannot open store", NULL);
    st->read_only = read_only != 0;
    sl_store_dict_init(&st->dict);
    /* No mutex on the connection: an engine, and so its store, is used by
     * one thread at a time (storyline.h), and SQLite's serialised mode
     * would lock and unlock a mutex in every bind, step, reset and column
     * call (57 M instructions of 3,538 M for 1,000 Reuters stories). */
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                SQLITE_OPEN_NOMUTEX;
    sl_store_faultvfs_install();
    if (open_connection(st, path, flags, read_only)) {
        sl_store_set_why(why, SL_ESTORE, path, st->db);
        add_open_reason(why, path, st->db, read_only);
        goto fail;
    }
    /* Nothing is changed in a file before it is known to be ours. The version
     * and the tables are read in one transaction: read apart, another process
     * creating the store could commit in between, and its fresh tables under
     * the version read before would look like some other database. */
    int version = 0;
    int unread = begin_version(st->db, &version);
    if (denied && (sqlite3_db_readonly(st->db, "main") == 1 || (unread && write_denied(st->db)))) {
        *denied = 1;
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    if (unread && read_only && wal_index_unmakeable(st->db)) {
        int reopened = 0;
        if (open_unlocked(st, path, flags, &version, &reopened) == SL_ENOMEM) {
            sl_store_set_why(why, SL_ENOMEM, path, NULL);
            goto fail;
        }
        unread = !reopened;
    }
    if (unread) {
        sl_store_set_why(why, SL_ESTORE, path, st->db);
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        goto fail;
    }
    int bad = sl_store_check_schema(st->db, path, version, why);
    st->schema = version;
    sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (bad)
        goto fail;
    /* WAL with synchronous=NORMAL: a killed process never corrupts the store
     * or leaves half a transaction; only a power cut may lose the last commit.
     * The WAL is copied into the store every 16,384 pages (64 MB) instead of
     * SQLite's 1,000: a batch dirties pages all over the tables keyed by
     * hashes (line_articles, terms), mostly the same pages batch after batch,
     * and each checkpoint writes a page once however many batches changed it.
     * On a 10k-article store, 95 -> 43 KB written per article (docs/store.md).
     * The WAL file is cut back to 64 MB after a checkpoint. Every b-tree page
     * read is checked for cells outside the page (cell_size_check): without
     * it a damaged page's cell offsets are followed into whatever memory
     * lies past the page, and a read of a damaged store may answer, or not,
     * by the memory layout of the run (tests/e2e/faults.sh's garbled store
     * did, by the length of its folder's name). Deleted cells and freed
     * pages are not zeroed (secure_delete, on in Debian's SQLite build):
     * the rows read the same, and the first 1,000 Reuters stories take
     * 7.5 M fewer instructions (memset in the b-trees' inserts and the
     * recent tables' merges; docs/history/benchmarks-rounds.md,
     * "Thirty-second round: the store's instructions"). */
    const char *setup = read_only ? "PRAGMA query_only = 1; PRAGMA cell_size_check = ON;"
                                  : "PRAGMA synchronous = NORMAL; PRAGMA cell_size_check = ON;"
                                    "PRAGMA secure_delete = OFF;"
                                    "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384;"
                                    "PRAGMA journal_size_limit = 67108864;";
    st->cache_kb = read_only ? 0 : WRITER_CACHE_KB;
    if (!read_only && set_wal(st->db, path, why))
        goto fail;
    if (sqlite3_exec(st->db, setup, NULL, NULL, NULL) != SQLITE_OK ||
        (st->cache_kb && set_cache(st, st->cache_kb))) {
        sl_store_set_why(why, SL_ESTORE, path, st->db);
        goto fail;
    }
    if (read_only) {
        if (version == 0) {
            sl_buf_clear(why);
            sl_buf_printf(why, "%s: not a storyline store (nothing ingested yet?)", path);
            goto fail;
        }
    } else if (sl_store_migrate(st, path, why)) {
        goto fail;
    } else if (sl_store_dict_open(st)) {
        sl_store_set_why(why, SL_ESTORE, path, st->nomem ? NULL : st->db);
        goto fail;
    }
    *out = st;
    return 0;
fail:
    sl_store_close(st);
    return SL_ESTORE;
}

int sl_store_open(sl_store **out, const char *path, int read_only, sl_buf *why)
{
    /* SQLite says "disk I/O error" of a folder or a device, and waits on
     * a named pipe for a writer that never comes (qa6; refused here for
     * every caller, read30). */
    struct stat sb;
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        *out = NULL;
        if (why)
            sl_buf_printf(why, "%s: %s, not a store", path,
                          S_ISDIR(sb.st_mode) ? "a folder" : "not a regular file");
        return SL_ESTORE;
    }
    if (read_only != SL_READ_ONLY_IF_UNWRITABLE)
        return open_store(out, path, read_only, why, NULL);
    /* whether the store may be written is found by trying, as SQLite sees
     * it (a link, a -wal and -shm that may be written in a folder that may
     * not), not guessed with access() */
    int denied = 0;
    int rc = open_store(out, path, 0, why, &denied);
    if (!denied)
        return rc;
    sl_buf_clear(why);
    return open_store(out, path, 1, why, NULL);
}

int sl_store_read_only(const sl_store *st) { return st->read_only; }

void sl_store_close(sl_store *st)
{
    if (!st)
        return;
    if (st->in_tx)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    for (size_t i = 0; i < st->cap; i++)
        sqlite3_finalize(st->cache[i].stmt);
    free(st->cache);
    sl_buf_free(&st->packed);
    sl_buf_free(&st->spans);
    sl_buf_free(&st->lines);
    sl_buf_free(&st->centroid);
    sl_buf_free(&st->keys);
    sl_buf_free(&st->member);
    sl_store_dict_forget(&st->dict);
    sl_store_story_changes_forget(&st->changes);
    sl_store_story_rows_forget(&st->story_rows);
    sl_store_copy_keys_forget(st);
    sl_store_held_drop(&st->held_lines);
    sl_store_sketch_memo_free(st);
    sqlite3_close(st->db);
    free(st->unlocked);
    sl_buf_free(&st->changed);
    sl_buf_free(&st->path_held);
    free(st);
}

/* 1 when the handle's last call left an error (not a row, not the end). */
static int holds_error(sqlite3 *db)
{
    int code = sqlite3_errcode(db);
    return code != SQLITE_OK && code != SQLITE_ROW && code != SQLITE_DONE;
}

/* Whether an allocation failed since the last statement and SQLite holds
 * no error of its own: a store function that failed for want of memory
 * and answered SL_ESTORE, whose message was SQLite's "not an error". */
static int memory_ran_out(sl_store *st)
{
    return sl_alloc_failures() != st->alloc_mark && !(st->db && holds_error(st->db));
}

const char *sl_store_errmsg(sl_store *st)
{
    if (!st)
        return "";
    if (st->changed.len)
        return sl_buf_cstr(&st->changed);
    if (st->damaged)
        return st->damaged;
    if (st->kept[0] && st->db && !holds_error(st->db)) /* a newer error of SQLite's comes first */
        return st->kept;
    return st->nomem || memory_ran_out(st) ? "out of memory" : st->db ? sqlite3_errmsg(st->db) : "";
}

/* The cache's slot for `sql`: its own, or the empty one where it goes. */
static stmt_slot *slot_of(stmt_slot *cache, size_t cap, const char *sql)
{
    size_t i = (size_t)(((uintptr_t)sql >> 3) * 0x9E3779B97F4A7C15u) & (cap - 1);
    while (cache[i].sql && cache[i].sql != sql)
        i = (i + 1) & (cap - 1);
    return &cache[i];
}

/* Doubles the cache (kept at most half full, so a probe ends soon). */
static int grow_cache(sl_store *st)
{
    size_t cap = st->cap ? 2 * st->cap : 64;
    stmt_slot *cache = sl_calloc(cap, sizeof *cache);
    if (!cache)
        return SL_ENOMEM;
    for (size_t i = 0; i < st->cap; i++)
        if (st->cache[i].sql)
            *slot_of(cache, cap, st->cache[i].sql) = st->cache[i];
    free(st->cache);
    st->cache = cache;
    st->cap = cap;
    return 0;
}

sqlite3_stmt *sl_store_stmt(sl_store *st, const char *sql)
{
    st->damaged = NULL;
    st->kept[0] = '\0';
    st->alloc_mark = sl_alloc_failures();
    st->nomem = 2 * (st->n_cached + 1) > st->cap && grow_cache(st);
    if (st->nomem)
        return NULL;
    stmt_slot *slot = slot_of(st->cache, st->cap, sql);
    if (!slot->stmt) {
        if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &slot->stmt, NULL) !=
            SQLITE_OK)
            return NULL;
        slot->sql = sql;
        st->n_cached++;
    } else {
        sqlite3_reset(slot->stmt);
        sqlite3_clear_bindings(slot->stmt);
    }
    return slot->stmt;
}

int sl_store_bind_text(sqlite3_stmt *s, int col, const char *text)
{
    int rc = text ? sqlite3_bind_text(s, col, text, -1, SQLITE_STATIC) : sqlite3_bind_null(s, col);
    return rc == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_bind_day(sqlite3_stmt *s, int col, int64_t day)
{
    int rc = day == INT64_MIN ? sqlite3_bind_null(s, col) : sqlite3_bind_int64(s, col, day);
    return rc == SQLITE_OK ? 0 : SL_ESTORE;
}

char *sl_store_column_dup(sqlite3_stmt *s, int col, int *err)
{
    const unsigned char *text = sqlite3_column_text(s, col);
    if (!text)
        return NULL;
    char *copy = sl_strdup((const char *)text);
    if (!copy)
        *err = SL_ENOMEM;
    return copy;
}

int sl_store_rows_end(sl_store *st, sqlite3_stmt *s, int step, int err)
{
    int rc = err ? err : step == SQLITE_DONE ? 0 : SL_ESTORE;
    if (rc && holds_error(st->db))
        snprintf(st->kept, sizeof st->kept, "%s", sqlite3_errmsg(st->db));
    sqlite3_reset(s);
    return rc;
}

int sl_store_each_id(sl_store *st, sqlite3_stmt *s, int (*fn)(void *ctx, int64_t id), void *ctx)
{
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0));
    return sl_store_rows_end(st, s, rc, err);
}

int sl_store_each_blob(sl_store *st, sqlite3_stmt *s,
                       int (*fn)(void *ctx, int64_t id, const void *blob, size_t len), void *ctx)
{
    if (!s)
        return SL_ESTORE;
    int rc, err = 0;
    while (!err && (rc = sqlite3_step(s)) == SQLITE_ROW)
        err = fn(ctx, sqlite3_column_int64(s, 0), sqlite3_column_blob(s, 1),
                 (size_t)sqlite3_column_bytes(s, 1));
    return sl_store_rows_end(st, s, rc, err);
}

/* Rewrites the row after *id, setting *id to it (0 when none is left). */
static int blob_rewrite_next(sl_store *st, const char *next_sql, const char *set_sql,
                             int (*convert)(sl_store *, sqlite3_stmt *, sl_buf *),
                             int64_t *id, sl_buf *blob)
{
    sqlite3_stmt *s = sl_store_stmt(st, next_sql);
    if (!s || sqlite3_bind_int64(s, 1, *id))
        return SL_ESTORE;
    int step = sqlite3_step(s), rc = 0;
    *id = 0;
    sl_buf_clear(blob);
    if (step == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        rc = convert(st, s, blob);
    }
    rc = sl_store_rows_end(st, s, step == SQLITE_ROW ? SQLITE_DONE : step, rc);
    if (rc || !*id)
        return rc;
    s = sl_store_stmt(st, set_sql);
    if (!s || sqlite3_bind_int64(s, 1, *id) ||
        sqlite3_bind_blob(s, 2, blob->len ? blob->ptr : "", (int)blob->len, SQLITE_STATIC))
        return SL_ESTORE;
    return sl_store_exec_stmt(s);
}

int sl_store_blobs_rewrite(sl_store *st, const char *next_sql, const char *set_sql,
                           int (*convert)(sl_store *st, sqlite3_stmt *row, sl_buf *out))
{
    sl_buf blob = SL_BUF_INIT;
    int64_t id = 0;
    int rc;
    do
        rc = blob_rewrite_next(st, next_sql, set_sql, convert, &id, &blob);
    while (!rc && id);
    sl_buf_free(&blob);
    return rc;
}

int sl_store_row_by_id(sl_store *st, const char *sql, int64_t id, sqlite3_stmt **out)
{
    sqlite3_stmt *s = sl_store_stmt(st, sql);
    *out = NULL;
    if (!s || sqlite3_bind_int64(s, 1, id))
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? SL_ENOTFOUND : SL_ESTORE;
    }
    *out = s;
    return 0;
}

int sl_store_exec_stmt(sqlite3_stmt *s)
{
    if (!s)
        return SL_ESTORE;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : SL_ESTORE;
}

int sl_store_begin(sl_store *st)
{
    if (st->in_tx)
        return 0;
    int rc = sl_store_exec_stmt(sl_store_stmt(st, Q_BEGIN));
    if (!rc)
        st->in_tx = st->writing = 1;
    int64_t seen = st->dict.data_version;
    if (!rc)
        rc = sl_store_dict_check(st);
    if (!rc && st->dict.data_version != seen) /* another writer's commit */
        sl_store_sketch_memo_clear(st);
    return rc;
}

int sl_store_begin_read(sl_store *st)
{
    if (st->in_tx)
        return 0;
    /* Opened without locks, the file must still be the one opened. Only the
     * snapshot an engine takes at open meets such a store here (a refresh
     * refuses it, sl_engine_refresh): this closes the moment between the
     * open and that snapshot; the end of the command checks again
     * (sl_engine_check_snapshot). */
    if (sl_store_check_unlocked(st))
        return SL_ESTORE;
    /* A deferred transaction takes its snapshot at the first read: read now. */
    if (sl_store_exec_stmt(sl_store_stmt(st, Q_BEGIN_READ)) ||
        sqlite3_exec(st->db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL) != SQLITE_OK ||
        sl_store_user_version(st->db, &st->schema)) { /* a writer may have migrated it since */
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return SL_ESTORE;
    }
    st->in_tx = 1;
    return 0;
}

int sl_store_data_version(sl_store *st, int64_t *version)
{
    sqlite3_stmt *s = sl_store_stmt(st, Q_DATA_VERSION);
    if (!s || sqlite3_step(s) != SQLITE_ROW)
        return SL_ESTORE;
    *version = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return 0;
}

int sl_store_commit(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    /* the batch's new terms, in its transaction, before a merge moves
     * terms_recent's rows, their ids with them */
    int rc = st->writing ? sl_store_story_rows_flush(st) : 0;
    if (!rc && st->writing)
        rc = sl_store_story_changes_flush(st);
    if (!rc && st->writing) /* after the changes, whose rows may give ids */
        rc = sl_store_dict_flush(st);
    if (!rc && st->writing)
        rc = sl_store_copy_keys_mark(st);
    if (!rc && st->writing) /* a merge writes the batch's kept rows into the large tables */
        rc = sl_store_recent_settle(st);
    if (!rc && st->writing) /* else they go into the recent ones */
        rc = sl_store_copy_keys_flush(st);
    if (!rc && st->writing)
        rc = sl_store_lines_flush(st);
    if (!rc)
        rc = sl_store_exec_stmt(sl_store_stmt(st, Q_COMMIT));
    if (!rc)
        st->in_tx = st->writing = 0;
    sl_store_paths_forget(st);
    sl_store_terms_written(st); /* the flush and the merge wrote terms */
    return rc;
}

int sl_store_rollback(sl_store *st)
{
    if (!st->in_tx)
        return 0;
    st->in_tx = st->writing = 0;
    st->recent_first = 0; /* what the batch added to the recent tables is gone */
    sl_store_dict_forget(&st->dict); /* and the terms it gave ids */
    sl_store_story_changes_forget(&st->changes); /* and its stories' changes unwritten */
    sl_store_story_rows_forget(&st->story_rows); /* and their rows' updates */
    sl_store_sketch_memo_clear(st); /* and the sketches it wrote */
    sl_store_paths_forget(st);        /* and the row of paths it added */
    sl_store_copy_keys_forget(st);    /* and the full keys its reads found, its keys kept */
    sl_store_held_drop(&st->held_lines); /* and its line pairs kept */
    /* Reset every statement first: a pending read would keep the transaction open. */
    for (size_t i = 0; i < st->cap; i++)
        if (st->cache[i].stmt)
            sqlite3_reset(st->cache[i].stmt);
    /* Some errors (a full disk, out of memory) make SQLite roll back by itself. */
    if (sqlite3_get_autocommit(st->db))
        return 0;
    return sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? 0 : SL_ESTORE;
}

int sl_store_in_transaction(sl_store *st) { return st->in_tx; }

/* Runs a query returning one text or integer cell and compares it to `want`. */
static int check_query(sl_store *st, const char *sql, const char *want, const char *what,
                       sl_buf *why)
{
    sqlite3_stmt *s = NULL;
    int rc = SL_ESTORE;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "%s: %s", what, sqlite3_errmsg(st->db));
        goto done;
    }
    if (sqlite3_step(s) != SQLITE_ROW) {
        sl_buf_printf(why, "%s: %s", what, sqlite3_errmsg(st->db));
        goto done;
    }
    const char *got = (const char *)sqlite3_column_text(s, 0);
    if (!got || strcmp(got, want)) {
        sl_buf_printf(why, "%s: %s", what, got ? got : "(null)");
        goto done;
    }
    rc = 0;
done:
    sqlite3_finalize(s);
    return rc;
}

/* The facts' rows that do not read (facts.c), counted. */
static int check_facts(sl_store *st, sl_buf *why)
{
    int64_t bad = 0;
    int rc = sl_store_facts_verify(st, &bad);
    if (rc)
        sl_buf_printf(why, "facts: %s", rc == SL_ENOMEM ? "out of memory" : sqlite3_errmsg(st->db));
    else if (bad)
        sl_buf_printf(why, "facts that do not read: %lld", (long long)bad);
    return rc ? rc : bad ? SL_ESTORE : 0;
}

int sl_store_verify(sl_store *st, sl_buf *why)
{
    sl_buf_clear(why);
    static const struct { const char *sql, *want, *what; } checks[] = {
        {"PRAGMA integrity_check", "ok", "integrity check"},
        {"SELECT count(*) FROM articles WHERE sentences IS NULL OR story_id IS NULL", "0",
         "articles without sentences or story"},
        {"SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id"
         " WHERE s.id IS NULL", "0", "articles in a missing story"},
        {"SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_fts_docsize)",
         "0", "articles missing from the search index"},
        {"SELECT count(*) FROM stories s WHERE n_articles !="
         " (SELECT count(*) FROM articles a WHERE a.story_id = s.id)", "0",
         "stories whose article count is wrong"},
        {"SELECT count(*) FROM stories WHERE first_day > last_day"
         " OR (first_day IS NULL) != (last_day IS NULL)", "0", "stories whose span of days is wrong"},
        {"SELECT count(*) FROM copies c WHERE c.article_id = c.of_id"
         " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"
         " OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.of_id)", "0",
         "copy relations naming a missing article"},
        {"SELECT count(*) FROM copy_sketches k WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = k.article_id)", "0", "sketches of missing articles"},
        {"SELECT count(*) FROM article_terms t WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = t.article_id)", "0", "vectors of missing articles"},
        {"SELECT count(*) FROM facts f WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = f.article_id)", "0", "facts of missing articles"},
        {"SELECT count(*) FROM line_articles l WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = l.article_id)", "0",
         "repeated lines of missing articles"},
        {"SELECT count(*) FROM (SELECT identity FROM articles WHERE identity IS NOT NULL"
         " GROUP BY identity HAVING count(*) > 1)", "0", "articles sharing one identity"},
        /* a reason as its place (schema 23) is one byte below the seven
         * reasons' count (removed_lines.c): any other blob does not read */
        {"SELECT count(*) FROM removed_lines WHERE typeof(reason) = 'blob'"
         " AND (length(reason) != 1 OR reason >= x'07')", "0",
         "chrome lines whose reason does not read"},
    };
    /* the recent tables from schema 14 (recent.c) */
    static const struct { const char *sql, *want, *what; } recent[] = {
        {"SELECT count(*) FROM line_articles_recent l WHERE NOT EXISTS"
         " (SELECT 1 FROM articles a WHERE a.id = l.article_id)", "0",
         "recent repeated lines of missing articles"},
        {"SELECT count(*) FROM line_articles_recent r JOIN line_articles l"
         " ON l.line = r.line AND l.article_id = r.article_id", "0",
         "repeated lines recorded twice"},
        {"SELECT count(*) FROM copy_keys_recent r JOIN copy_keys k"
         " ON k.key = r.key AND k.article_id = r.article_id", "0", "copy keys recorded twice"},
        /* without it the merge would not come (recent.c) */
        {"SELECT (EXISTS(SELECT 1 FROM line_articles_recent)"
         " OR EXISTS(SELECT 1 FROM copy_keys_recent)) AND NOT EXISTS(SELECT 1 FROM recent_cycle)",
         "0", "recent rows without a recent cycle"},
    };
    /* the marks of full copy keys from schema 31 (copy_keys.c): (key, 0)
     * on a key of more than SL_COPY_POSTINGS other rows, where a read
     * stops; no other row of article 0 (packed with its key count, 1 to 31) */
    _Static_assert(SL_COPY_POSTINGS == 128, "the marks' check counts 128 rows");
    static const struct { const char *sql, *want, *what; } marks[] = {
        {"SELECT count(*) FROM copy_keys m WHERE m.article_id = 0 AND (SELECT count(*) FROM"
         " (SELECT 1 FROM copy_keys k WHERE k.key = m.key AND k.article_id > 0 LIMIT 129)) <= 128",
         "0", "copy keys marked full with 128 rows or fewer"},
        {"SELECT count(*) FROM copy_keys WHERE article_id BETWEEN 1 AND 31", "0",
         "copy keys of article 0"},
    };
    /* the dictionary of terms from schema 17 (term_dict.c): ids given one
     * after another, the rows of an article's new terms with the article,
     * each term's id in its row of terms or terms_recent (where the writer
     * finds it) and no other id there */
    static const struct { const char *sql, *want, *what; } dict[] = {
        {"SELECT coalesce(max(id), 0) - count(*) FROM term_dict", "0",
         "term ids not numbered from 1 without gaps"},
        {"SELECT count(*) FROM term_dict d WHERE d.id IS NOT (SELECT max(dict_id) FROM"
         " (SELECT dict_id FROM terms WHERE id = d.term"
         " UNION ALL SELECT dict_id FROM terms_recent WHERE id = d.term))",
         "0", "a dictionary term without its id in terms"},
        {"SELECT count(*) FROM (SELECT id, dict_id FROM terms WHERE dict_id IS NOT NULL"
         " UNION ALL SELECT id, dict_id FROM terms_recent WHERE dict_id IS NOT NULL) t"
         " WHERE NOT EXISTS (SELECT 1 FROM term_dict d WHERE d.id = t.dict_id AND d.term = t.id)",
         "0", "a term id in terms that the dictionary does not give it"},
    };
    /* One snapshot for all: an ingest committing meanwhile cannot make the
     * counts of one check disagree with another's. A reader is in its own
     * snapshot already (sl_store_begin_read). A writer's open batch is half
     * written (term counts, story changes come at its commit): checked, a
     * healthy store could look damaged. */
    if (!st->read_only && !sqlite3_get_autocommit(st->db)) {
        sl_buf_puts(why, "check: a write batch is open (commit it first): it is half written");
        return SL_EUSAGE;
    }
    int own = !st->read_only;
    if (own && sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "check: %s", sqlite3_errmsg(st->db));
        return SL_ESTORE;
    }
    int rc = 0;
    for (size_t i = 0; !rc && i < sizeof checks / sizeof checks[0]; i++)
        rc = check_query(st, checks[i].sql, checks[i].want, checks[i].what, why);
    size_t n_recent = st->schema >= SL_STORE_RECENT_SINCE ? sizeof recent / sizeof recent[0] : 0;
    for (size_t i = 0; !rc && i < n_recent; i++)
        rc = check_query(st, recent[i].sql, recent[i].want, recent[i].what, why);
    size_t n_dict = st->schema >= SL_STORE_DICT_SINCE ? sizeof dict / sizeof dict[0] : 0;
    for (size_t i = 0; !rc && i < n_dict; i++)
        rc = check_query(st, dict[i].sql, dict[i].want, dict[i].what, why);
    size_t n_marks = st->schema >= SL_STORE_FULL_KEYS_SINCE ? sizeof marks / sizeof marks[0] : 0;
    for (size_t i = 0; !rc && i < n_marks; i++)
        rc = check_query(st, marks[i].sql, marks[i].want, marks[i].what, why);
    if (!rc) /* the grouper's index of stories by term against the centroids */
        rc = sl_store_story_terms_verify(st, why);
    if (!rc)
        rc = check_facts(st, why);
    if (!rc && st->schema >= SL_STORE_TERM_WEIGHTS_SINCE) /* and their norms */
        rc = sl_store_story_norms_verify(st, why);
    if (own)
        sqlite3_exec(st->db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
    /* FTS5's own check compares the index with the articles it was built
     * from; it is a write (SQLite 3.40; PRAGMA integrity_check makes it
     * read-only only from 3.44), so a reader goes without it. */
    if (rc || st->read_only)
        return rc;
    if (sqlite3_exec(st->db, "INSERT INTO article_fts(article_fts, rank) VALUES('integrity-check', 1)",
                     NULL, NULL, NULL) != SQLITE_OK) {
        sl_buf_printf(why, "search index integrity: %s", sqlite3_errmsg(st->db));
        return SL_ESTORE;
    }
    return 0;
}
