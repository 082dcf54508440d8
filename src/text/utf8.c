/* utf8.c — the first thing every article goes through: arbitrary bytes become
 * valid UTF-8 with Unix line ends and no control characters, so that every
 * later stage can decode without checking. Also the one UTF-8 decoder, and
 * the cuts of a text to a byte limit (by character, by grapheme). */

#include <string.h>
#include <utf8proc.h>

#include "text/swar.h"
#include "text/text.h"

/* Length of the sequence a lead byte announces, 0 when it can never lead.
 * C0/C1 are overlong two-byte forms, F5..FF would encode > U+10FFFF. */
static int lead_length(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b < 0xC2)
        return 0;
    if (b < 0xE0)
        return 2;
    if (b < 0xF0)
        return 3;
    if (b < 0xF5)
        return 4;
    return 0;
}

/* Bytes of the valid sequence at s[0..avail), 0 when it is invalid. The
 * second byte's range depends on the lead: that is where overlong forms
 * (E0 80.., F0 80..), surrogates (ED A0..) and > U+10FFFF (F4 90..) fail. */
static size_t valid_sequence(const unsigned char *s, size_t avail)
{
    int n = lead_length(s[0]);
    if (n <= 1 || (size_t)n > avail)
        return 0;
    unsigned char lo = 0x80, hi = 0xBF;
    switch (s[0]) {
    case 0xE0: lo = 0xA0; break;
    case 0xED: hi = 0x9F; break;
    case 0xF0: lo = 0x90; break;
    case 0xF4: hi = 0x8F; break;
    default: break;
    }
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (int k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return (size_t)n;
}

size_t sl_utf8_valid_len(const char *s, size_t avail)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] < 0x80 ? 1 : valid_sequence(u, avail);
}

/* Bytes copied as they are: printable ASCII, tab and LF. */
static int plain_ascii(unsigned char b)
{
    return (b >= 0x20 && b < 0x7F) || b == '\t' || b == '\n';
}

/* How many of the sixteen bytes at s are plain ASCII (plain_ascii)
 * before the first that is not; 16 when all are. */
static inline size_t plain16_len(const unsigned char *s)
{
    sl_bytes16 b, stop;
    sl_bytes16_load(&b, s);
    stop = (sl_bytes16)(((b < 0x20) & (b != '\t') & (b != '\n')) | (b >= 0x7F));
    return sl_bytes16_first(&stop);
}

/* The end of the run of plain ASCII from s[i]: sixteen bytes at a time up
 * to the first that is not plain (a vector: docs/history/benchmarks-rounds.md,
 * "Twenty-third round" and "Twenty-fourth round"), then eight printable
 * ones, a tab or a line feed one by one. A block is stepped over only
 * when all its bytes are plain, so the end is the first byte that is not,
 * whatever the block sizes. */
static size_t plain_run_end(const unsigned char *s, size_t len, size_t i)
{
    while (len - i >= 16) {
        size_t plain = plain16_len(s + i);
        i += plain;
        if (plain < 16)
            return i;
    }
    for (;;) {
        while (len - i >= 8 && sl_swar_printable(sl_swar_load(s + i)))
            i += 8;
        if (i == len || !plain_ascii(s[i]))
            return i;
        i++;
    }
}

size_t sl_utf8_repair(const char *in, size_t len, sl_buf *out)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    const unsigned char *s = (const unsigned char *)in;
    size_t bad = 0, i = 0;
    while (i < len) {
        size_t run = plain_run_end(s, len, i);
        if (run > i) {
            sl_buf_put(out, in + i, run - i);
            i = run;
            continue;
        }
        unsigned char b = s[i];
        if (b == '\r') {
            sl_buf_putc(out, '\n');
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
        } else if (b < 0x80) {
            i++; /* NUL, other C0 controls and DEL are dropped */
        } else {
            size_t n = valid_sequence(s + i, len - i);
            if (n) {
                sl_buf_put(out, in + i, n);
                i += n;
            } else {
                sl_buf_put(out, replacement, 3);
                bad++;
                i++;
            }
        }
    }
    return bad;
}

int32_t sl_utf8_next(const char *s, size_t len, size_t *i)
{
    if (*i >= len)
        return -1; /* past the end */
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t avail = len - *i;
    if (u[0] < 0x80) {
        *i += 1;
        return u[0];
    }
    size_t n = valid_sequence(u, avail);
    if (!n) {
        *i += 1; /* tolerate invalid input: one byte, one U+FFFD */
        return 0xFFFD;
    }
    *i += n;
    if (n == 2)
        return ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    if (n == 3)
        return ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return ((int32_t)(u[0] & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12) |
           ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

size_t sl_utf8_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* never cut inside a UTF-8 sequence */
    return n;
}

size_t sl_utf8_grapheme_cut(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return len;
    utf8proc_int32_t state = 0;
    size_t last = 0, i = 0;
    int32_t before = sl_utf8_next(s, len, &i);
    while (i <= max && i < len) {
        size_t at = i;
        int32_t cp = sl_utf8_next(s, len, &i);
        if (utf8proc_grapheme_break_stateful(before, cp, &state))
            last = at;
        before = cp;
    }
    /* one cluster longer than `max` (a run of combining marks): by character */
    return last ? last : sl_utf8_cut(s, len, max);
}
