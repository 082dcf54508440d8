/* test_json_fields.c — unit tests of json_fields.c: yajl reads the wanted
 * members of a line as jansson does, and declines every line jansson might
 * read otherwise (which the JSONL readers then give to jansson). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "ingest/ingest.h"
#include "test.h"
#include "util/alloc.h"

enum { N = 3 };

static void name_fields(sl_json_field *f)
{
    memset(f, 0, N * sizeof *f);
    f[0].name = "text";
    f[1].name = "id";
    f[2].name = "title";
}

static int same_field(const sl_json_field *a, const sl_json_field *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case SL_JSON_STRING: return a->string.len == b->string.len && !memcmp(a->string.ptr, b->string.ptr, a->string.len);
    case SL_JSON_INTEGER: return a->integer == b->integer;
    case SL_JSON_REAL: return a->real == b->real;
    default: return 1;
    }
}

/* 1 when yajl reads the line as jansson does, 0 when it declines it, -1
 * when it reads what jansson does not (or otherwise). */
static int read_like_jansson(const char *line)
{
    sl_json_field fast[N], slow[N];
    name_fields(fast);
    name_fields(slow);
    int rc = sl_json_fields_read(line, strlen(line), fast, N), same = 0;
    json_t *root = json_loads(line, 0, NULL);
    if (rc == SL_EBADINPUT) {
        same = 0;
    } else if (rc || !json_is_object(root) || sl_json_fields_of(root, slow, N)) {
        same = -1;
    } else {
        same = 1;
        for (int k = 0; k < N; k++)
            same = same && same_field(&fast[k], &slow[k]);
        same = same ? 1 : -1;
    }
    json_decref(root);
    sl_json_fields_free(fast, N);
    sl_json_fields_free(slow, N);
    return same;
}

/* How many of the lines read_like_jansson answers otherwise than `want`. */
static int answered_otherwise(const char *const *lines, size_t n, int want)
{
    int otherwise = 0;
    for (size_t k = 0; k < n; k++)
        otherwise += read_like_jansson(lines[k]) != want;
    return otherwise;
}

TEST(json_fields_read_as_jansson_reads_them)
{
    static const char *const lines[] = {
        "{\"text\": \"plain words\", \"id\": 7, \"title\": \"A title\"}",
        "{\"id\": \"k-1\", \"text\": \"two\\nlines, a \\\"quote\\\", a tab\\t and a slash \\/\"}",
        "{\"text\": \"caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8c\x8a\", \"id\": -0}",
        "{\"text\": \"caf\\u00e9 \\u2014 \\ud83c\\udf0a \\\\ud800 is text\"}",
        "{\"text\": \"first\", \"text\": \"the last of a name counts\"}",
        "{\"title\": {\"text\": \"nested, not the text\"}, \"text\": \"top\", \"id\": [1, {\"id\": 2}]}",
        "{\"id\": 1.5e3, \"text\": null, \"title\": true}",
        "{\"id\": 9223372036854775807, \"title\": false, \"other\": [[], {}], \"text\": \"\"}",
        "  {\"text\": \"blanks around\"} \r\n",
        "{}",
    };
    CHECK_INT(answered_otherwise(lines, sizeof lines / sizeof *lines, 1), 0);
}

