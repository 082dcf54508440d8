/* lines.c — an input's lines, from memory or streamed from a file (see
 * lines.h). A file is read READ_BYTES at a time into one buffer; the bytes
 * of a line cut by a read move to its start before the next read, so the
 * buffer grows only for a line longer than it. */
#include <string.h>

#include "util/error.h"
#include "util/lines.h"

/* What one read asks for: stdio's own 64 KB chunk before, and few enough
 * that the buffer stays in the L2 cache of the line it holds. */
#define READ_BYTES ((size_t)64 << 10)

void sl_lines_from_memory(sl_lines *l, const char *data, size_t len)
{
    memset(l, 0, sizeof *l);
    l->data = data;
    l->len = len;
}

void sl_lines_from_file(sl_lines *l, FILE *file, sl_buf *head, size_t max_line)
{
    memset(l, 0, sizeof *l);
    l->file = file;
    l->max_line = max_line;
    l->buf = *head;
    l->buf.max = max_line + READ_BYTES;
    sl_buf_init(head, head->max);
    l->data = l->buf.ptr;
    l->len = l->buf.len;
}

/* Reads more of the file after the bytes not yet handed out, which move to
 * the buffer's start; 0 at the end of the file, 1 when bytes came, or an error. */
static int read_more(sl_lines *l)
{
    size_t left = l->len - l->pos;
    if (left && l->pos)
        memmove(l->buf.ptr, l->buf.ptr + l->pos, left);
    l->buf.len = left;
    l->pos = 0;
    if (left > l->max_line)
        return l->err = SL_UTIL_ETOOLARGE;
    if (sl_buf_reserve(&l->buf, READ_BYTES))
        return l->err = l->buf.err;
    size_t got = fread(l->buf.ptr + left, 1, READ_BYTES, l->file);
    l->buf.len += got;
    l->data = l->buf.ptr;
    l->len = l->buf.len;
    if (!got && ferror(l->file))
        return l->err = SL_UTIL_EIO;
    return got > 0;
}

/* Hands out the `n` bytes at pos as a line of `line_len` bytes, unless it
 * is longer than a file's cap: read_more sees only a line cut by a read. */
static int hand_out(sl_lines *l, const char **line, size_t *len, size_t *taken, size_t n,
                    size_t line_len)
{
    if (l->file && line_len > l->max_line)
        return l->err = SL_UTIL_ETOOLARGE;
    *line = l->data + l->pos;
    *len = line_len;
    *taken = n;
    l->pos += n;
    return 1;
}

int sl_lines_next(sl_lines *l, const char **line, size_t *len, size_t *taken)
{
    if (l->err)
        return l->err;
    size_t searched = l->pos;   /* no newline before here in the bytes held */
    for (;;) {
        /* an empty head has no bytes yet: memchr is given no NULL */
        const char *nl =
            searched < l->len ? memchr(l->data + searched, '\n', l->len - searched) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (l->data + l->pos));
            return hand_out(l, line, len, taken, n + 1, n);
        }
        size_t held = l->len - l->pos;
        int more = l->file ? read_more(l) : 0;
        if (more < 0)
            return more;
        if (!more)
            return held ? hand_out(l, line, len, taken, held, held) : 0;
        searched = held;   /* the held bytes now start the buffer */
    }
}

void sl_lines_free(sl_lines *l)
{
    sl_buf_free(&l->buf);
    memset(l, 0, sizeof *l);
}
