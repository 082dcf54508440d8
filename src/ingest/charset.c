/* charset.c — decodes an HTML page to clean UTF-8 before libxml2 parses it:
 * byte-order mark, else the declared charset (<meta>, XML declaration), else a
 * UTF-8 versus windows-1252 guess; other charsets through iconv. */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest.h"
#include "text/text.h"

/* Browsers look for <meta charset> in the first 1024 bytes; pages that put
 * long inline scripts first declare it later, and looking further costs
 * nothing. */
#define CHARSET_SCAN 8192

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* ---- decoding to UTF-8 ---------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[i], 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i], lo = 0x80, hi = 0xBF;
    size_t need;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0;
    if (n - i < need || s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < need; k++)
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
    return need;
}

static int keep_ascii(unsigned char c) { return (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n' || c == '\r'; }

/* ---- runs of plain bytes, eight at a time ------------------------------- */

/* Most of a page is printable ASCII; the loops below skip it a word at a
 * time (it was 8% of the instructions of `storyline extract` over the Zyte
 * pages, byte by byte). The tests are the usual bit tricks: a byte has its
 * high bit set, or is below 0x20, or is 0x7f, exactly when its lane of the
 * result is non-zero. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

static uint64_t load_word(const unsigned char *s)
{
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* Bytes from i on that are below 0x80 (ASCII): the index of the first
 * that is not, or a little before it (the caller checks each byte after). */
static size_t skip_ascii(const unsigned char *s, size_t i, size_t n)
{
    while (n - i >= 8 && !(load_word(s + i) & HIGHS))
        i += 8;
    return i;
}

/* As skip_ascii, for printable ASCII (0x20 to 0x7e). */
static size_t skip_printable(const unsigned char *s, size_t i, size_t n)
{
    while (n - i >= 8) {
        uint64_t w = load_word(s + i), del = w ^ (0x7f * ONES);
        if (((w | (w - 0x20 * ONES) | (del - ONES)) & HIGHS) != 0)
            break;
        i += 8;
    }
    return i;
}

/* Appends `s` as valid UTF-8: an invalid byte becomes U+FFFD; NUL and other
 * C0 controls but tab, CR and LF are dropped (libxml2 stops at a NUL). */
static void put_clean_utf8(sl_buf *out, const unsigned char *s, size_t n)
{
    size_t run = 0, i = 0;
    while ((i = skip_printable(s, i, n)) < n) {
        if (s[i] >= 0x20 && s[i] < 0x7f) {
            i++;
            continue;
        }
        size_t k = utf8_seq(s, i, n);
        if (k > 1 || (k == 1 && keep_ascii(s[i]))) {
            i += k;
            continue;
        }
        sl_buf_put(out, s + run, i - run);
        if (!k)
            sl_buf_put(out, REPLACEMENT, 3);
        run = ++i;
    }
    if (n > run)
        sl_buf_put(out, s + run, n - run);
}

/* An undeclared page is UTF-8 when its non-ASCII bytes mostly form valid
 * sequences: windows-1252 prose almost never does by accident (an accented
 * letter is followed by ASCII), while a UTF-8 page with a few broken bytes
 * still has far more good sequences than bad bytes. */
static int utf8_counts(const unsigned char *s, size_t n, size_t *good_out, size_t *bad_out)
{
    size_t good = 0, bad = 0;
    for (size_t i = 0; (i = skip_ascii(s, i, n)) < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_seq(s, i, n);
        if (k)
            good++, i += k;
        else
            bad++, i++;
    }
    *good_out = good;
    *bad_out = bad;
    return bad == 0 || good > bad;
}

static int mostly_utf8(const unsigned char *s, size_t n)
{
    size_t good, bad;
    return utf8_counts(s, n, &good, &bad);
}

/* A page declared in a single-byte charset whose bytes are valid UTF-8 with
 * multi-byte sequences is UTF-8 (a template's stale <meta>): windows-1252
 * text does not form such sequences by accident, nor do the CJK legacy
 * encodings for long (one stray byte in 50 sequences is allowed). */
static int clearly_utf8(const unsigned char *s, size_t n)
{
    size_t good, bad;
    utf8_counts(s, n, &good, &bad);
    return good > 0 && bad * 50 <= good;
}

static int is_space_char(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int is_label_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == ':';
}

/* The value of `key=` (case-insensitive, quotes optional) inside [p, end). */
static int value_after(const char *p, const char *end, const char *key, char *label, size_t cap)
{
    size_t klen = strlen(key);
    for (; (size_t)(end - p) > klen; p++) {
        if (strncasecmp(p, key, klen))
            continue;
        const char *q = p + klen;
        while (q < end && is_space_char(*q))
            q++;
        if (q >= end || *q != '=')
            continue;
        for (q++; q < end && (is_space_char(*q) || *q == '"' || *q == '\''); q++)
            ;
        size_t k = 0;
        while (q < end && k + 1 < cap && is_label_char(*q))
            label[k++] = *q++;
        label[k] = '\0';
        if (k)
            return 1;
    }
    return 0;
}

/* The charset a page declares: <meta charset=X>, <meta http-equiv=
 * Content-Type content="text/html; charset=X"> or <?xml encoding="X"?>. */
static int declared_charset(const char *s, size_t n, char *label, size_t cap)
{
    const char *end = s + (n < CHARSET_SCAN ? n : CHARSET_SCAN);
    for (const char *p = s; (p = memchr(p, '<', (size_t)(end - p))); p++) {
        int meta = end - p > 5 && !strncasecmp(p + 1, "meta", 4) && !is_label_char(p[5]);
        int xml = end - p > 5 && !strncmp(p + 1, "?xml", 4);
        if (!meta && !xml)
            continue;
        const char *close = memchr(p, '>', (size_t)(end - p));
        if (!close)
            return 0;
        if (value_after(p, close, meta ? "charset" : "encoding", label, cap))
            return 1;
    }
    return 0;
}

static int label_in(const char *label, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(label, list[i]))
            return 1;
    return 0;
}

/* What a declared label is decoded as. As in browsers (WHATWG Encoding),
 * latin1, ascii and iso-8859-1 mean windows-1252, and a UTF-16 label read
 * from ASCII-compatible bytes cannot be true and means UTF-8. */
static const char *charset_for(const char *label)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le",
                                       "utf-16be", "unicode", "ucs-2"};
    static const char *const cp1252[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
                                         "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252",
                                         "cp819", "ibm819", "iso-ir-100"};
    if (label_in(label, utf8, sizeof utf8 / sizeof *utf8))
        return "UTF-8";
    if (label_in(label, cp1252, sizeof cp1252 / sizeof *cp1252))
        return "WINDOWS-1252";
    return label;
}

