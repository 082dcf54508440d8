/* test_lines.c — the line reader (util/lines.c): lines from memory and
 * streamed from a file through its bounded buffer (a line cut by a read,
 * a line longer than a read, the last line without a newline, a line over
 * the cap, a file over its cap as read, a read that fails and its reason;
 * test_jsonl_lines.c ingests a JSONL file larger than one read). Texts
 * invented. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"
#include "util/error.h"
#include "util/lines.h"

/* A file of `len` bytes of `data`, opened for reading, unlinked. */
static FILE *file_of(const char *data, size_t len)
{
    FILE *f = tmpfile();
    if (f) {
        fwrite(data, 1, len, f);
        rewind(f);
    }
    return f;
}

TEST(lines_from_memory_last_without_newline)
{
    const char text[] = "one\n\ntwo\r\nthree";
    sl_lines l;
    const char *line;
    size_t len, taken, total = 0;
    sl_lines_from_memory(&l, text, sizeof text - 1);
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 3 && !memcmp(line, "one", 3) && taken == 4);
    total += taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 0 && taken == 1);
    total += taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 4 && !memcmp(line, "two\r", 4));
    total += taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 5 && !memcmp(line, "three", 5) && taken == 5);
    total += taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 0);
    CHECK_INT(total, sizeof text - 1);
    sl_lines_free(&l);
}

/* Lines of lengths 0 to 200,000 bytes (many cut by a read, some longer
 * than one) come back whole and in order from a file, after a head. */
TEST(lines_from_file_cut_and_long_lines)
{
    size_t n = 0, cap = 8u << 20;
    char *data = malloc(cap);
    CHECK(data != NULL);
    if (!data)
        return;
    size_t lens[64];
    for (int i = 0; i < 64; i++) {
        lens[i] = (size_t)i * 1021 + (i % 7 == 0 ? 200000 : 0);
        for (size_t k = 0; k < lens[i]; k++)
            data[n + k] = (char)('a' + (i + k) % 26);
        n += lens[i];
        data[n++] = '\n';
    }
    data[n++] = 'z';   /* a last line without a newline */
    FILE *f = file_of(data, n);
    CHECK(f != NULL);
    sl_buf head;
    sl_buf_init(&head, 0);
    char first[1000];
    size_t got = fread(first, 1, sizeof first, f);
    sl_buf_put(&head, first, got);
    sl_lines l;
    sl_lines_from_file(&l, f, &head, 1u << 20, SIZE_MAX);
    CHECK(head.ptr == NULL);
    const char *line;
    size_t len, taken, at = 0;
    for (int i = 0; i < 64; i++) {
        CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
        CHECK_INT(len, lens[i]);
        CHECK(!memcmp(line, data + at, len) && taken == len + 1);
        at += taken;
    }
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 1 && *line == 'z' && taken == 1);
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 0);
    /* the buffer holds the longest line and a read, not the file */
    CHECK(l.buf.cap < 600000);
    sl_lines_free(&l);
    fclose(f);
    free(data);
}

/* The `n` bytes of `data` read with a cap of `max`: their first line,
 * `first`, comes back, and the next, over the cap, is refused for good. */
static void check_over_cap(const char *data, size_t n, size_t max, const char *first)
{
    FILE *f = file_of(data, n);
    sl_buf head;
    sl_buf_init(&head, 0);
    sl_lines l;
    sl_lines_from_file(&l, f, &head, max, SIZE_MAX);
    const char *line;
    size_t len, taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == strlen(first) && !memcmp(line, first, len));
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), SL_UTIL_ETOOLARGE);
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), SL_UTIL_ETOOLARGE);
    sl_lines_free(&l);
    fclose(f);
}

TEST(lines_from_file_over_the_cap)
{
    size_t n = 300000;
    char *data = malloc(n + 20);
    CHECK(data != NULL);
    if (!data)
        return;
    memcpy(data, "short\n", 6);
    memset(data + 6, 'x', n - 6);
    check_over_cap(data, n, 100000, "short");
    free(data);
}

/* A line over the cap shorter than one read is refused as well: the cap
 * is the line's, not the buffer's (a 16-byte line passed a cap of 10). */
TEST(lines_from_file_over_the_cap_within_one_read)
{
    const char text[] = "0123456789\n0123456789ABCDEF\nok\n";
    check_over_cap(text, sizeof text - 1, 10, "0123456789");
}

