/* test_util.c — capped buffers, vectors, dates, the JSON writer and the
 * record sort. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "storyline.h"
#include "test.h"
#include "util/alloc.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/count_map.h"
#include "util/date.h"
#include "util/json_out.h"
#include "util/mem_find.h"
#include "util/sort.h"
#include "util/vec.h"

TEST(buf_cap_is_a_sticky_error)
{
    sl_buf b;
    sl_buf_init(&b, 8);
    CHECK_INT(sl_buf_puts(&b, "12345678"), 0);
    CHECK_INT(sl_buf_putc(&b, '9'), SL_ETOOLARGE);
    CHECK_INT(sl_buf_puts(&b, ""), SL_ETOOLARGE); /* sticky */
    CHECK_STR(sl_buf_cstr(&b), "12345678");
    sl_buf_clear(&b);
    CHECK_INT(b.err, 0);
    CHECK_INT(sl_buf_printf(&b, "%d-%s", 42, "x"), 0);
    CHECK_STR(sl_buf_cstr(&b), "42-x");
    sl_buf_free(&b);
}

TEST(buf_printf_longer_than_stack_chunk)
{
    sl_buf b = SL_BUF_INIT;
    char big[1000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_INT(sl_buf_printf(&b, "<%s>", big), 0);
    CHECK_INT(b.len, 1001);
    char *taken = sl_buf_take(&b);
    CHECK_INT(strlen(taken), 1001);
    CHECK_INT(b.len, 0);
    free(taken);
}

TEST(vec_push_grows)
{
    SL_VEC(int) v = {0};
    for (int i = 0; i < 1000; i++)
        CHECK_INT(sl_vec_push(&v, i), 0);
    CHECK_INT(v.n, 1000);
    CHECK_INT(v.items[999], 999);
    sl_vec_free(&v);
}

TEST(date_days)
{
    CHECK_INT(sl_date_day("1970-01-01"), 0);
    CHECK_INT(sl_date_day("2024-08-19"), 19954);
    CHECK_INT(sl_date_day("2024-08-19T10:30:00Z"), 19954);
    CHECK_INT(sl_date_day("2024-02-29"), 19782);
    CHECK(sl_date_day("2023-02-29") == SL_NO_DAY);
    CHECK(sl_date_day("2024-13-01") == SL_NO_DAY);
    CHECK(sl_date_day("19 Aug 2024") == SL_NO_DAY);
    CHECK(sl_date_day(NULL) == SL_NO_DAY);
    CHECK(sl_date_day("2024-08-1") == SL_NO_DAY);
}

static int to_buf(void *ctx, const char *data, size_t len) { return sl_buf_put(ctx, data, len); }

TEST(json_writer_nesting_and_escapes)
{
    sl_buf out = SL_BUF_INIT;
    sl_json j;
    sl_json_init(&j, to_buf, &out, 0);
    sl_json_object_begin(&j);
    sl_json_kv_string(&j, "quote", "He said \"no\"\n\ttab\\ \x01");
    sl_json_kv_int(&j, "n", -3);
    sl_json_kv_id(&j, "story", 0);
    sl_json_key(&j, "list");
    sl_json_array_begin(&j);
    sl_json_double(&j, 0.5);
    sl_json_bool(&j, 1);
    sl_json_string(&j, NULL);
    sl_json_raw(&j, "{\"a\":1}");
    sl_json_array_end(&j);
    sl_json_key(&j, "empty");
    sl_json_array_begin(&j);
    sl_json_array_end(&j);
    sl_json_object_end(&j);
    CHECK_INT(sl_json_finish(&j), 0);
    CHECK_STR(sl_buf_cstr(&out), "{\"quote\":\"He said \\\"no\\\"\\n\\ttab\\\\ \\u0001\",\"n\":-3,"
                                 "\"story\":null,\"list\":[0.5,true,null,{\"a\":1}],\"empty\":[]}");
    sl_buf_free(&out);
}

/* The integer formatter writes what "%lld" writes, at every edge: zero,
 * one and two digits, each power of ten and its neighbours, negatives,
 * INT64_MIN (whose magnitude no int64_t holds) and INT64_MAX. */
static void check_format_int(int64_t v)
{
    char got[SL_JSON_INT_MAX + 1], want[32];
    size_t n = sl_json_format_int(got, v);
    got[n] = '\0';
    snprintf(want, sizeof want, "%lld", (long long)v);
    CHECK_STR(got, want);
    CHECK_INT(n, strlen(want));
}

TEST(json_format_int_edges)
{
    char out[SL_JSON_INT_MAX];
    CHECK_INT(sl_json_format_int(out, 0), 1);
    CHECK(out[0] == '0');
    CHECK_INT(sl_json_format_int(out, INT64_MIN), SL_JSON_INT_MAX);
    CHECK(!memcmp(out, "-9223372036854775808", SL_JSON_INT_MAX));
    CHECK_INT(sl_json_format_int(out, INT64_MAX), 19);
    CHECK(!memcmp(out, "9223372036854775807", 19));
    const int64_t edges[] = {0, 1, -1, 9, -9, 10, -10, 11, 99, -99, 100, -100, 101, 999, 1000,
                             INT64_MIN, INT64_MIN + 1, INT64_MAX, INT64_MAX - 1, INT32_MIN, INT32_MAX,
                             (int64_t)INT32_MAX + 1, (int64_t)UINT32_MAX};
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        check_format_int(edges[i]);
    for (int64_t p = 1; p <= INT64_MAX / 10; p *= 10)
        for (int64_t d = -1; d <= 1; d++) {
            check_format_int(p + d);
            check_format_int(-(p + d));
            check_format_int(p * 10 - 1 + d);
        }
    uint64_t x = 0x9E3779B97F4A7C15u;   /* a spread of other values */
    for (int i = 0; i < 1000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        check_format_int((int64_t)x);
        check_format_int((int64_t)(x >> (i % 64)));
    }
}

/* sl_json_int through the writer: separators as before, the digits as "%lld". */
TEST(json_int_values_in_arrays)
{
    sl_buf out = SL_BUF_INIT;
    sl_json j;
    sl_json_init(&j, to_buf, &out, 0);
    sl_json_array_begin(&j);
    sl_json_int(&j, 0);
    sl_json_int(&j, -7);
    sl_json_int(&j, INT64_MIN);
    sl_json_int(&j, INT64_MAX);
    sl_json_id(&j, 0);
    sl_json_array_end(&j);
    CHECK_INT(sl_json_finish(&j), 0);
    CHECK_STR(sl_buf_cstr(&out), "[0,-7,-9223372036854775808,9223372036854775807,null]");
    sl_buf_free(&out);
}

/* What the writer gives for a string, byte by byte, as put_escaped did
 * before it read eight bytes at a time. */
static void escape_slowly(const char *s, size_t n, sl_buf *out)
{
    sl_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c >= 0x80 ? sl_json_utf8_length(s + i, n - i) : 1;
        if (k > 1) {
            sl_buf_put(out, s + i, k);
            i += k - 1;
        } else if (c == '"' || c == '\\') {
            sl_buf_putc(out, '\\');
            sl_buf_putc(out, c);
        } else if (c == '\n' || c == '\t' || c == '\r') {
            sl_buf_puts(out, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\r");
        } else if (c < 0x20) {
            sl_buf_printf(out, "\\u%04x", c);
        } else if (c >= 0x80) {
            sl_buf_puts(out, "\xEF\xBF\xBD");
        } else {
            sl_buf_putc(out, c);
        }
    }
    sl_buf_putc(out, '"');
}

/* The writer's string for text[0, n) is escape_slowly's. */
static void check_escaped(const char *text, size_t n, int line)
{
    sl_buf got = SL_BUF_INIT, want = SL_BUF_INIT;
    sl_json j;
    sl_json_init(&j, to_buf, &got, 0);
    sl_json_string_n(&j, text, n);
    CHECK_INT(sl_json_finish(&j), 0);
    escape_slowly(text, n, &want);
    if (strcmp(sl_buf_cstr(&got), sl_buf_cstr(&want)))
        sl_test_fail(__FILE__, line, "%s, expected %s", sl_buf_cstr(&got), sl_buf_cstr(&want));
    sl_buf_free(&got);
    sl_buf_free(&want);
}

/* Each byte that needs care, at every place of strings of 0 to 40 bytes
 * (before, inside and after the eight-byte words the writer tests at
 * once, and in the overlapping last word), and every byte in a short
 * string and a long one: the same bytes as a byte at a time. */
TEST(json_string_escapes_at_every_place)
{
    static const char *const odd[] = {"\"", "\\", "\n", "\t", "\r", "\x01", "\x1f", "\x7f", " ",
                                      "\xc3\xa9", "\xe2\x80\x9c", "\xff", "\xc3", "\x80"};
    char text[48];
    for (size_t n = 0; n <= 40; n++)
        for (size_t o = 0; o < sizeof odd / sizeof *odd; o++)
            for (size_t at = 0; at <= n; at++) {
                size_t m = strlen(odd[o]);
                if (at + m > n && n)
                    continue;
                memset(text, 'w', n);
                if (n)
                    memcpy(text + at, odd[o], m);
                check_escaped(text, n, __LINE__);
            }
    for (int c = 0; c < 256; c++)
        for (size_t n = 1; n <= 17; n += 16) {
            memset(text, 'w', n);
            text[n / 2] = (char)c;
            check_escaped(text, n, __LINE__);
        }
}

/* Many allocations, aligned and apart; a reset frees them all at once and
 * the memory serves the next article. */
TEST(arena_alloc_reset)
{
    sl_arena a = SL_ARENA_INIT;
    char *first = sl_arena_strndup(&a, "headline", 4);
    CHECK_STR(first, "head");
    char *big = sl_arena_alloc(&a, (size_t)200 << 10); /* over one block */
    CHECK(big != NULL);
    if (big)
        memset(big, 'x', (size_t)200 << 10);
    for (int i = 0; i < 1000; i++) {
        void *p = sl_arena_alloc(&a, (size_t)i % 37 + 1);
        CHECK(p && ((uintptr_t)p & 15) == 0);
    }
    CHECK_STR(first, "head"); /* untouched by later allocations */
    CHECK_INT(a.err, 0);
    sl_arena_reset(&a);
    char *again = sl_arena_strndup(&a, "next article", 12);
    CHECK_STR(again, "next article");
    CHECK(sl_arena_alloc(&a, SIZE_MAX - 8) == NULL);
    CHECK_INT(a.err, SL_ENOMEM);
    sl_arena_reset(&a);
    CHECK_INT(a.err, 0);
    sl_arena_free(&a);
    sl_arena_free(&a); /* twice is harmless */
}

/* A record sorted by two keys, heavier first then by id: a total order, so
 * the template's sort must give qsort's array exactly. */
typedef struct weighted {
    uint64_t id;
    float weight;
} weighted;

#define HEAVIER_FIRST(a, b) ((a).weight != (b).weight ? (a).weight > (b).weight : (a).id < (b).id)
SL_SORT_DEFINE(static, sort_heavier_first, weighted, HEAVIER_FIRST)

static int heavier_first(const void *x, const void *y)
{
    const weighted *a = x, *b = y;
    return HEAVIER_FIRST(*a, *b) ? -1 : HEAVIER_FIRST(*b, *a);
}

TEST(record_sort_agrees_with_qsort)
{
    enum { N = 2000 };
    weighted *want = malloc(N * sizeof *want), *got = malloc(N * sizeof *got);
    CHECK(want && got);
    uint64_t x = 88172645463325252ull;
    /* weights random, few (many ties broken by id), ascending, all equal */
    for (int shape = 0; shape < 4 && want && got; shape++)
        for (size_t n = 0; n < N; n = n * 3 + 1) {
            for (size_t k = 0; k < n; k++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                float w = shape == 0 ? (float)(x % 100000) : shape == 1 ? (float)(x % 4) : shape == 2 ? (float)k : 1.0f;
                want[k] = got[k] = (weighted){x >> 20, w};
            }
            sort_heavier_first(got, n);
            if (n)
                qsort(want, n, sizeof *want, heavier_first);
            bool same = true; /* field by field: memcmp would read the padding */
            for (size_t k = 0; k < n; k++)
                same = same && want[k].id == got[k].id && want[k].weight == got[k].weight;
            CHECK(same);
        }
    free(want);
    free(got);
}

/* The count map through its growths: every key keeps its count, key 0 is
 * key 1, an absent key is NULL without `create`, and a look-up adds nothing. */
TEST(count_map_keeps_counts_through_growth)
{
    sl_count_map m = {0};
    CHECK(sl_count_slot(&m, 5, 0) == NULL); /* empty: no table yet */
    for (uint64_t k = 0; k < 5000; k++) {
        uint32_t *v = sl_count_slot(&m, k * 1024 + 7, 1); /* the same low bits: long probes */
        CHECK(v && *v == 0);
        *v = (uint32_t)k + 1;
    }
    CHECK_INT(m.used, 5000);
    CHECK_INT(m.cap, 8192); /* at most 4/5 full: 6,250 slots or more, doubled from 1,024 */
    for (uint64_t k = 0; k < 5000; k++) {
        uint32_t *v = sl_count_slot(&m, k * 1024 + 7, 0);
        CHECK(v && *v == k + 1);
    }
    CHECK(sl_count_slot(&m, 3, 0) == NULL);
    CHECK_INT(m.used, 5000);
    *sl_count_slot(&m, 0, 1) = 42;
    CHECK(*sl_count_slot(&m, 1, 0) == 42);
    sl_count_free(&m);
    CHECK(m.cap == 0 && m.keys == NULL);
}

/* The count map fills to 4/5 of its slots before it doubles, and no
 * further: the key that would pass it doubles the table, the one before
 * does not; every key is found after the growth. */
TEST(count_map_doubles_past_four_fifths)
{
    sl_count_map m = {0};
    for (uint64_t k = 1; k <= 819; k++) /* 819 * 5 <= 1024 * 4 */
        CHECK(sl_count_slot(&m, k << 10, 1) != NULL);
    CHECK_INT(m.cap, 1024);
    CHECK(sl_count_slot(&m, 820 << 10, 1) != NULL);
    CHECK_INT(m.cap, 2048);
    for (uint64_t k = 1; k <= 820; k++)
        CHECK(sl_count_slot(&m, k << 10, 0) != NULL);
    sl_count_free(&m);
}

/* Keys whose probes run past the table's end and on from its start, in
 * a table 4/5 full, are all found again after it doubles (their homes
 * then split between the two halves' last slots). */
TEST(count_map_wrapping_probes_through_growth)
{
    sl_count_map m = {0};
    for (uint64_t k = 1; k <= 819; k++) /* homes 1,023 and 2,047: slot 1,023 at 1,024 slots */
        *sl_count_slot(&m, (k << 11) | ((k & 1) << 10) | 1023, 1) = (uint32_t)k;
    CHECK_INT(m.cap, 1024);
    CHECK(sl_count_slot(&m, 5, 1) != NULL);
    CHECK_INT(m.cap, 2048);
    for (uint64_t k = 1; k <= 819; k++) {
        uint32_t *v = sl_count_slot(&m, (k << 11) | ((k & 1) << 10) | 1023, 0);
        CHECK(v && *v == k);
    }
    sl_count_free(&m);
}

/* A growth that fails leaves the map as it was: NULL for the new key, the
 * old keys and their counts kept, and the next try grows it. */
TEST(count_map_growth_out_of_memory)
{
    sl_count_map m = {0};
    for (uint64_t k = 1; k <= 819; k++)
        *sl_count_slot(&m, k, 1) = (uint32_t)k;
    sl_alloc_fail_nth(1);
    CHECK(sl_count_slot(&m, 820, 1) == NULL);
    sl_alloc_fail_nth(0);
    CHECK_INT(m.cap, 1024);
    CHECK_INT(m.used, 819);
    for (uint64_t k = 1; k <= 819; k++)
        CHECK(*sl_count_slot(&m, k, 0) == k);
    CHECK(sl_count_slot(&m, 820, 1) != NULL);
    CHECK_INT(m.cap, 2048);
    sl_count_free(&m);
}

/* A map at its fill limit (819 of 1,024 slots) finds and counts a key it
 * holds without growing, even when a growth would fail; only a new key
 * doubles it. */
TEST(count_map_full_finds_held_keys_without_growing)
{
    sl_count_map m = {0};
    for (uint64_t k = 1; k <= 819; k++)
        *sl_count_slot(&m, k * 1024, 1) = (uint32_t)k;   /* one probe chain */
    CHECK_INT(m.cap, 1024);
    sl_alloc_fail_nth(1);
    for (uint64_t k = 1; k <= 819; k++) {
        uint32_t *slot = sl_count_slot(&m, k * 1024, 1);
        CHECK(slot != NULL && *slot == k);
        if (slot)
            (*slot)++;
    }
    sl_alloc_fail_nth(0);
    CHECK_INT(m.cap, 1024);
    CHECK_INT(m.used, 819);
    CHECK(*sl_count_slot(&m, 819 * 1024, 0) == 820);
    CHECK(sl_count_slot(&m, 5, 1) != NULL);
    CHECK_INT(m.cap, 2048);
    CHECK_INT(m.used, 820);
    for (uint64_t k = 1; k <= 819; k++)
        CHECK(*sl_count_slot(&m, k * 1024, 0) == k + 1);
    sl_count_free(&m);
}

/* sl_mem_find gives memmem's answer: needles found at the start, the end,
 * after more false starts of their first byte than it compares itself
 * (memmem takes the rest), found twice (the first), not found, longer
 * than the text, of one byte; and generated texts of a small alphabet. */
TEST(mem_find_gives_memmem_first_place)
{
    char text[400];
    memset(text, 'a', sizeof text);
    memcpy(text + 300, "ab", 2);
    memcpy(text + 350, "ab", 2);
    memcpy(text + sizeof text - 3, "abc", 3);
    const char *needles[] = {"ab", "abc", "aaa", "a", "b", "c", "ba", "abd", "aab"};
    for (size_t i = 0; i < sizeof needles / sizeof *needles; i++) {
        size_t len = strlen(needles[i]);
        CHECK(sl_mem_find(text, sizeof text, needles[i], len) ==
              memmem(text, sizeof text, needles[i], len));
    }
    CHECK(sl_mem_find(text, sizeof text, "ab", 2) == text + 300);
    CHECK(sl_mem_find(text, 2, "aaa", 3) == NULL);
    CHECK(sl_mem_find(text, sizeof text, "", 0) == NULL);
    uint64_t s = 7;
    int same = 0;
    for (int round = 0; round < 2000; round++) {
        char hay[120], needle[6];
        for (size_t k = 0; k < sizeof hay; k++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            hay[k] = "abc"[(s >> 33) % 3];
        }
        size_t n = 1 + (s >> 40) % sizeof hay, len = 1 + (s >> 50) % sizeof needle;
        for (size_t k = 0; k < len; k++)
            needle[k] = "abc"[(s >> (10 + 2 * k)) % 3];
        same += sl_mem_find(hay, n, needle, len) == memmem(hay, n, needle, len);
    }
    CHECK_INT(same, 2000);
}
