/* faultvfs.c — a thin SQLite VFS over the default one that fails the Nth
 * xWrite or xSync (counted together, over every file of the process) once,
 * as a full or failing disk would. Tests set STORYLINE_FAIL_WRITE=N and walk
 * N = 1, 2, ... through an ingest (tests/e2e/faults.sh) to prove that every
 * write failure is reported and leaves the store whole. Unset, nothing is
 * installed and SQLite runs on its own VFS. */
#include "faultvfs.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An open file: ours in front, the default VFS's file right behind it. */
typedef struct fault_file {
    sqlite3_file base;
    sqlite3_file *real;
} fault_file;

static sqlite3_vfs *root;
static atomic_long countdown;

static sqlite3_file *real_of(sqlite3_file *f) { return ((fault_file *)f)->real; }

/* True when this write or sync is the one to fail. */
static int injected_failure(const char *what)
{
    if (atomic_load(&countdown) <= 0 || atomic_fetch_sub(&countdown, 1) != 1)
        return 0;
    fprintf(stderr, "storyline: injected %s failure (STORYLINE_FAIL_WRITE)\n", what);
    return 1;
}

static int f_close(sqlite3_file *f)
{
    sqlite3_file *r = real_of(f);
    return r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
}
static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (injected_failure("write"))
        return SQLITE_IOERR_WRITE;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
static int f_sync(sqlite3_file *f, int flags)
{
    if (injected_failure("sync"))
        return SQLITE_IOERR_FSYNC;
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
static int f_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
static int f_lock(sqlite3_file *f, int lock) { return real_of(f)->pMethods->xLock(real_of(f), lock); }
static int f_unlock(sqlite3_file *f, int lock) { return real_of(f)->pMethods->xUnlock(real_of(f), lock); }
static int f_check_reserved(sqlite3_file *f, int *out)
{
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
static int f_file_control(sqlite3_file *f, int op, void *arg)
{
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
static int f_sector_size(sqlite3_file *f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
static int f_device(sqlite3_file *f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
static int f_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
static int f_shm_lock(sqlite3_file *f, int offset, int n, int flags)
{
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
static void f_shm_barrier(sqlite3_file *f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
static int f_shm_unmap(sqlite3_file *f, int delete_flag)
{
    return real_of(f)->pMethods->xShmUnmap(real_of(f), delete_flag);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **out)
{
    return real_of(f)->pMethods->xFetch(real_of(f), off, n, out);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
    return real_of(f)->pMethods->xUnfetch(real_of(f), off, p);
}

static const sqlite3_io_methods fault_methods = {
    3, f_close, f_read, f_write, f_truncate, f_sync, f_file_size, f_lock, f_unlock,
    f_check_reserved, f_file_control, f_sector_size, f_device, f_shm_map, f_shm_lock,
    f_shm_barrier, f_shm_unmap, f_fetch, f_unfetch};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out_flags)
{
    fault_file *ff = (fault_file *)f;
    ff->real = (sqlite3_file *)(ff + 1);
    ff->base.pMethods = NULL;
    int rc = root->xOpen(root, name, ff->real, flags, out_flags);
    if (ff->real->pMethods) {
        if (ff->real->pMethods->iVersion < 3) {   /* the default VFS has them all */
            ff->real->pMethods->xClose(ff->real);
            return SQLITE_CANTOPEN;
        }
        ff->base.pMethods = &fault_methods;
    }
    return rc;
}
static int v_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    return root->xDelete(root, name, sync_dir);
}
static int v_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    return root->xAccess(root, name, flags, out);
}
static int v_full_pathname(sqlite3_vfs *vfs, const char *name, int n, char *out)
{
    return root->xFullPathname(root, name, n, out);
}
static int v_randomness(sqlite3_vfs *vfs, int n, char *out) { return root->xRandomness(root, n, out); }
static int v_sleep(sqlite3_vfs *vfs, int us) { return root->xSleep(root, us); }
static int v_current_time(sqlite3_vfs *vfs, double *out) { return root->xCurrentTime(root, out); }
static int v_last_error(sqlite3_vfs *vfs, int n, char *out) { return root->xGetLastError(root, n, out); }
static int v_current_time64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    return root->xCurrentTimeInt64(root, out);
}

static sqlite3_vfs fault_vfs = {
    2, 0, 1024, NULL, "storyline-fault", NULL, v_open, v_delete, v_access, v_full_pathname,
    NULL, NULL, NULL, NULL, v_randomness, v_sleep, v_current_time, v_last_error,
    v_current_time64, NULL, NULL, NULL};

void sl_store_faultvfs_install(void)
{
    const char *env = getenv("STORYLINE_FAIL_WRITE");
    if (!env || root || !(root = sqlite3_vfs_find(NULL)))
        return;
    atomic_store(&countdown, strtol(env, NULL, 10));
    fault_vfs.szOsFile = (int)sizeof(fault_file) + root->szOsFile;
    fault_vfs.mxPathname = root->mxPathname;
    sqlite3_vfs_register(&fault_vfs, 1);
}