/* `n_lines` lines of 9 bytes and a newline. */
static char *ten_byte_lines(size_t n_lines)
{
    char *data = malloc(n_lines * 10 + 1);
    for (size_t i = 0; data && i < n_lines; i++)
        snprintf(data + i * 10, 11, "line%05zu\n", i);
    return data;
}

/* The lines of `data` (n bytes) read with a file cap of `max_total` after
 * a head of `head_len` bytes: how many came out before `end`. */
static size_t lines_before(const char *data, size_t n, size_t head_len, size_t max_total, int end)
{
    FILE *f = file_of(data, n);
    sl_buf head;
    sl_buf_init(&head, 0);
    sl_buf_put(&head, data, head_len);
    fseek(f, (long)head_len, SEEK_SET);
    sl_lines l;
    sl_lines_from_file(&l, f, &head, 1000, max_total);
    const char *line;
    size_t len, taken, got = 0;
    int rc;
    while ((rc = sl_lines_next(&l, &line, &len, &taken)) == 1) {
        CHECK(len == 9 && !memcmp(line, data + got * 10, 9));
        got++;
    }
    CHECK_INT(rc, end);
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), end);   /* for good */
    sl_lines_free(&l);
    fclose(f);
    return got;
}

/* A file's cap counts the bytes read, not the size the file had when
 * opened: a file that grows past it (or a stream) stops there, with the
 * lines wholly before the cap given first (their bytes, 100,000 of a
 * 300,000-byte file, more than a read). A file of exactly the cap is
 * whole; a head past the cap stops it too. */
TEST(lines_from_file_stop_at_the_cap_on_the_bytes_read)
{
    char *data = ten_byte_lines(30000);
    CHECK(data != NULL);
    if (!data)
        return;
    CHECK_INT(lines_before(data, 300000, 1000, 100005, SL_UTIL_ETOOLARGE), 10000);
    CHECK_INT(lines_before(data, 300000, 0, 100000, SL_UTIL_ETOOLARGE), 10000);
    CHECK_INT(lines_before(data, 100000, 1000, 100000, 0), 10000);
    CHECK_INT(lines_before(data, 300000, 1000, 505, SL_UTIL_ETOOLARGE), 50);
    free(data);
}

/* A stream whose second read fails (EIO) and whose third would give more
 * bytes: a read that fails after a network drive's first bytes, say. */
typedef struct flaky {
    int reads;
} flaky;

static ssize_t flaky_read(void *cookie, char *buf, size_t size)
{
    static const char first[] = "one\ntwo\nthr", third[] = "ee\nfour\n";
    flaky *fl = cookie;
    switch (fl->reads++) {
    case 0:
        memcpy(buf, first, size < sizeof first - 1 ? size : sizeof first - 1);
        return (ssize_t)(sizeof first - 1);
    case 1:
        errno = EIO;
        return -1;
    case 2:
        memcpy(buf, third, size < sizeof third - 1 ? size : sizeof third - 1);
        return (ssize_t)(sizeof third - 1);
    default:
        return 0;
    }
}

/* A read that fails after giving bytes: their whole lines come out, then
 * the failure, for good (the bytes a later read would give are not taken
 * as the file's next lines), and its reason is the read's own, whatever
 * errno says when it is reported (the ingest of the lines before it ran
 * SQLite in between; the message said that call's errno, "Success" or
 * another file's "No such file or directory"). */
TEST(lines_from_file_read_error_gives_its_own_reason)
{
    flaky fl = {0};
    FILE *f = fopencookie(&fl, "r", (cookie_io_functions_t){.read = flaky_read});
    CHECK(f != NULL);
    if (!f)
        return;
    sl_buf head;
    sl_buf_init(&head, 0);
    sl_lines l;
    sl_lines_from_file(&l, f, &head, 1000, SIZE_MAX);
    const char *line;
    size_t len, taken;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 3 && !memcmp(line, "one", 3));
    errno = ENOENT;   /* what the ingest of a line may leave */
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), 1);
    CHECK(len == 3 && !memcmp(line, "two", 3));
    errno = 0;
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), SL_UTIL_EIO);
    CHECK_INT(l.read_errno, EIO);
    CHECK_INT(sl_lines_next(&l, &line, &len, &taken), SL_UTIL_EIO);
    CHECK_INT(fl.reads, 2);
    sl_lines_free(&l);
    fclose(f);
}
