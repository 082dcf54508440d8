/* normalize.c — NFKC plus our space, zero-width and line rules, so that copies
 * of an article differing only in typography compare equal. ASCII and common
 * typographic characters take a fast path; only the rest goes to utf8proc. */
#include <stdlib.h>
#include <utf8proc.h>

#include "text/swar.h"
#include "text/text.h"
#include "util/alloc.h"

#define NFKC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE)

/* Output state: spaces and newlines are held back until the next visible
 * character, which is how runs collapse and trailing ones disappear. */
typedef struct norm {
    sl_buf *out;
    int newlines;      /* newlines waiting (0..2: three or more become two) */
    bool space;        /* a space waiting */
    bool started;      /* something visible has been written */
    bool line_started; /* something visible has been written on this line */
} norm;

static void flush_pending(norm *n)
{
    if (n->newlines) {
        if (n->started) /* leading blank lines are dropped */
            sl_buf_put(n->out, "\n\n", (size_t)n->newlines);
        n->newlines = 0;
    } else if (n->space && n->line_started) {
        sl_buf_put(n->out, " ", 1);
    }
    n->space = false;
}

static void put_visible(norm *n, const char *s, size_t len)
{
    flush_pending(n);
    sl_buf_put(n->out, s, len);
    n->started = n->line_started = true;
}

static void put_space(norm *n)
{
    if (n->line_started) /* spaces at the start of a line are dropped */
        n->space = true;
}

static void put_newline(norm *n, int count)
{
    n->space = false; /* trailing spaces on a line are dropped */
    n->line_started = false;
    n->newlines = n->newlines + count > 2 ? 2 : n->newlines + count;
}

bool sl_text_zero_width(int32_t cp)
{
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

/* Writes one code point of NFKC output under the space and line rules. */
static void put_cp(norm *n, int32_t cp)
{
    if (cp == '\n' || cp == 0x85 || cp == 0x2028) {
        put_newline(n, 1);
    } else if (cp == 0x2029) {
        put_newline(n, 2);
    } else if (cp == ' ' || cp == '\t') {
        put_space(n);
    } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || sl_text_zero_width(cp)) {
        /* controls (C0, DEL, C1) and zero-width characters: dropped */
    } else if (cp == 0x2044) {
        put_visible(n, "/", 1); /* NFKC makes "½" into 1 U+2044 2; "1/2" reads the same */
    } else if (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
        put_space(n);
    } else {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(cp, enc);
        put_visible(n, (const char *)enc, (size_t)k);
    }
}

/* Non-ASCII characters that NFKC leaves alone (or that we map ourselves)
 * and that never compose with what follows: Latin-1 letters, no-break and
 * other spaces, zero-width characters, curly quotes, dashes, guillemets,
 * and the ellipsis (which NFKC makes "...", as we do). */
static bool fast_cp(int32_t cp)
{
    if (cp >= 0xC0 && cp <= 0xFF)
        return true;
    switch (cp) {
    case 0x00A0: case 0x00AB: case 0x00AD: case 0x00BB:
    case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2022: case 0x2026: case 0x2039: case 0x203A: case 0x20AC:
        return true;
    default:
        return sl_text_zero_width(cp);
    }
}

/* True when the character at s[i] is a combining mark, which would
 * compose with (or reorder against) the character before it. */
static bool combining_at(const char *s, size_t len, size_t i)
{
    if (i >= len || (unsigned char)s[i] < 0x80)
        return false;
    int32_t cp = sl_utf8_next(s, len, &i);
    return utf8proc_get_property(cp)->combining_class != 0;
}

/* NFKC of s[start, end) through utf8proc; the segment starts with a
 * starter (or is the start of the text), so composition cannot reach out. */
static int normalize_segment(norm *n, const char *s, size_t start, size_t end)
{
    utf8proc_int32_t small[128], *cps = small;
    const utf8proc_uint8_t *seg = (const utf8proc_uint8_t *)s + start;
    utf8proc_ssize_t seglen = (utf8proc_ssize_t)(end - start);
    utf8proc_ssize_t count = utf8proc_decompose(seg, seglen, cps, 128, NFKC_OPTIONS);
    int rc = 0;
    if (count < 0)
        return count == UTF8PROC_ERROR_NOMEM ? SL_ENOMEM : SL_EBADINPUT;
    if (count > 128) {
        cps = sl_malloc((size_t)count * sizeof *cps);
        if (!cps)
            return SL_ENOMEM;
        count = utf8proc_decompose(seg, seglen, cps, count, NFKC_OPTIONS);
        if (count < 0) {
            rc = SL_EBADINPUT;
            goto done;
        }
    }
    count = utf8proc_normalize_utf32(cps, count, NFKC_OPTIONS);
    for (utf8proc_ssize_t k = 0; k < count; k++)
        put_cp(n, cps[k]);
done:
    if (cps != small)
        free(cps);
    return rc;
}