TEST(json_fields_decline_what_yajl_reads_otherwise)
{
    static const char *const lines[] = {
        "{\"text\": \"a lone \\ud800 surrogate\"}",    /* yajl: '?' */
        "{\"text\": \"a lone \\udc00 low one\"}",      /* yajl: its bytes */
        "{\"text\": \"\\ud800\\u0041 no low half\"}",
        "{\"text\": \"a \\u0000 NUL\"}",
        "{\"text\": \"overlong \xc0\xaf slash\"}",     /* yajl's UTF-8 check lets it pass */
        "{\"text\": \"a surrogate \xed\xa0\x80 in UTF-8\"}",
        "{\"text\": \"beyond \xf4\x90\x80\x80 U+10FFFF\"}",
        "{\"text\":\f\"a form feed between tokens\"}",   /* yajl: white space */
        "{\"text\": \"x\"}\v",
        "[{\"text\": \"an array\"}]",
        "\"a string\"",
        "42",
        "{\"text\": \"cut off",
        "{\"text\": \"x\"} trailing",
        "{\"text\":\"x\"} \"",                          /* yajl: an open string ends the input */
        "{\"text\":\"x\"}\"}",
        "{\"text\":\"x\"}\"",
        "{\"id\":\"a2\",\"text\":\"Storms closed\"} \"tail}",
        "{\"text\":\"x\"}\t\"an escape \\",
        "{\"text\":\"x\"} \"\\u12",
        "{\"text\":\"x\"} {",
        "{\"text\":\"x\"}\r\n[",
        "{\"text\":\"x\"} 1",
        "{\"id\": 99999999999999999999, \"text\": \"too big\"}",
        "{\"id\": 1e999, \"text\": \"too big\"}",
        "",
    };
    CHECK_INT(answered_otherwise(lines, sizeof lines / sizeof *lines, 0), 0);
}

/* Deeper than jansson's 2,048 levels, which it refuses and yajl would not. */
TEST(json_fields_decline_deep_lines)
{
    static char line[7000] = "{\"text\": \"t\", \"deep\": ";
    size_t n = strlen(line);
    for (int k = 0; k < 3000; k++)
        line[n++] = '[';
    for (int k = 0; k < 3000; k++)
        line[n++] = ']';
    strcpy(line + n, "}");
    CHECK_INT(read_like_jansson(line), 0);
}

/* Lines of every byte value in every position: yajl never reads one
 * otherwise than jansson (it may decline any). */
TEST(json_fields_never_differ_on_odd_bytes)
{
    const char *base = "{\"text\": \"ab\\u00e9\", \"id\": 12}";
    size_t len = strlen(base);
    int differ = 0, read = 0;
    for (size_t pos = 0; pos < len; pos++)
        for (int b = 1; b < 256; b++) {
            char line[64];
            memcpy(line, base, len + 1);
            line[pos] = (char)b;
            int r = read_like_jansson(line);
            differ += r < 0;
            read += r > 0;
        }
    CHECK_INT(differ, 0);
    CHECK(read > 100);
}

/* yajl's memory comes from the project's allocator: failing each of the
 * read's allocations in turn gives SL_ENOMEM (or, for a string's copy,
 * declines the line), never a crash, and leaves nothing behind (the
 * sanitizers' leak check); before, yajl took its memory from malloc and
 * the read never saw a failure. */
TEST(json_fields_yajl_memory_from_the_allocator)
{
    /* true first: not a flat line (read_flat), so yajl reads it, and read_flat
     * has allocated nothing when it leaves it */
    const char *line =
        "{\"live\": true, \"text\": \"an escape\\n makes yajl decode\", \"id\": 7, \"title\": \"T\"}";
    int out_of_memory = 0, other = 0, k = 1;
    for (;; k++) {
        sl_json_field f[N];
        name_fields(f);
        sl_alloc_fail_nth(k);
        int rc = sl_json_fields_read(line, strlen(line), f, N);
        sl_alloc_fail_nth(0);
        out_of_memory += rc == SL_ENOMEM;
        other += rc != 0 && rc != SL_ENOMEM && rc != SL_EBADINPUT;
        if (!rc) {   /* every allocation made: the line read whole */
            CHECK(f[0].kind == SL_JSON_STRING && !strcmp(f[0].string.ptr, "an escape\n makes yajl decode"));
            CHECK_INT(f[1].integer, 7);
        }
        sl_json_fields_free(f, N);
        if (!rc || k == 100)
            break;
    }
    CHECK(out_of_memory >= 4);
    CHECK_INT(other, 0);
    CHECK(k < 100);
}

/* A line is declined for what yajl reads otherwise wherever it stands in
 * a long string (or between tokens, for \v and \f): the scan steps over
 * plain bytes sixteen at a time and must stop at each of these, in a
 * block, at its first or last place, or in the tail past the last whole
 * block; with a plain byte in its place the line is read (2026-12-06,
 * branch dedup10). */
