/* test_store_fact_heads.c — the facts' form of schema 27 (src/store/fact_items.c,
 * a head an item): thousands of generated items, whatever their kinds,
 * offsets, values, marks and strings, read back bit for bit; the bytes a
 * usual item takes (what repeats, is none or is in the article's text
 * left out); a store of schema 26 migrated to it reading the same; the
 * check counting a row that does not read (the command's message:
 * tests/e2e/migrate.sh). */
#include <math.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"
#include "store_fixture.h"
#include "test.h"

/* A small deterministic generator (xorshift64*). */
static uint64_t next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

static double bits_double(uint64_t bits)
{
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

/* A value of one of the forms the store tells apart: zero, -0, whole
 * (small, large, at and past 2^53), a decimal m / 10^e, any 64 bits,
 * infinities and NaN. */
static double gen_value(uint64_t *s)
{
    uint64_t r = next(s);
    int64_t m = (int64_t)(next(s) >> (r % 40 + 11)) * (r & 1 ? -1 : 1);
    static const double powers[] = {1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10};
    switch ((r >> 8) % 10) {
    case 0: return 0;
    case 1: return -0.0;
    case 2: return (double)m;
    case 3: return (r >> 20) & 1 ? 9007199254740992.0 : -9007199254740994.0;
    case 4:
    case 5: return (double)m / powers[(r >> 16) % 10];
    case 6: return bits_double(next(s));
    case 7: return (r >> 20) & 1 ? INFINITY : -INFINITY;
    case 8: return NAN;
    default: return (double)(r % 1000) / 100.0;
    }
}

/* A string: NULL, empty, a word of the store's list, a piece of the
 * article's text, or words of its own. */
static char *gen_string(uint64_t *s, const char *text)
{
    static const char *const own[] = {"", "person", "dollar per share", "Skerrow Harbour Trust",
                                      "vs loss", "2026-05-01", "said", "x"};
    uint64_t r = next(s);
    size_t len = strlen(text);
    if (r % 4 == 0)
        return NULL;
    if (r % 4 == 1) {
        size_t at = (r >> 8) % len, n = 1 + (r >> 20) % (len - at);
        return strndup(text + at, n);
    }
    return strdup(own[(r >> 8) % (sizeof own / sizeof *own)]);
}

static void free_item(sl_fact_item *it)
{
    free(it->text);
    free(it->about);
    free(it->detail);
    free(it->role);
}

/* Item k of a generated article: each field of each form, and often what
 * the form leaves out (the previous item's sentence, no source, value_hi
 * the value, the text at the span, the about the text). */
static void gen_item(uint64_t *s, const char *text, const sl_fact_item *prev, sl_fact_item *it)
{
    uint64_t r = next(s);
    uint32_t len = (uint32_t)strlen(text);
    memset(it, 0, sizeof *it);
    it->kind = (sl_fact_kind)(r % 4 ? r % 4 : (r >> 4) % 9);
    uint32_t start = (uint32_t)((r >> 8) % 3 ? (r >> 12) % len : next(s)),
             end = (uint32_t)((r >> 10) % 3 ? start + (r >> 40) % 12 : next(s));
    it->span = (sl_span){start, end};
    it->sentence = (r >> 14) % 2 && prev ? prev->sentence
                                         : (sl_span){(uint32_t)next(s) % (len + 9), (uint32_t)next(s)};
    if ((r >> 16) % 4 == 0)
        it->source = (sl_span){(uint32_t)next(s), (uint32_t)next(s)};
    it->value = gen_value(s);
    it->value_hi = (r >> 18) % 2 ? it->value : gen_value(s);
    static const char marks[] = {'=', '~', '>', '<', 0, 'x', '='};
    it->approx = marks[(r >> 20) % sizeof marks];
    it->text = (r >> 23) % 2 && end > start && end <= len ? strndup(text + start, end - start)
                                                           : gen_string(s, text);
    it->about = (r >> 24) % 3 == 0 && it->text ? strdup(it->text) : gen_string(s, text);
    it->detail = gen_string(s, text);
    it->role = gen_string(s, text);
}

static int same_string(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Whether got is `want` as the store gives it back: bit for bit, but an
 * unset mark, which reads as '='. */
static int same_item(const sl_fact_item *want, const sl_fact_item *got)
{
    return got->kind == want->kind && got->span.start == want->span.start &&
           got->span.end == want->span.end && got->sentence.start == want->sentence.start &&
           got->sentence.end == want->sentence.end && got->source.start == want->source.start &&
           got->source.end == want->source.end &&
           !memcmp(&got->value, &want->value, sizeof want->value) &&
           !memcmp(&got->value_hi, &want->value_hi, sizeof want->value_hi) &&
           got->approx == (want->approx ? want->approx : '=') && same_string(got->text, want->text) &&
           same_string(got->about, want->about) && same_string(got->detail, want->detail) &&
           same_string(got->role, want->role);
}

#define ROW_ITEMS 40

/* n items generated from seed s into items[], written as article 1's and
 * read back; the number read back the same. */
static size_t round_trip(sl_store *st, uint64_t *s, sl_fact_item items[ROW_ITEMS])
{
    for (size_t i = 0; i < ROW_ITEMS; i++)
        gen_item(s, store_fixture_text, i ? &items[i - 1] : NULL, &items[i]);
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), items,
                                 ROW_ITEMS), 0);
    sl_fact_item *got = NULL;
    size_t n = 0, same = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n), 0);
    for (size_t i = 0; i < n && i < ROW_ITEMS; i++) {
        same += same_item(&items[i], &got[i]);
        free_item(&got[i]);
    }
    free(got);
    return n == ROW_ITEMS ? same : 0;
}

