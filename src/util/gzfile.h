/* gzfile.h — one reader of a whole input file, plain or gzip-compressed,
 * for every layer that reads files: ingest, the page extractor, and the
 * command's store-less readers (timex, summarize, facts --text, compare). */
#ifndef SL_UTIL_GZFILE_H
#define SL_UTIL_GZFILE_H

#include <stddef.h>

#include "util/buf.h"

/* Reads a plain or gzip-compressed file ("-": standard input) whole into `out` (initialised here;
 * the caller frees it). Over `cap` bytes: SL_UTIL_ETOOLARGE; unreadable: SL_UTIL_EIO;
 * broken or truncated gzip: SL_UTIL_EBADINPUT, `out` holding what came out before the
 * cut of a truncated stream (nothing after other damage: those bytes may be wrong).
 * `why` gets the reason, without the path. */
int sl_gz_read_file(const char *path, size_t cap, sl_buf *out, sl_buf *why);
/* The first `size` bytes of a file, gzip undone; whether it is gzipped.
 * Returns the bytes read, or -1 when the file cannot be read. */
int sl_gz_peek(const char *path, char *head, size_t size, int *gzipped);

#endif
