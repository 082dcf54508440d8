/* jsonl_scan.c — a fast look at one JSONL line: finds the bytes of a few
 * top-level members' values without building the document. It vouches only
 * for lines it can prove jansson reads the same way (strict JSON, with
 * jansson's own limits kept well inside), and says "not sure" for any other:
 * the caller then parses the line with jansson, which stays the authority
 * and says what is wrong. `storyline dedup` reads its lines so: jansson's
 * parse was a fifth of its instructions (docs/benchmarks.md). */
#include <string.h>
#include <utf8proc.h>

#include "ingest/ingest.h"
#include "text/text.h"

/* Nesting vouched for; jansson takes 2,048 levels. */
#define SCAN_DEPTH 64
/* Digits of an integer vouched for: never past int64 (jansson fails on
 * integers that overflow it). */
#define INTEGER_DIGITS 18
/* Exponent digits of a real vouched for, with at most INTEGER_DIGITS
 * digits before it: far from a double's overflow (jansson fails on that). */
#define EXPONENT_DIGITS 2

typedef struct scan {
    const char *s;
    size_t i, len;
} scan;

static void skip_space(scan *sc)
{
    while (sc->i < sc->len && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
                               sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
        sc->i++;
}

static bool take(scan *sc, char c)
{
    skip_space(sc);
    if (sc->i < sc->len && sc->s[sc->i] == c) {
        sc->i++;
        return true;
    }
    return false;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The four hex digits of a \u escape at s[0, avail); -1 when not four. */
static int32_t escaped_unit(const char *s, size_t avail)
{
    if (avail < 4)
        return -1;
    int32_t unit = 0;
    for (int k = 0; k < 4; k++) {
        int d = hex_digit(s[k]);
        if (d < 0)
            return -1;
        unit = unit << 4 | d;
    }
    return unit;
}

/* The code point of the \u escape at s[0] (s[0] is the 'u'), a surrogate
 * pair read whole; *used gets the bytes read. -1 for what is not vouched
 * for: bad digits, U+0000 (jansson refuses a NUL without a flag), a lone
 * surrogate (jansson refuses it). */
static int32_t escaped_point(const char *s, size_t avail, size_t *used)
{
    int32_t high = escaped_unit(s + 1, avail - 1);
    *used = 5;
    if (high <= 0 || (high >= 0xDC00 && high <= 0xDFFF))
        return -1;
    if (high < 0xD800 || high > 0xDBFF)
        return high;
    if (avail < 11 || s[5] != '\\' || s[6] != 'u')
        return -1;
    int32_t low = escaped_unit(s + 7, avail - 7);
    if (low < 0xDC00 || low > 0xDFFF)
        return -1;
    *used = 11;
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

/* Moves past the string opening at s[i] ('"'); false when it is not one
 * vouched for: a control character, an escape JSON lacks or escaped_point
 * refuses, invalid UTF-8 (jansson refuses it), or no closing mark. */
static bool scan_string(scan *sc)
{
    const unsigned char *s = (const unsigned char *)sc->s;
    size_t i = sc->i + 1;
    while (i < sc->len) {
        unsigned char c = s[i];
        if (c == '"') {
            sc->i = i + 1;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (i + 1 >= sc->len)
                return false;
            size_t used = 2;
            char e = sc->s[i + 1];
            if (e == 'u' && escaped_point(sc->s + i + 1, sc->len - i - 1, &used) < 0)
                return false;
            if (e != 'u' && !strchr("\"\\/bfnrt", e))
                return false;
            i += e == 'u' ? used + 1 : used;
        } else if (c >= 0x80) {
            size_t n = sl_utf8_sequence(sc->s + i, sc->len - i);
            if (!n)
                return false;
            i += n;
        } else {
            i++;
        }
    }
    return false;
}

/* Digits at s[i]: how many. */
static size_t digits(scan *sc)
{
    size_t start = sc->i;
    while (sc->i < sc->len && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
        sc->i++;
    return sc->i - start;
}

/* A number as JSON writes it, short enough that jansson cannot overflow. */
static bool scan_number(scan *sc)
{
    if (sc->s[sc->i] == '-')
        sc->i++;
    bool zero = sc->i < sc->len && sc->s[sc->i] == '0';
    size_t whole = digits(sc);
    if (!whole || whole > INTEGER_DIGITS || (zero && whole > 1))
        return false;
    if (sc->i < sc->len && sc->s[sc->i] == '.') {
        sc->i++;
        if (!digits(sc))
            return false;
    }
    if (sc->i < sc->len && (sc->s[sc->i] | 0x20) == 'e') {
        sc->i++;
        if (sc->i < sc->len && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
            sc->i++;
        size_t exponent = digits(sc);
        if (!exponent || exponent > EXPONENT_DIGITS)
            return false;
    }
    return true;
}

static bool scan_word(scan *sc, const char *word, size_t n)
{
    if (sc->len - sc->i < n || memcmp(sc->s + sc->i, word, n))
        return false;
    sc->i += n;
    return true;
}

static bool scan_value(scan *sc, int depth);

/* The members of the object opening at s[i] ('{'); at the top level
 * (`members` not NULL) the last value of each name asked for is kept. */
static bool scan_object(scan *sc, int depth, sl_json_member *members, size_t n_members)
{
    sc->i++;
    if (take(sc, '}'))
        return true;
    do {
        skip_space(sc);
        size_t name = sc->i + 1;
        if (sc->i >= sc->len || sc->s[sc->i] != '"' || !scan_string(sc))
            return false;
        size_t name_len = sc->i - 1 - name;
        if (!take(sc, ':'))
            return false;
        skip_space(sc);
        size_t value = sc->i;
        if (!scan_value(sc, depth + 1))
            return false;
        if (n_members && memchr(sc->s + name, '\\', name_len))
            return false;   /* an escaped name might be one asked for */
        for (size_t k = 0; k < n_members; k++) {
            if (strlen(members[k].name) == name_len && !memcmp(sc->s + name, members[k].name, name_len)) {
                members[k].value = sc->s + value;
                members[k].len = sc->i - value;
            }
        }
    } while (take(sc, ','));
    return take(sc, '}');
}

static bool scan_array(scan *sc, int depth)
{
    sc->i++;
    if (take(sc, ']'))
        return true;
    do {
        skip_space(sc);
        if (!scan_value(sc, depth + 1))
            return false;
    } while (take(sc, ','));
    return take(sc, ']');
}

static bool scan_value(scan *sc, int depth)
{
    if (sc->i >= sc->len || depth > SCAN_DEPTH)
        return false;
    char c = sc->s[sc->i];
    if (c == '"')
        return scan_string(sc);
    if (c == '{')
        return scan_object(sc, depth, NULL, 0);
    if (c == '[')
        return scan_array(sc, depth);
    if (c == '-' || (c >= '0' && c <= '9'))
        return scan_number(sc);
    return scan_word(sc, "true", 4) || scan_word(sc, "false", 5) || scan_word(sc, "null", 4);
}

bool sl_jsonl_scan(const char *line, size_t len, sl_json_member *members, size_t n_members)
{
    scan sc = {line, 0, len};
    for (size_t k = 0; k < n_members; k++)
        members[k].value = NULL, members[k].len = 0;
    skip_space(&sc);
    if (sc.i >= len || line[sc.i] != '{' || !scan_object(&sc, 1, members, n_members))
        return false;
    skip_space(&sc);
    return sc.i == len;
}

bool sl_jsonl_string(const char *value, size_t len, sl_buf *out)
{
    if (len < 2 || value[0] != '"')
        return false;
    size_t i = 1, end = len - 1;
    while (i < end) {
        size_t run = i;
        while (run < end && value[run] != '\\')
            run++;
        sl_buf_put(out, value + i, run - i);
        if (run == end)
            break;
        char e = value[run + 1];
        size_t used = 2;
        int32_t cp = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r'
                   : e == 't' ? '\t' : e;
        if (e == 'u') {
            cp = escaped_point(value + run + 1, end - run - 1, &used);
            used++;
        }
        utf8proc_uint8_t bytes[4];
        sl_buf_put(out, bytes, (size_t)utf8proc_encode_char(cp, bytes));
        i = run + used;
    }
    return !out->err;
}
