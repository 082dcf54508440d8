/* gzfile.c — reads a whole input file that may be gzip-compressed (zlib's
 * gzread passes plain files through), with a size cap on what it yields:
 * `storyline extract` and the evaluation read gzipped pages directly, and
 * "-" names standard input. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "ingest/ingest.h"

/* zlib's message without the name it puts first ("x.gz: incorrect data
 * check"): the caller names the input itself. */
static const char *zlib_reason(const char *zmsg, const char *path)
{
    size_t n = strlen(path);
    const char *sep = strstr(zmsg, ": ");
    if (!strncmp(zmsg, path, n) && !strncmp(zmsg + n, ": ", 2))
        return zmsg + n + 2;
    return sep && !strncmp(zmsg, "<fd:", 4) ? sep + 2 : zmsg;   /* standard input's name */
}

int sl_gz_read_file(const char *path, size_t cap, sl_buf *out, sl_buf *why)
{
    sl_buf_init(out, cap + 1);
    sl_buf_clear(why);
    gzFile f = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(STDIN_FILENO), "rb");
    if (!f) {
        sl_buf_printf(why, "cannot open: %s", errno ? strerror(errno) : "out of memory");
        return SL_EIO;
    }
    char chunk[65536];
    int got, rc = 0;
    while ((got = gzread(f, chunk, sizeof chunk)) > 0)
        if (sl_buf_put(out, chunk, (size_t)got))
            break;
    int read_errno = errno, zerr = 0;
    const char *zmsg = gzerror(f, &zerr);
    if (out->err == SL_ETOOLARGE) {
        sl_buf_printf(why, "more than %zu MB: over the cap", cap >> 20);
        rc = SL_ETOOLARGE;
    } else if (out->err) {
        sl_buf_puts(why, "out of memory");
        rc = SL_ENOMEM;
    } else if (got < 0 || (zerr && zerr != Z_OK)) {
        /* Z_BUF_ERROR: the gzip stream ended early (a cut download). */
        /* Z_ERRNO: zlib's message would name the path again ("x: x: Is a directory"). */
        sl_buf_printf(why, "%s", zerr == Z_BUF_ERROR ? "truncated gzip data"
                                 : zerr == Z_ERRNO   ? strerror(read_errno)
                                                     : zlib_reason(zmsg, path));
        rc = zerr == Z_ERRNO ? SL_EIO : SL_EBADINPUT;
    }
    gzclose(f);
    return rc;
}

int sl_gz_peek(const char *path, char *head, size_t size, int *gzipped)
{
    FILE *f = fopen(path, "rb");
    unsigned char magic[2] = {0};
    *gzipped = f && fread(magic, 1, 2, f) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (f)
        fclose(f);
    gzFile z = f ? gzopen(path, "rb") : NULL;
    int got = z ? gzread(z, head, (unsigned)size) : -1;
    if (z)
        gzclose(z);
    return got;
}