/* Converts with iconv; a code unit it cannot convert (a byte, two bytes of
 * UTF-16: one byte skipped there read the rest of the page a byte off, as
 * CJK, after an unpaired surrogate, read30) becomes U+FFFD. Returns 1 when
 * iconv does not know the charset, else 0 or an SL_E* code. */
static int iconv_to_utf8(const char *charset, const char *in, size_t n, sl_buf *out)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return 1;
    size_t unit = strncasecmp(charset, "UTF-16", 6) ? 1 : 2;
    char *inp = (char *)in;
    size_t left = n;
    while (left > 0 && !out->err) {
        if (sl_buf_reserve(out, left + left / 2 + 64))
            break;
        char *outp = out->ptr + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &inp, &left, &outp, &room);
        int e = errno;
        out->len = (size_t)(outp - out->ptr);
        out->ptr[out->len] = '\0';
        if (r != (size_t)-1 || e == E2BIG)
            continue;
        /* EILSEQ, or EINVAL for a sequence cut by the end of the page */
        sl_buf_put(out, REPLACEMENT, 3);
        size_t skip = left < unit ? left : unit;
        inp += skip;
        left -= skip;
    }
    iconv_close(cd);
    return out->err;
}

static int convert(const char *charset, const char *in, size_t n, sl_buf *out)
{
    sl_buf utf8;
    sl_buf_init(&utf8, out->max);
    int rc = iconv_to_utf8(charset, in, n, &utf8);
    if (!rc && utf8.len)
        put_clean_utf8(out, (const unsigned char *)utf8.ptr, utf8.len);
    sl_buf_free(&utf8);
    return rc ? rc : out->err;
}

/* ---- double-encoded UTF-8 ------------------------------------------------ */

/* windows-1252's characters for the bytes 0x80-0x9F, by byte; 0 where the
 * byte has none (it then stays itself, a C1 control, as Latin-1 reads it). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
    0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0, 0x017E, 0x0178,
};

/* The byte a code point stands for when UTF-8 bytes were read as
 * windows-1252 or Latin-1, or -1 when it stands for none. */
