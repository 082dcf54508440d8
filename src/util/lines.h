/* lines.h — one reader of an input's lines, from a buffer in memory or
 * from a file through a bounded buffer (a JSONL file is not read whole:
 * memory holds its longest line and a read's worth of bytes, not the file). */
#ifndef SL_UTIL_LINES_H
#define SL_UTIL_LINES_H

#include <stddef.h>
#include <stdio.h>

#include "util/buf.h"

typedef struct sl_lines {
    FILE *file;         /* NULL: the lines of the buffer given, no more */
    const char *data;   /* the bytes not yet handed out are data[pos, len) */
    size_t len, pos;
    size_t max_line;    /* a file's longest line allowed; 0 for memory: any */
    size_t max_total;   /* a file's bytes allowed, head included */
    size_t total;       /* a file's bytes read so far, head included */
    sl_buf buf;         /* a file's bytes read and not yet handed out */
    int err;            /* sticky: SL_UTIL_EIO, SL_UTIL_ENOMEM, SL_UTIL_ETOOLARGE */
    int held_err;       /* the error of a read that also gave bytes: err once they are out */
    int read_errno;     /* with SL_UTIL_EIO, the errno of the read that failed (the reason) */
} sl_lines;

/* The lines of `data` (borrowed: it must outlive the reader). */
void sl_lines_from_memory(sl_lines *l, const char *data, size_t len);
/* The lines of `file` (borrowed, read from where it stands), after the
 * bytes of `head`, which the reader takes (read before, to recognise the
 * format). A line longer than `max_line` bytes is SL_UTIL_ETOOLARGE, and
 * so is a file of more than `max_total` bytes (head included), counted as
 * they are read, whatever its size said when opened (a file that grows):
 * the lines wholly within the first `max_total` bytes come out first. A
 * read that fails is SL_UTIL_EIO, after the lines of the bytes it gave, its
 * reason in read_errno (errno then may be any later call's). */
void sl_lines_from_file(sl_lines *l, FILE *file, sl_buf *head, size_t max_line, size_t max_total);
/* The next line, without its '\n', at *line (valid until the next call),
 * its length in *len, and in *taken the bytes it used with its newline.
 * Returns 1, 0 after the last line, or a negative SL_UTIL_E* code. */
int sl_lines_next(sl_lines *l, const char **line, size_t *len, size_t *taken);
void sl_lines_free(sl_lines *l);

#endif