static bool graphic_ascii(unsigned char b) { return b > 0x20 && b < 0x7F; }

/* Whether the run below goes on over all of the eight bytes at s:
 * printable ASCII whose spaces are single and each before a graphic byte
 * (so the last byte is no space: what follows it is not looked at). */
static bool graphic_words8(const unsigned char *s)
{
    uint64_t w = sl_swar_load(s), spaces = sl_swar_eq(w, ' ');
    return s[7] != ' ' && sl_swar_printable(w) && !(spaces & (spaces >> 8));
}

/* How many of the sixteen bytes at s the run below goes on over before
 * it stops (16: all of them), as vectors (needs 17 bytes): the bytes and
 * the bytes after them (s + 1), a byte stopping the run unless it is
 * graphic or a space before a graphic byte, the byte loop's test, lane by
 * lane (docs/history/benchmarks-rounds.md, "Twenty-third round" and "Twenty-fourth
 * round"). */
static size_t graphic_words16_len(const unsigned char *s)
{
    sl_bytes16 b, next, stop;
    sl_bytes16_load(&b, s);
    sl_bytes16_load(&next, s + 1);
    stop = (sl_bytes16)(((b <= 0x20) | (b >= 0x7F)) & ~((b == ' ') & (next > 0x20) & (next < 0x7F)));
    return sl_bytes16_first(&stop);
}

/* The end of the run of graphic ASCII from s[i] (a graphic byte), with
 * the single spaces between its words: a space between two visible
 * characters of a line is written as it is, so the run goes out in one
 * put (a put a word was 8% of `dedup`'s instructions); it ends on a
 * graphic byte. Sixteen bytes at a time up to the first that stops it,
 * then eight bytes stepped over only when each is in the run, so the end
 * is the byte loop's whatever the steps. */
static size_t ascii_run_end(const unsigned char *s, size_t len, size_t i)
{
    size_t run = i + 1;
    while (len - run >= 17) {
        size_t in = graphic_words16_len(s + run);
        run += in;
        if (in < 16)
            return run;
    }
    while (len - run >= 8 && graphic_words8(s + run))
        run += 8;
    while (run < len && (graphic_ascii(s[run]) ||
                         (s[run] == ' ' && run + 1 < len && graphic_ascii(s[run + 1]))))
        run++;
    return run;
}

/* ASCII spaces and controls: the line rules, CRLF and CR included. A run
 * of spaces and tabs is one put_space, which a second call would only
 * repeat (the call a byte, through put_cp, was 0.5% of dedup's
 * instructions on the tables of Reuters: docs/history/benchmarks-rounds.md,
 * "Twenty-seventh round: dedup"). */
static size_t put_ascii_control(norm *n, const char *s, size_t len, size_t i)
{
    if (s[i] == ' ' || s[i] == '\t') {
        while (++i < len && (s[i] == ' ' || s[i] == '\t'))
            ;
        put_space(n);
        return i;
    }
    if (s[i] == '\r') {
        put_newline(n, 1);
        return i + 1 < len && s[i + 1] == '\n' ? i + 2 : i + 1;
    }
    put_cp(n, (unsigned char)s[i]);
    return i + 1;
}

int sl_text_normalize(const char *in, size_t len, sl_buf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    norm n = {.out = out};
    bool mac_roman = sl_mac_roman_misread(in, len);
    size_t i = 0;
    while (i < len && !out->err) {
        size_t seg;
        if (graphic_ascii(s[i])) {
            size_t run = ascii_run_end(s, len, i);
            /* the run's last character is normalised with the marks after it */
            size_t end = run < len && combining_at(in, len, run) ? run - 1 : run;
            if (end > i)
                put_visible(&n, in + i, end - i);
            i = end;
            if (end == run)
                continue;
            seg = i++;
        } else if (s[i] < 0x80) {
            i = put_ascii_control(&n, in, len, i);
            continue;
        } else {
            size_t next = i;
            int32_t cp = sl_utf8_next(in, len, &next);
            int32_t meant = mac_roman ? sl_mac_roman_char(in, len, i, next, cp) : cp;
            if (meant != cp || (fast_cp(cp) && !combining_at(in, len, next))) {
                cp = meant;
                if (cp == 0x2026)
                    put_visible(&n, "...", 3);
                else
                    put_cp(&n, cp);
                i = next;
                continue;
            }
            seg = i;
        }
        while (i < len && s[i] >= 0x80)
            i++;
        int rc = normalize_segment(&n, in, seg, i);
        if (rc)
            return rc;
    }
    return out->err;
}
