/* lines.c — fuzz target: the line reader of a file (src/util/lines.c) with
 * its caps. The first five bytes pick the longest line (byte 0), the cap on
 * the file's bytes (1, 2), how often the rest repeats to make the file
 * (3: past one read's 64 KB) and the head read before (4); the lines must
 * be the file's, in order, and the reader must stop where the caps say. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "util/error.h"
#include "util/lines.h"

typedef struct setup {
    size_t max_line, max_total, head;
    sl_buf file;
} setup;

static int setup_of(const uint8_t *data, size_t size, setup *s)
{
    if (size < 5)
        return -1;
    sl_buf_init(&s->file, 0);
    for (int k = 0; k <= data[3] % 4; k++)
        sl_buf_put(&s->file, data + 5, size - 5);
    if (s->file.err)
        return -1;
    s->max_line = data[0] == 255 ? (size_t)1 << 30 : (size_t)data[0] * 300;
    size_t v = (size_t)data[1] | (size_t)data[2] << 8;
    size_t near = s->file.len + data[2] % 5;   /* byte 1 odd: within two bytes of the file's size */
    s->max_total = !(data[1] & 1) ? v * 8 : near >= 2 ? near - 2 : 0;
    s->head = (size_t)data[4] * 260 < s->file.len ? (size_t)data[4] * 260 : s->file.len;
    return 0;
}

/* What the next call must give at `pos`: 1 (a line of *len bytes, *taken
 * with its newline), 0 (the end) or SL_UTIL_ETOOLARGE. */
static int expected(const setup *s, size_t pos, size_t *len, size_t *taken)
{
    size_t seen = s->file.len < s->max_total ? s->file.len : s->max_total;
    const char *nl = pos < seen ? memchr(s->file.ptr + pos, '\n', seen - pos) : NULL;
    *len = nl ? (size_t)(nl - (s->file.ptr + pos)) : s->file.len - pos;
    *taken = *len + (nl != NULL);
    if (!nl && s->file.len > s->max_total)
        return SL_UTIL_ETOOLARGE;
    if (*len > s->max_line)
        return SL_UTIL_ETOOLARGE;
    return nl || *len ? 1 : 0;
}

static void read_all(const setup *s, FILE *f)
{
    sl_buf head;
    sl_buf_init(&head, 0);
    if (sl_buf_reserve(&head, s->head + 1) || fread(head.ptr, 1, s->head, f) != s->head)
        abort();
    head.len = s->head;
    sl_lines lines;
    sl_lines_from_file(&lines, f, &head, s->max_line, s->max_total);
    size_t pos = 0, len, taken, want_len, want_taken;
    const char *line;
    for (;;) {
        int got = sl_lines_next(&lines, &line, &len, &taken);
        int want = expected(s, pos, &want_len, &want_taken);
        if (got != want)
            abort();
        if (got != 1)
            break;
        if (len != want_len || taken != want_taken || memcmp(line, s->file.ptr + pos, len))
            abort();
        pos += taken;
    }
    sl_lines_free(&lines);
    sl_buf_free(&head);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup s;
    if (setup_of(data, size, &s))
        return 0;
    const char *path = fuzz_temp_file((const uint8_t *)s.file.ptr, s.file.len);
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (f) {
        read_all(&s, f);
        fclose(f);
    }
    if (path)
        unlink(path);
    sl_buf_free(&s.file);
    return 0;
}