TEST(store_fact_heads_read_back_generated_items_bit_for_bit)
{
    OPEN_STORE(st, path);
    CHECK(st->schema >= SL_STORE_FACT_HEADS_SINCE);
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    size_t same = 0, rows = 100;
    for (size_t r = 0; r < rows; r++) {
        sl_fact_item items[ROW_ITEMS];
        same += round_trip(st, &seed, items);
        for (size_t i = 0; i < ROW_ITEMS; i++)
            free_item(&items[i]);
    }
    CHECK_INT(same, rows * ROW_ITEMS);
    drop_store(st, path);
}

/* The bytes of article 1's facts row. */
static int64_t row_bytes(sl_store *st)
{
    return count_rows(st, "SELECT length(items) FROM facts WHERE article_id = 1");
}

TEST(store_fact_heads_leave_out_what_repeats_or_is_in_the_text)
{
    OPEN_STORE(st, path);
    /* "Councillor Aila Brenn said the board met 3 times." */
    sl_fact_item items[] = {
        /* head (2: a role), span (2), sentence (2), detail, role "Councillor" (11) */
        {.kind = SL_FACT_ENTITY, .span = {11, 21}, .sentence = {0, 49}, .text = "Aila Brenn",
         .about = "Aila Brenn", .detail = "person", .role = "Councillor", .approx = '='},
        /* head, span (2), the value 3 (1), detail; its sentence, value_hi and
         * about ("times", a span: 2) left out */
        {.kind = SL_FACT_NUMBER, .span = {41, 42}, .sentence = {0, 49}, .text = "3", .about = "times",
         .detail = "count", .value = 3, .value_hi = 3, .approx = '='},
        /* head, span (2), 2.5 as 25 / 10 (2), about "Aila Brenn" (2), detail */
        {.kind = SL_FACT_QUOTE, .span = {22, 26}, .sentence = {0, 49}, .text = "said",
         .about = "Aila Brenn", .detail = "said", .value = 2.5, .value_hi = 2.5, .approx = '='},
        /* head (2: value_hi zero), span (2), the value 3 (1), detail */
        {.kind = SL_FACT_NUMBER, .span = {41, 42}, .sentence = {0, 49}, .text = "3", .about = "3",
         .detail = "count", .value = 3, .value_hi = 0, .approx = '='},
    };
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), items, 4), 0);
    CHECK_INT(row_bytes(st), 18 + 7 + 8 + 6);
    drop_store(st, path);
}

/* Article 1's facts in the form of schema 26 (the store's schema taken
 * back), the store told it is at 26, and opened again: migrated. */
static sl_store *migrated_from_26(sl_store *st, const char *path, const sl_fact_item *items, size_t n,
                                  int64_t *old_bytes)
{
    st->schema = SL_STORE_FACT_HEADS_SINCE - 1;
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), items, n), 0);
    *old_bytes = row_bytes(st);
    CHECK_INT(sqlite3_exec(st->db, "DROP TABLE paths; ALTER TABLE articles DROP COLUMN path_id;"
                           " PRAGMA user_version = 26", NULL, NULL, NULL),
              SQLITE_OK); /* schema 26 had no paths */
    CHECK_INT(sl_store_commit(st), 0);
    sl_store_close(st);
    st = NULL;
    CHECK_INT(sl_store_open(&st, path, 0, NULL), 0);
    return st;
}

