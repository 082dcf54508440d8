/* faultvfs.h — a test VFS that fails the Nth SQLite write or sync
 * (STORYLINE_FAIL_WRITE=N); see faultvfs.c. */
#ifndef SL_STORE_FAULTVFS_H
#define SL_STORE_FAULTVFS_H

/* Installs the fault VFS as SQLite's default when STORYLINE_FAIL_WRITE is
 * set; does nothing otherwise. Call before opening a database. */
void sl_store_faultvfs_install(void);
#endif
