/* lines.c — an input's lines, from memory or streamed from a file (see
 * lines.h). A file is read READ_BYTES at a time into one buffer; the bytes
 * of a line cut by a read move to its start before the next read, so the
 * buffer grows only for a line longer than it. */
#include <errno.h>
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

/* Counts `got` bytes more of the file: those past max_total are not
 * handed out, and the cap's error waits until the bytes before it are.
 * Returns the bytes kept. */
static size_t count_read(sl_lines *l, size_t got)
{
    l->total += got;
    if (l->total <= l->max_total)
        return got;
    size_t over = l->total - l->max_total;
    l->held_err = SL_UTIL_ETOOLARGE;
    return got > over ? got - over : 0;
}

void sl_lines_from_file(sl_lines *l, FILE *file, sl_buf *head, size_t max_line, size_t max_total)
{
    memset(l, 0, sizeof *l);
    l->file = file;
    l->max_line = max_line;
    l->max_total = max_total;
    l->buf = *head;
    l->buf.max = max_line + READ_BYTES;
    sl_buf_init(head, head->max);
    l->buf.len = count_read(l, l->buf.len);
    l->data = l->buf.ptr;
    l->len = l->buf.len;
}

/* Reads more of the file after the bytes not yet handed out, which move to
 * the buffer's start; 0 at the end of the file, 1 when bytes came, or an
 * error: a read's own (its errno kept at once: the caller may report it
 * after other calls have set errno), or one held back until the bytes read
 * before it were handed out. One byte past the cap is asked for, so that a
 * file of max_total bytes ends cleanly and a longer one does not. */
static int read_more(sl_lines *l)
{
    size_t left = l->len - l->pos;
    if (left && l->pos)
        memmove(l->buf.ptr, l->buf.ptr + l->pos, left);
    l->buf.len = left;
    l->pos = 0;
    l->data = l->buf.ptr;
    l->len = left;
    if (l->held_err)
        return l->err = l->held_err;
    if (left > l->max_line)
        return l->err = SL_UTIL_ETOOLARGE;
    if (sl_buf_reserve(&l->buf, READ_BYTES))
        return l->err = l->buf.err;
    size_t want = l->max_total - l->total < READ_BYTES ? l->max_total - l->total + 1 : READ_BYTES;
    errno = 0;
    size_t got = fread(l->buf.ptr + left, 1, want, l->file);
    if (ferror(l->file)) {
        l->read_errno = errno ? errno : EIO;
        l->held_err = SL_UTIL_EIO;
    }
    got = count_read(l, got);
    l->buf.len += got;
    l->data = l->buf.ptr;
    l->len = l->buf.len;
    if (!got && l->held_err)
        return l->err = l->held_err;
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