TEST(json_fields_decline_at_every_place)
{
    static const char *const in_string[] = {"\x80", "\xc0\xaf", "\xed\xa0\x80", "\\u0000", "\\ud800"};
    static const char *const between[] = {"\v", "\f"};
    const char *pad = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRS";
    int otherwise = 0, lines = 0;
    for (int before = 0; before <= 40; before++)
        for (int after = 0; after <= 40; after += 7) {
            char line[256];
            for (size_t k = 0; k < sizeof in_string / sizeof *in_string; k++) {
                snprintf(line, sizeof line, "{\"id\": 1, \"text\": \"%.*s%s%.*s\"}", before, pad,
                         in_string[k], after, pad);
                otherwise += read_like_jansson(line) != 0;
            }
            for (size_t k = 0; k < sizeof between / sizeof *between; k++) {
                snprintf(line, sizeof line, "{\"title\": \"%.*s\",%s\"text\": \"%.*s\"}", before, pad,
                         between[k], after, pad);
                otherwise += read_like_jansson(line) != 0;
            }
            snprintf(line, sizeof line, "{\"id\": 1, \"text\": \"%.*s%s%.*s\"}", before, pad, "\\n",
                     after, pad);
            otherwise += read_like_jansson(line) != 1;
            lines += 8;
        }
    CHECK_INT(otherwise, 0);
    CHECK_INT(lines, 41 * 6 * 8);
}

/* Random lines of members read without yajl (read_flat: strings with every
 * escape, UTF-8 and surrogate pairs, integers up to 18 digits, white space
 * of all four kinds) and of what it leaves to yajl (19 digits, a leading
 * zero, a fraction, an exponent, true, null, nesting, an escape in a key,
 * a control byte in a string, UTF-8 jansson refuses, a lone surrogate or
 * \u0000 escaped, \v or \f, a trailing comma, text after the object): each
 * read as jansson reads it or declined, never read otherwise, and every
 * line of flat members alone read (2026-12-06, branch dedup10; fails with
 * an escape decoded otherwise, the pair combined otherwise, a 19-digit or
 * leading-zero integer or a control byte taken, UTF-8 let through
 * unchecked, or text after the object let pass). */
static uint32_t flat_next(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*state >> 33);
}

static void flat_space(char *line, size_t *n, uint64_t *state)
{
    static const char spaces[] = " \t\r\n";
    for (uint32_t k = flat_next(state) % 3; k-- > 0;)
        line[(*n)++] = spaces[flat_next(state) % 4];
}

static void flat_put(char *line, size_t *n, const char *s)
{
    size_t len = strlen(s);
    memcpy(line + *n, s, len);
    *n += len;
}