TEST(store_fact_heads_migration_reads_the_same)
{
    OPEN_STORE(st, path);
    uint64_t seed = 42;
    sl_fact_item items[ROW_ITEMS];
    for (size_t i = 0; i < ROW_ITEMS; i++)
        gen_item(&seed, store_fixture_text, i ? &items[i - 1] : NULL, &items[i]);
    int64_t old_bytes = 0;
    if (!(st = migrated_from_26(st, path, items, ROW_ITEMS, &old_bytes)))
        return;
    CHECK_INT(count_rows(st, "PRAGMA user_version"), SL_STORE_HIGH_HASHES_SINCE); /* the last */
    CHECK(row_bytes(st) < old_bytes);
    sl_fact_item *got = NULL;
    size_t n = 0, same = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n), 0);
    CHECK_INT(n, ROW_ITEMS);
    for (size_t i = 0; i < n && i < ROW_ITEMS; i++) {
        same += same_item(&items[i], &got[i]);
        free_item(&got[i]);
    }
    free(got);
    CHECK_INT(same, ROW_ITEMS);
    for (size_t i = 0; i < ROW_ITEMS; i++)
        free_item(&items[i]);
    drop_store(st, path);
}

TEST(store_fact_heads_check_counts_rows_that_do_not_read)
{
    OPEN_STORE(st, path);
    sl_fact_item item = {.kind = SL_FACT_ENTITY, .span = {11, 21}, .sentence = {0, 49},
                         .text = "Aila Brenn", .about = "Aila Brenn", .detail = "person"};
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, strlen(store_fixture_text), &item, 1), 0);
    int64_t bad = -1;
    CHECK_INT(sl_store_facts_verify(st, &bad), 0);
    CHECK_INT(bad, 0);
    /* an entity whose about is 66 bytes of the text from its 10th */
    CHECK_INT(sqlite3_exec(st->db, "UPDATE facts SET items = x'081614014201'", NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(sl_store_facts_verify(st, &bad), 0);
    CHECK_INT(bad, 1);
    drop_store(st, path);
}

/* The values at the edges of the decimal form read back bit for bit (branch
 * rev31b): -0, subnormals, NaNs with payloads and sign, 0.1 + 0.2, the
 * largest m / 10^e kept, whole numbers at 2^53 and past, the extremes; and
 * an about found twice in the text ("me") and one at its end, with a
 * value_hi of each. */
TEST(store_fact_heads_edge_values_read_back_bit_for_bit)
{
    OPEN_STORE(st, path);
    static const uint64_t bits[] = {0x8000000000000000ULL, 0x0000000000000001ULL,
                                    0x800fffffffffffffULL, 0x7ff0000000000001ULL,
                                    0xfff8000000000123ULL, 0x7ff4000000000000ULL,
                                    0x0010000000000000ULL, 0x7fefffffffffffffULL};
    const double plain[] = {0.1 + 0.2, 0.3, 1e-9, -1e-10, 9007199254740.991, 900719925474099.1,
                            9007199254740993.0, -9007199254740992.0, 0.5e-300, 123456.789012345};
    enum { N_BITS = sizeof bits / sizeof *bits, N_PLAIN = sizeof plain / sizeof *plain };
    double values[N_BITS + N_PLAIN];
    for (size_t i = 0; i < N_BITS; i++)
        memcpy(&values[i], &bits[i], sizeof values[i]);
    memcpy(values + N_BITS, plain, sizeof plain);
    size_t len = strlen(store_fixture_text);
    char *last = strdup(store_fixture_text + len - 6);
    sl_fact_item items[N_BITS + N_PLAIN];
    for (size_t i = 0; i < N_BITS + N_PLAIN; i++)
        items[i] = (sl_fact_item){.kind = SL_FACT_NUMBER, .span = {0, 4}, .sentence = {0, 9},
                                  .value = values[i], .value_hi = values[(i + 3) % (N_BITS + N_PLAIN)],
                                  .text = "x", .about = i % 2 ? last : "me", .approx = '~'};
    CHECK_INT(sl_store_facts_put(st, 1, store_fixture_text, len, items, N_BITS + N_PLAIN), 0);
    sl_fact_item *got = NULL;
    size_t n = 0, same = 0;
    CHECK_INT(sl_store_facts_get(st, 0, 1, -1, &got, &n), 0);
    CHECK_INT(n, N_BITS + N_PLAIN);
    for (size_t i = 0; i < n && i < N_BITS + N_PLAIN; i++) {
        same += same_item(&items[i], &got[i]);
        free_item(&got[i]);
    }
    free(got);
    free(last);
    CHECK_INT(same, N_BITS + N_PLAIN);
    int64_t bad = -1;
    CHECK_INT(sl_store_facts_verify(st, &bad), 0);
    CHECK_INT(bad, 0);
    drop_store(st, path);
}
