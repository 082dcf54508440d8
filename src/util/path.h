/* path.h — what kind of input a path names, by one rule for every layer
 * that opens one (the ingest command, the page extractor). */
#ifndef SL_UTIL_PATH_H
#define SL_UTIL_PATH_H

#include <string.h>
#include <sys/stat.h>

/* Whether `path` is read once, from its first byte on, as a stream: "-"
 * (standard input), or anything that is neither a regular file nor a
 * folder (a pipe, `ingest <(zcat x.gz)`; a character device; a socket),
 * whose bytes once read are gone and whose size is unknown. A path that
 * cannot be looked at is no stream: its reading says why. */
static inline int sl_path_is_stream(const char *path)
{
    struct stat sb;
    return !strcmp(path, "-") || (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode));
}

#endif
