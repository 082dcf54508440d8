/* gzfile.c — reads a whole input file that may be gzip-compressed (zlib's
 * gzread passes plain files through), with a size cap on what it yields:
 * ingest, `storyline extract`, the command's store-less readers (timex,
 * summarize, facts --text, compare) and the evaluation read gzipped files
 * alike, and "-" names standard input. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "util/error.h"
#include "util/gzfile.h"

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
    sl_buf_init(out, cap);
    sl_buf_clear(why);
    gzFile f = strcmp(path, "-") ? gzopen(path, "rb") : gzdopen(dup(STDIN_FILENO), "rb");
    if (!f) {
        sl_buf_puts(why, errno ? strerror(errno) : "out of memory");
        return SL_UTIL_EIO;
    }
    char chunk[65536];
    int got, rc = 0;
    while ((got = gzread(f, chunk, sizeof chunk)) > 0)
        if (sl_buf_put(out, chunk, (size_t)got))
            break;
    int read_errno = errno, zerr = 0;
    const char *zmsg = gzerror(f, &zerr);
    if (out->err == SL_UTIL_ETOOLARGE) {
        sl_buf_printf(why, SL_OVER_CAP_FMT, cap >> 20);
        rc = SL_UTIL_ETOOLARGE;
    } else if (out->err) {
        sl_buf_puts(why, "out of memory");
        rc = SL_UTIL_ENOMEM;
    } else if (got < 0 || (zerr && zerr != Z_OK)) {
        /* Z_BUF_ERROR: the gzip stream ended early (a cut download). */
        /* Z_ERRNO: zlib's message would name the path again ("x: x: Is a directory"). */
        sl_buf_printf(why, "%s", zerr == Z_BUF_ERROR ? "truncated gzip data"
                                 : zerr == Z_ERRNO   ? strerror(read_errno)
                                                     : zlib_reason(zmsg, path));
        rc = zerr == Z_ERRNO ? SL_UTIL_EIO : SL_UTIL_EBADINPUT;
        /* Only a cut stream's bytes are sound: after other damage (a failed
         * check, a bad code) some already given are known wrong (read30). */
        if (zerr != Z_BUF_ERROR)
            sl_buf_clear(out);
    }
    gzclose(f);
    return rc;
}

/* The peek inflates the file's first bytes itself, keeping what comes out
 * before any damage: gzread gave nothing for a first member whose check
 * failed, so a .warc.gz so damaged was read as one broken gzip file and the
 * good records after it were lost. A member's first bytes come out of its
 * first few hundred bytes; PEEK_IN leaves room for long header fields. */
#define PEEK_IN 16384

int sl_gz_peek(const char *path, char *head, size_t size, int *gzipped)
{
    unsigned char in[PEEK_IN];
    FILE *f = fopen(path, "rb");
    *gzipped = 0;
    if (!f)
        return -1;
    size_t got = fread(in, 1, sizeof in, f);
    int failed = ferror(f);
    fclose(f);
    if (failed)
        return -1;
    *gzipped = got >= 2 && in[0] == 0x1f && in[1] == 0x8b;
    if (!*gzipped) {
        size_t n = got < size ? got : size;
        memcpy(head, in, n);
        return (int)n;
    }
    z_stream z = {.next_in = in, .avail_in = (uInt)got,
                  .next_out = (unsigned char *)head, .avail_out = (uInt)size};
    if (inflateInit2(&z, 15 + 16) != Z_OK)
        return -1;
    /* Member after member, as gzread goes on (an empty first member, as
     * `gzip </dev/null` makes, gives nothing of its own); an error after
     * the first bytes leaves them. */
    while (inflate(&z, Z_SYNC_FLUSH) == Z_STREAM_END && z.avail_out && z.avail_in)
        inflateReset(&z);
    int made = (int)(size - z.avail_out);
    inflateEnd(&z);
    return made;
}
