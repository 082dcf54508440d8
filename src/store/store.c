/* store.c — opening the store (its schema is migrate.c's) and closing it:
 * the connection, its pragmas and page cache, WAL mode, and a read-only
 * store opened without locks where its folder may not be written. The
 * statement cache is statements.c's, transactions transactions.c's, the
 * integrity check verify.c's; each table's file holds its own SQL as
 * `static const char Q_…[]`. */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "faultvfs.h"
#include "store_internal.h"
#include "util/alloc.h"

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