static int misread_byte(int32_t cp)
{
    if (cp >= 0 && cp <= 0xFF)
        return cp;
    for (int b = 0; b < 32; b++)
        if (cp1252_high[b] && cp1252_high[b] == cp)
            return 0x80 + b;
    return -1;
}

/* At s[*i]: a UTF-8 character whose bytes were read one per character and
 * encoded again ("â€™" or "â" U+0080 U+0099 for "’"). Writes its bytes to
 * `bytes`, advances *i past it and returns their number, else 0. */
static size_t misread_char(const char *s, size_t n, size_t *i, unsigned char bytes[4])
{
    size_t at = *i, k = 0, need = 1;
    while (k < need && at < n) {
        int b = misread_byte(sl_utf8_next(s, n, &at));
        if (b < 0 || (k == 0 && (b < 0xC2 || b > 0xF4)) || (k > 0 && (b & 0xC0) != 0x80))
            return 0;
        if (k == 0)
            need = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        bytes[k++] = (unsigned char)b;
    }
    if (k < need || utf8_seq(bytes, 0, k) != k)
        return 0;
    *i = at;
    return k;
}

/* Repairs, in place, a page whose UTF-8 was encoded as UTF-8 a second time
 * (read as windows-1252 or Latin-1 on the way): "Investorâ€™s" becomes
 * "Investor’s". 25 of the 1,539 WCXB dev and Zyte pages are such, their
 * titles and bylines shown garbled. A lead letter (Â-ô) followed by the
 * right number of continuation characters (U+0080-U+00BF or their
 * windows-1252 forms) is not a spelling of any language, so each such run
 * is repaired wherever it is; a page needs two of them (one could be a
 * quoted example), and the rest of the page is left as it is. */
static void repair_double_utf8(sl_buf *page)
{
    unsigned char bytes[4];
    size_t found = 0;
    for (size_t i = 0; i < page->len && found < 2;) {
        const char *lead = memchr(page->ptr + i, 0xC3, page->len - i);
        if (!lead)
            break;
        i = (size_t)(lead - page->ptr);
        if (misread_char(page->ptr, page->len, &i, bytes))
            found++;
        else
            i++;
    }
    if (found < 2)
        return;
    size_t w = 0;
    for (size_t i = 0; i < page->len;) {
        size_t k = (unsigned char)page->ptr[i] == 0xC3 ? misread_char(page->ptr, page->len, &i, bytes) : 0;
        if (k) {
            memcpy(page->ptr + w, bytes, k);
            w += k;
        } else {
            page->ptr[w++] = page->ptr[i++];
        }
    }
    page->len = w;
    page->ptr[w] = '\0';
}

/* The page as clean UTF-8: by its BOM, else its declared charset, else a
 * guess. */
static int decode(const char *html, size_t len, const char *http_charset, sl_buf *out)
{
    const unsigned char *s = (const unsigned char *)html;
    const char *charset = NULL;
    char label[48];
    size_t skip = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        charset = "UTF-8", skip = 3;
    else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
        charset = "UTF-16LE", skip = 2;
    else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
        charset = "UTF-16BE", skip = 2;
    else if (http_charset && *http_charset && strlen(http_charset) < sizeof label)
        charset = charset_for(strcpy(label, http_charset));
    else if (declared_charset(html, len, label, sizeof label))
        charset = charset_for(label);
    html += skip;
    len -= skip;
    if (!skip && charset && strcmp(charset, "UTF-8") && clearly_utf8((const unsigned char *)html, len))
        charset = "UTF-8";
    if (charset && strcmp(charset, "UTF-8")) {
        int rc = convert(charset, html, len, out);
        if (rc != 1)
            return rc;
        charset = NULL;   /* unknown to iconv: guess as if undeclared */
    }
    if (!charset && !mostly_utf8((const unsigned char *)html, len)) {
        int rc = convert("WINDOWS-1252", html, len, out);
        if (rc != 1)
            return rc;
    }
    put_clean_utf8(out, (const unsigned char *)html, len);
    return out->err;
}

/* Decodes a page to clean UTF-8 and repairs double-encoded text. Left to
 * itself, libxml2 2.9 reads an undeclared page as Latin-1 and stops at the
 * first invalid byte of a declared UTF-8 page; decoding first and telling
 * it "UTF-8" avoids both. */
int sl_html_decode(const char *html, size_t len, const char *http_charset, sl_buf *out)
{
    int rc = decode(html, len, http_charset, out);
    if (!rc && out->len)
        repair_double_utf8(out);
    return rc;
}