TEST(json_fields_flat_lines_as_jansson_reads_them)
{
    static const char *const keys[] = {"\"text\"", "\"id\"", "\"title\"", "\"other\"",
                                       "\"t\xc3\xaftle\""};
    static const char *const pieces[] = {
        "plain words ", "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u00e9", "\\u2014",
        "\\ud83c\\udf0a", "\\u0041", "caf\xc3\xa9 \xe2\x80\x94 ", "0123456789abcdef0123456789",
        "\xf0\x9f\x8c\x8a"};
    static const char *const numbers[] = {"0", "-0", "7", "-42", "123456789012345678",
                                          "-999999999999999999"};
    static const char *const others[] = {
        "9999999999999999999", "01", "1.5", "1e3", "-", "true", "null", "[1, \"x\"]", "{\"text\": \"in\"}",
        "\"a\x01 control\"", "\"a \\q escape\"", "\"cut \\u12\"", "\"no end", "\"overlong \xc0\xaf\"",
        "\"surrogate \xed\xa0\x80\"", "\"beyond \xf4\x90\x80\x80\"", "\"lone \x80\"", "\"cut \xe2\x80\"",
        "\"\\ud800 alone\"", "\"\\u0000\"", "\"\\udc00\\ud800\"", "\"a\vb\"", "\v1", "\f\"x\""};
    uint64_t state = 2026;
    int otherwise = 0, flat_read = 0, flat = 0;
    for (int line_no = 0; line_no < 4000; line_no++) {
        char line[2048];
        size_t n = 0;
        bool only_flat = true;
        flat_space(line, &n, &state);
        line[n++] = '{';
        for (uint32_t m = flat_next(&state) % 5; m-- > 0;) {
            flat_space(line, &n, &state);
            uint32_t key = flat_next(&state) % 6;
            flat_put(line, &n, key < 5 ? keys[key] : "\"k\\u0065y\"");
            only_flat &= key < 5;
            flat_space(line, &n, &state);
            line[n++] = ':';
            flat_space(line, &n, &state);
            uint32_t kind = flat_next(&state) % 8;
            if (kind < 5) {
                line[n++] = '"';
                for (uint32_t p = flat_next(&state) % 12; p-- > 0;)
                    flat_put(line, &n, pieces[flat_next(&state) % (sizeof pieces / sizeof *pieces)]);
                line[n++] = '"';
            } else if (kind < 7) {
                flat_put(line, &n, numbers[flat_next(&state) % (sizeof numbers / sizeof *numbers)]);
            } else {
                flat_put(line, &n, others[flat_next(&state) % (sizeof others / sizeof *others)]);
                only_flat = false;
            }
            flat_space(line, &n, &state);
            if (m)
                line[n++] = ',';
        }
        line[n++] = '}';
        uint32_t tail = flat_next(&state) % 8;
        flat_space(line, &n, &state);
        if (tail == 0)
            flat_put(line, &n, ", ");
        else if (tail == 1)
            flat_put(line, &n, "x");
        only_flat &= tail > 1;
        line[n] = '\0';
        int r = read_like_jansson(line);
        otherwise += r < 0;
        flat += only_flat;
        flat_read += only_flat && r == 1;
    }
    CHECK_INT(otherwise, 0);
    CHECK_INT(flat_read, flat);
    CHECK(flat > 1000);
}

/* A string with escapes takes room for the rest of its line at its first
 * escape (at most 64 KB, its doubling from 64 bytes rounding it to less
 * than twice the line), then grows as before: strings of escapes and
 * plain runs from a few bytes to past that room, escaped at their first
 * byte, their last or between, read as jansson reads them; and a short
 * escaped title before a long text holds no more room than its line. */
TEST(json_fields_escaped_strings_of_any_length)
{
    static const size_t lengths[] = {1, 2, 15, 16, 17, 300, 4000, 65535, 65536, 70000, 200000};
    static char line[2 * 200000 + 256];
    static const char *const escapes[] = {"\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00", "\\\\"};
    for (size_t k = 0; k < sizeof lengths / sizeof *lengths; k++)
        for (int where = 0; where < 3; where++) {
            size_t n = 0;
            n += (size_t)sprintf(line + n, "{\"id\": 7, \"title\": \"A\\tB\", \"text\": \"");
            for (size_t b = 0; b < lengths[k]; b++) {
                bool esc = (where == 0 && b == 0) || (where == 1 && b + 1 == lengths[k]) ||
                           (where == 2 && b % 97 == 3);
                n += (size_t)sprintf(line + n, "%s", esc ? escapes[b % 5] : (b % 11 ? "w" : " "));
            }
            n += (size_t)sprintf(line + n, "\"}");
            if (read_like_jansson(line) != 1)
                sl_test_fail(__FILE__, __LINE__, "%zu bytes, escape placed %d: not as jansson",
                             lengths[k], where);
            sl_json_field f[N];
            name_fields(f);
            CHECK_INT(sl_json_fields_read(line, n, f, N), 0);
            CHECK_STR(sl_buf_cstr(&f[2].string), "A\tB");
            CHECK(f[2].string.cap < 2 * (n + 1) && f[2].string.cap <= ((size_t)64 << 10));
            sl_json_fields_free(f, N);
        }
}
